import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nameCandidates } from './output-names.js';

const cases: Array<{ name: string; sentence: string; expected: string[]; titleCase?: boolean }> = [
  { name: 'a name inside a sentence', sentence: 'The deal was reported by Fortune on Tuesday.', expected: ['Fortune'] },
  { name: 'a multi-word name', sentence: 'It was signed with Kestrel Partners yesterday.', expected: ['Kestrel Partners'] },
  { name: 'the first word of a sentence alone is skipped', sentence: 'Investors were wary.', expected: [] },
  { name: 'a sentence-initial multi-word name is kept whole, with a shorter fallback', sentence: 'Halvard Compute rents it out.', expected: ['Halvard Compute>Compute'] },
  { name: 'clause starts after a colon and numbered points', sentence: 'Key arguments: (1) Demand is real; (2) Supply lags.', expected: [] },
  { name: 'generic acronyms and months are not names', sentence: 'Add SLA terms to the RFP in May.', expected: [] },
  { name: 'an unknown acronym is a name', sentence: 'Compare with the CNBC coverage.', expected: ['CNBC'] },
  { name: 'headlines in Title Case are skipped', sentence: 'Halvard Takes A Skeptical Stance', expected: [], titleCase: true },
];

describe('nameCandidates', () => {
  for (const c of cases) {
    it(c.name, () => {
      const got = nameCandidates(c.sentence, [], { titleCase: c.titleCase ?? false });
      assert.deepEqual(got.map((n) => (n.shorter ? `${n.surface}>${n.shorter.surface}` : n.surface)), c.expected);
      for (const n of got) assert.equal(c.sentence.slice(n.start, n.end), n.surface);
    });
  }
  it('masked spans (quotes, gazetteer names) are not candidates', () => {
    const sentence = 'They cited “Western Values” and Nvidia Blackwell.';
    const quote = { start: sentence.indexOf('“'), end: sentence.indexOf('”') + 1 };
    const nvidia = { start: sentence.indexOf('Nvidia'), end: sentence.indexOf('Nvidia') + 6 };
    assert.deepEqual(nameCandidates(sentence, [quote, nvidia], { titleCase: false }).map((n) => n.surface), ['Blackwell']);
  });
});
