// The Chinese names a story's own sources give the entities it names in Latin letters, so that a
// Chinese face says 格点云 and 澜芯科技 where its Chinese coverage does, not "Lattice Cloud" and
// "LanCore". A name is taken only when the match is reliable:
//   1. the gazetteer gives both names, or a Chinese source glosses one with the other and uses it
//      again (格点云（Lattice Cloud）… 格点云拿下…): the recogniser then gives one entity both
//      surfaces (src/understand/chinese-names.ts);
//   2. an English sentence and a Chinese sentence of the story (members in either language, and the
//      aligned paragraphs of a bilingual page) state the same figure, and each names exactly one
//      organisation not matched otherwise ("LanCore says the LX2 … 2.5x" / "澜芯科技称，LX2 … 2.5 倍");
//      pairs found are set aside and the sentences read again, so a second organisation in the
//      same sentences can then match; a Latin name paired with two Chinese names (or the reverse)
//      takes neither.
// Pure; cached per analysis.

import type { ArticleWithSightings, Face } from '../article.js';
import { figureKey, isTelling } from './sentence-candidates.js';
import { TITLE_SUBJECT, eventKindOf } from './titles.js';
import { humanTranslationView, type StoryAnalysis } from './story-analysis.js';

const HAN = /\p{Script=Han}/u;

const cache = new WeakMap<StoryAnalysis, ReadonlyMap<string, string>>();

/** Latin name → the Chinese name the story's sources give it (reliable matches only). */
export function chineseNamesOf(analysis: StoryAnalysis): ReadonlyMap<string, string> {
  const hit = cache.get(analysis);
  if (hit) return hit;
  const made = chineseNamesOnce(analysis);
  cache.set(analysis, made);
  return made;
}

interface NamedSentence {
  readonly keys: ReadonlySet<string>;
  /** Organisations named, by surface. */
  readonly orgs: readonly string[];
  readonly text: string;
}

function sentencesOf(article: ArticleWithSightings): NamedSentence[] {
  const u = article.understanding;
  return u.sentences.map((s) => ({
    keys: new Set(
      u.figures.filter((f) => f.start >= s.start && f.end <= s.end && isTelling(f)).map((f) => figureKey(f)),
    ),
    orgs: [
      ...new Set(
        u.entities
          .filter((e) => e.type === 'organization' && e.start >= s.start && e.end <= s.end)
          .map((e) => e.surface),
      ),
    ],
    text: s.text,
  }));
}

function chineseNamesOnce(analysis: StoryAnalysis): Map<string, string> {
  const out = new Map<string, string>();
  // 1. One entity with both names: a gazetteer entity, or a name a Chinese source glosses. Every
  // Latin spelling of it (its name, its English mentions) → its most used Chinese spelling.
  const views = analysis.articles.flatMap((a) =>
    (['en', 'zh'] as const).flatMap((face) => humanTranslationView(a, face) ?? []),
  );
  const byId = new Map<string, { latin: Set<string>; han: Map<string, number> }>();
  for (const a of [...analysis.articles, ...views]) {
    for (const e of a.understanding.entities) {
      if (e.type === 'concept') continue;
      const id = e.entityId ?? `name:${e.name.toLowerCase()}`;
      const entry = byId.get(id) ?? { latin: new Set<string>(), han: new Map<string, number>() };
      if (!HAN.test(e.name)) entry.latin.add(e.name);
      if (HAN.test(e.surface)) entry.han.set(e.surface, (entry.han.get(e.surface) ?? 0) + 1);
      else entry.latin.add(e.surface);
      byId.set(id, entry);
    }
  }
  for (const { latin, han } of byId.values()) {
    const best = [...han.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0]?.[0];
    if (best) for (const l of latin) if (!out.has(l)) out.set(l, best);
  }
  // 2. Same-figure sentences, across languages (members and the aligned pairs of bilingual pages).
  const en: NamedSentence[] = [];
  const zh: NamedSentence[] = [];
  for (const a of [...analysis.articles, ...views]) {
    if (a.language === 'en') en.push(...sentencesOf(a));
    else if (a.language === 'zh') zh.push(...sentencesOf(a));
  }
  const hanKnown = new Set(out.values());
  const hanOrgs = new Set(zh.flatMap((z) => z.orgs.filter((o) => HAN.test(o))));
  // Titles of one event in both languages: the subject of an English title ("LanCore raises …")
  // and the organisation a Chinese title opens on ("澜芯科技完成 …") are one vote each.
  const titles = [...analysis.articles, ...views].filter((a) => (a.title ?? '').trim() !== '');
  const titleVotes: Array<[string, string]> = [];
  for (const t of titles.filter((a) => a.language === 'en')) {
    const subject = TITLE_SUBJECT.exec(t.title!)?.[1];
    if (!subject) continue;
    const kind = eventKindOf([t.title!]);
    for (const z of titles.filter((a) => a.language === 'zh')) {
      const opening = [...hanOrgs].find((h) => z.title!.trim().startsWith(h));
      if (opening && !z.title!.includes(subject) && eventKindOf([z.title!]) === kind && kind !== 'other')
        titleVotes.push([subject, opening]);
    }
  }
  const same = (a: string, b: string): boolean => a === b || a.startsWith(`${b} `) || b.startsWith(`${a} `);
  for (let round = 0; round < 3; round++) {
    // Co-occurrence: each same-figure sentence pair gives its unmatched names 1/(|L|·|H|) a pair.
    const score = new Map<string, Map<string, number>>();
    const vote = (l: string, h: string, w: number): void => {
      const key = [...score.keys()].find((k) => same(k, l)) ?? l;
      const row = score.get(key) ?? new Map<string, number>();
      row.set(h, (row.get(h) ?? 0) + w);
      score.set(key, row);
    };
    const matched = (l: string): boolean => [...out.keys()].some((k) => same(k, l));
    for (const e of en) {
      if (e.keys.size === 0) continue;
      for (const z of zh) {
        if (![...e.keys].some((k) => z.keys.has(k))) continue;
        const latin = e.orgs.filter((o) => !HAN.test(o) && !matched(o) && !z.text.includes(o));
        const han = z.orgs.filter((o) => HAN.test(o) && !hanKnown.has(o));
        if (latin.length === 0 || han.length === 0 || latin.length > 3 || han.length > 3) continue;
        for (const l of latin) for (const h of han) vote(l, h, 1 / (latin.length * han.length));
      }
    }
    for (const [l, h] of titleVotes) if (!matched(l) && !hanKnown.has(h)) vote(l, h, 1);
    // A pair is taken when each is the other's clear best (at least one whole vote, twice the next).
    const best = (row: ReadonlyMap<string, number>): [string, number, number] | null => {
      const sorted = [...row.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
      return sorted[0] ? [sorted[0][0], sorted[0][1], sorted[1]?.[1] ?? 0] : null;
    };
    let added = 0;
    for (const [l, row] of score) {
      const b = best(row);
      if (!b || b[1] < 1 || b[1] < 2 * b[2]) continue;
      const column = new Map([...score].map(([k, r]) => [k, r.get(b[0]) ?? 0]));
      const back = best(column);
      if (!back || back[0] !== l || back[1] < 2 * back[2]) continue;
      out.set(l, b[0]);
      hanKnown.add(b[0]);
      added++;
    }
    if (added === 0) break;
  }
  return out;
}

/** The Chinese name of a Latin name: the map's entry for it, or for a longer or shorter form of it ("LanCore" / "LanCore Technologies"). */
export function chineseNameFor(names: ReadonlyMap<string, string>, latin: string): string | null {
  const exact = names.get(latin);
  if (exact) return exact;
  for (const [l, h] of names) {
    if (l.startsWith(`${latin} `) || latin.startsWith(`${l} `)) return h;
  }
  return null;
}

/** A name (an entity's or an outlet's) as a face writes it: in a Chinese face, the Chinese name the story's sources give it, when there is one. */
export function nameInFace(analysis: StoryAnalysis, name: string, face: Face): string {
  if (face !== 'zh' || HAN.test(name)) return name;
  return chineseNameFor(chineseNamesOf(analysis), name) ?? name;
}
