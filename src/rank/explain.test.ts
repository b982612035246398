import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderExplanation } from './explain.js';
import { rankStory } from './rank.js';
import { deal } from './rank.fixture.js';
import { loadRubricFile } from './rubric-file.js';

const loaded = await loadRubricFile();
assert.ok(loaded.ok);

test('explain prints tier, confidence, publishers, figures, audiences and score, each with reasons', () => {
  const story = [
    deal.en('o', 'Quarry Compute', undefined, undefined, { type: 'official' }),
    deal.en('a', 'Pier Wire', undefined, undefined, { copies: [{ outlet: 'Cablefold', relation: 'canonical' }] }),
    deal.zh('b', '码头日报'),
    deal.zh('d', '算力瞭望', '3000 兆瓦'),
  ];
  const text = renderExplanation('Anthropic leases the whole Quarry Compute campus', rankStory(story, loaded.value));
  const lines = text.split('\n');
  assert.equal(lines[0], 'Anthropic leases the whole Quarry Compute campus');
  assert.match(lines[1]!, /^🔴 L1 - Major Platform Updates \(重大平台更新\) · Confidence: High · score \d+$/);
  for (const heading of ['Tier', 'Confidence', 'Publishers', 'Figures', 'Audiences'])
    assert.ok(lines.includes(heading), `section ${heading}`);
  assert.ok(lines.includes('  independent (3): Pier Wire, 码头日报, 算力瞭望'));
  assert.ok(lines.includes('  official: Quarry Compute'));
  assert.ok(lines.includes('  counted with their original: Cablefold (syndicated copy of Pier Wire)'));
  assert.ok(
    lines.includes('  agree: $9.6 billion / 96 亿美元 (4 sources): Quarry Compute, Pier Wire, 码头日报, 算力瞭望'),
  );
  assert.ok(
    lines.includes(
      '  CONFLICT: power: 300MW / 300 兆瓦 (3 sources: Quarry Compute, Pier Wire, 码头日报) vs 3000 兆瓦 (算力瞭望); settled for 300MW / 300 兆瓦 (the official source states 300MW / 300 兆瓦 and 3 sources to 1)',
    ),
    text,
  );
  assert.ok(lines.some((l) => l.startsWith('  - Investor: ')));
  assert.ok(text.endsWith('\n'));
});
