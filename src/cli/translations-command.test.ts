import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { TranslationRow } from '../store/translation-store.js';
import { renderTranslations } from './translations-command.js';

const row: TranslationRow = {
  originalId: '0rr1n0000en1',
  translationId: '0rr1n0000zh1',
  translationLanguage: 'zh',
  translationUrl: 'https://zh.example/a',
  translationOutlet: '译介 Example',
  translationTitle: 'Orrin Labs 发布 Quill-2',
  score: 0.8123,
  reasons: ['15 anchors in the same order', 'paragraphs: ratio 0.80'],
  detail: {},
  originalWhy: 'published first (2026-04-07T09:00:00.000Z)',
  recognisedAt: '2026-04-08T00:00:00.000Z',
};

describe('renderTranslations', () => {
  const cases = [
    { name: 'no pairs', rows: [], want: [/^No translations recognised\.\n$/] },
    {
      name: 'a pair: both articles, the translation outlet, score, why the original, every reason',
      rows: [row],
      want: [
        /^0rr1n0000en1 {2}Orrin Labs releases Quill-2$/m,
        /translation \(zh\) 0rr1n0000zh1 {2}Orrin Labs 发布 Quill-2/,
        /译介 Example https:\/\/zh\.example\/a/,
        /score 0\.812; original: published first/,
        /- 15 anchors in the same order\n {2}- paragraphs: ratio 0\.80/,
      ],
    },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const out = renderTranslations(c.rows, new Map([['0rr1n0000en1', 'Orrin Labs releases Quill-2']]));
      for (const re of c.want) assert.match(out, re);
    });
  }
});
