// Test fixtures for src/rank: invented articles built with understand(), as ingest would store
// them. Every outlet, person and event here is made up for the tests.
import type { ArticleWithSightings, SightingRelation } from '../article.js';
import type { SourceType } from '../sources/registry.js';
import { sightingOf, understoodArticle } from '../../test/support/article.js';

export interface FixtureCopy {
  readonly outlet: string;
  readonly relation: SightingRelation;
  readonly type?: SourceType;
}

export interface FixtureArticle {
  readonly id: string;
  readonly outlet: string;
  readonly type?: SourceType;
  readonly title: string;
  readonly paragraphs: readonly string[];
  readonly published?: string | null;
  readonly copies?: readonly FixtureCopy[];
}

const HAN = /\p{Script=Han}/u;

export function makeArticle(f: FixtureArticle): ArticleWithSightings {
  const type = f.type ?? 'news';
  const a = understoodArticle({
    id: f.id,
    url: `https://${f.id}.example/story`,
    title: f.title,
    published: f.published === undefined ? '2026-05-10T08:00:00.000Z' : f.published,
    language: f.paragraphs.some((p) => HAN.test(p)) ? 'zh' : 'en',
    outlet: f.outlet,
    sourceType: type,
    paragraphs: f.paragraphs,
    ingestedAt: '2026-05-10T12:00:00.000Z',
  });
  const copies = (f.copies ?? []).map((c, i) =>
    sightingOf(a, {
      url: `https://copy${i}.${f.id}.example/`,
      outlet: c.outlet,
      relation: c.relation,
      sourceType: c.type ?? 'news',
    }),
  );
  return { ...a, sightings: [...a.sightings, ...copies] };
}

/** An invented deal: Anthropic leases a campus from "Quarry Compute" (a made-up company). */
export const deal = {
  en: (id: string, outlet: string, mw = '300MW', usd = '$9.6 billion', extra: Partial<FixtureArticle> = {}) =>
    makeArticle({
      id,
      outlet,
      title: `Anthropic signs ${usd} lease for Quarry Compute campus`,
      paragraphs: [
        `Anthropic will take all ${mw} of the Quarry Compute campus in Nevada under a four-year agreement worth ${usd}, the companies said on Saturday.`,
        'The first hall opens in August, and the rest follows before the end of the year.',
      ],
      ...extra,
    }),
  zh: (id: string, outlet: string, mw = '300 兆瓦', usd = '96 亿美元', extra: Partial<FixtureArticle> = {}) =>
    makeArticle({
      id,
      outlet,
      title: `Anthropic 以 ${usd} 包下 Quarry Compute 园区`,
      paragraphs: [
        `Anthropic 周六宣布，将以 ${usd} 的价格在四年内包下 Quarry Compute 位于内华达州的园区，规模达 ${mw}。`,
        '首个机房将于八月投入使用，其余容量在年底前交付。',
      ],
      ...extra,
    }),
};
