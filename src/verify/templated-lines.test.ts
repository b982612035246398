// The writer's own connecting lines name outlets (possessive), languages and links: none of that
// is a claim a source must make, while a figure or name outside the link still is.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkSentence, type SourceText } from './grounding.js';

const sources: SourceText[] = [
  {
    id: 'a1',
    label: 'Harbor Tech Daily',
    text: 'Quarry Labs books 200MW in Ohio. The deal is worth $1.2 billion.',
    url: 'https://harbor.example/2026/05/09/quarry',
  },
  {
    id: 'a2',
    label: '硅潮 SiliconTide',
    text: 'Quarry Labs 在俄亥俄州预订了 200 兆瓦算力。',
    url: 'https://guichao.example/2026/0509/quarry.html',
  },
];

const cases: Array<[name: string, sentence: string, ok: boolean]> = [
  [
    'an outlet in the possessive, a link with a date in it',
    'Read Harbor Tech Daily\'s report "Quarry Labs books 200MW in Ohio": https://harbor.example/2026/05/09/quarry',
    true,
  ],
  [
    'a language adjective and a Chinese outlet name',
    "Compare with 硅潮 SiliconTide's Chinese-language coverage: https://guichao.example/2026/0509/quarry.html",
    true,
  ],
  [
    'a figure outside the link is still checked',
    'Read the report (https://harbor.example/2026/05/09/quarry): the deal is worth $2.5 billion.',
    false,
  ],
  [
    'an unknown name outside the link is still checked',
    'Read the report: https://harbor.example/x, where Brightwater Partners comment on it.',
    false,
  ],
];

for (const [name, sentence, ok] of cases) {
  test(`templated line: ${name}`, () => {
    const check = checkSentence(sentence, sources);
    assert.equal(check.ok, ok, JSON.stringify(check.claims.filter((c) => !c.supported).map((c) => c.surface)));
  });
}
