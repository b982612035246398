// A recognised translation used everywhere: the face in the other language of a digest item and
// a card writes from the human translation (aligned sentences), marked as such and verified
// against it; the article's own face, and stories with no translation, are unchanged.

import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ArticleWithSightings, Sighting } from '../article.js';
import { sourcesOf } from '../verify/sources-of.js';
import { verifiedDigestItem } from '../write/writer.js';
import { rankStory } from '../rank/rank.js';
import { loadRubricFile } from '../rank/rubric-file.js';
import type { Rubric } from '../rank/rubric.js';
import { documentOfBilingualPage, renderBilingualHtml, renderBilingualMarkdown } from '../translate/layouts.js';
import { writeCard } from '../write/card.js';
import { writeDigestItem } from '../write/digest-item.js';
import { LABELS } from '../write/labels.js';
import type { StoryInput } from '../write/story-analysis.js';
import { recognizePair } from './recognize.js';
import { ENGLISH, TRANSLATION, version } from './recognize.fixture.js';
import { bilingualOf } from './recognize-stage.js';
import { article } from '../../test/support/article.js';

const en = version('0rr1n0000en1', 'en', ENGLISH, {
  title: 'Orrin Labs releases Quill-2',
  outlet: 'Northwire Example',
});
const zh = version('0rr1n0000zh1', 'zh', TRANSLATION, { title: 'Orrin Labs 发布 Quill-2', outlet: '译介 Example' });
const page = bilingualOf(en, zh, recognizePair(en, zh));

function sighting(url: string, outlet: string, relation: Sighting['relation']): Sighting {
  return {
    url,
    relation,
    outlet,
    sourceId: null,
    sourceType: 'news',
    feedTitle: null,
    via: null,
    seenAt: '2026-04-08T00:00:00.000Z',
  };
}

function stored(
  v: typeof en,
  bilingual: ArticleWithSightings['bilingual'],
  sightings: Sighting[],
): ArticleWithSightings {
  return article({
    id: v.id,
    url: v.url,
    title: v.title,
    published: v.published,
    language: v.language,
    mixed: bilingual !== null,
    outlet: v.outlet,
    paragraphs: v.paragraphs,
    text: v.text,
    bilingual,
    ingestedAt: v.ingestedAt,
    understanding: {
      sentences: v.understanding.sentences,
      entities: v.understanding.entities,
      figures: v.understanding.figures,
      quotes: v.understanding.quotes,
    },
    sightings,
  });
}

describe('a human translation in the other face', () => {
  let rubric: Rubric;
  const plain = stored(en, null, [sighting(en.url, 'Northwire Example', 'original')]);
  const paired = stored(en, page, [
    sighting(en.url, 'Northwire Example', 'original'),
    sighting(zh.url, '译介 Example', 'translation'),
  ]);
  const story = (a: ArticleWithSightings): StoryInput => ({
    storyId: a.id,
    articles: [a],
    ranking: rankStory([a], rubric),
  });
  before(async () => {
    const loaded = await loadRubricFile();
    if (!loaded.ok) throw new Error(loaded.message);
    rubric = loaded.value;
  });

  test('the Chinese digest item is written from the human Chinese, marked, and passes verification', () => {
    const item = writeDigestItem(story(paired), 'zh');
    assert.equal(item.bodyLanguage, 'zh');
    assert.equal(item.notice, LABELS.zh.noticeHumanTranslation);
    assert.ok(
      item.keyPoints.lead.length > 0 && TRANSLATION.join('').includes(item.keyPoints.lead),
      item.keyPoints.lead,
    );
    assert.match(item.headline, /^Orrin Labs 发布 Quill-2/);
    const checked = verifiedDigestItem(item, [paired]);
    assert.equal(checked.verification?.ok, true, JSON.stringify(checked.verification?.problems));
  });

  test('with no human translation the Chinese face is composed in Chinese from the facts, marked untranslated', () => {
    const item = writeDigestItem(story(plain), 'zh');
    assert.equal(item.bodyLanguage, 'zh');
    assert.equal(item.notice, LABELS.zh.noticeUntranslated);
    assert.ok(/\p{Script=Han}/u.test(item.keyPoints.lead), item.keyPoints.lead);
    assert.equal(item.provenance.find((p) => p.path === 'keyPoints.lead')?.kind, 'composed');
  });

  test("the article's own face does not change when it gains a translation", () => {
    assert.deepEqual(writeDigestItem(story(paired), 'en').keyPoints, writeDigestItem(story(plain), 'en').keyPoints);
    assert.deepEqual(writeCard(paired, story(paired)).summary, writeCard(plain, story(plain)).summary);
  });

  test('the Chinese card summarises the human translation, titled in Chinese', () => {
    const card = writeCard(paired, story(paired), { language: 'zh' });
    assert.equal(card.notice, LABELS.zh.noticeHumanTranslation);
    assert.equal(card.title, 'Orrin Labs 发布 Quill-2');
    assert.equal(card.articleId, paired.id);
    assert.ok(/\p{Script=Han}/u.test(card.summary) && !card.summary.includes('Training cost'), card.summary);
  });

  test('a Chinese original with a human English translation: the English face uses it and verifies', () => {
    const zhOriginal = stored(zh, { ...page, titleEn: 'Orrin Labs releases Quill-2' }, [
      sighting(zh.url, '译介 Example', 'original'),
      sighting(en.url, 'Northwire Example', 'translation'),
    ]);
    const item = writeDigestItem(story(zhOriginal), 'en');
    assert.equal(item.bodyLanguage, 'en');
    assert.equal(item.notice, LABELS.en.noticeHumanTranslation);
    assert.ok(ENGLISH.join(' ').includes(item.keyPoints.lead), item.keyPoints.lead);
    assert.ok(sourcesOf([zhOriginal]).some((s) => s.id === `${zhOriginal.id}#en`));
    const checked = verifiedDigestItem(item, [zhOriginal]);
    assert.equal(checked.verification?.ok, true, JSON.stringify(checked.verification?.problems));
  });

  test('the bilingual reader shows every paragraph once, a merged pair together, credited', () => {
    const md = renderBilingualMarkdown(
      documentOfBilingualPage(page, 'Human translation by 译介 Example'),
      'interleaved',
    );
    assert.match(md, /\*Human translation by 译介 Example\*/);
    for (const p of [...TRANSLATION]) assert.ok(md.includes(p.replace(/[*_[\]<>|`\\]/g, (c) => `\\${c}`)), p);
    assert.ok(!/\n\n\n/.test(md), 'no empty blocks');
  });

  test('a paragraph the translator left out shows alone, in both layouts and HTML', () => {
    const doc = documentOfBilingualPage(
      {
        layout: 'interleaved',
        titleEn: null,
        titleZh: null,
        pairs: [
          { en: 'Dropped here.', zh: '' },
          { en: 'Kept.', zh: '保留。' },
        ],
      },
      'Human translation',
    );
    assert.equal(renderBilingualMarkdown(doc, 'inline'), '*Human translation*\n\nDropped here.\n\nKept. 保留。\n');
    assert.equal(
      renderBilingualMarkdown(doc, 'interleaved'),
      '*Human translation*\n\nDropped here.\n\nKept.\n\n保留。\n',
    );
    const html = renderBilingualHtml(doc, 'interleaved');
    assert.equal((html.match(/<section lang="zh">/g) ?? []).length, 1);
  });
});
