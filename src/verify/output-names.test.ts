import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nameCandidates } from './output-names.js';

const cases: Array<{ name: string; sentence: string; expected: string[]; titleCase?: boolean }> = [
  { name: 'a name inside a sentence', sentence: 'The deal was reported by Fortune on Tuesday.', expected: ['Fortune'] },
  {
    name: 'a multi-word name',
    sentence: 'It was signed with Kestrel Partners yesterday.',
    expected: ['Kestrel Partners'],
  },
  { name: 'the first word of a sentence alone is skipped', sentence: 'Investors were wary.', expected: [] },
  {
    name: 'a sentence-initial multi-word name is kept whole, with a shorter fallback',
    sentence: 'Halvard Compute rents it out.',
    expected: ['Halvard Compute>Compute'],
  },
  {
    name: 'clause starts after a colon and numbered points',
    sentence: 'Key arguments: (1) Demand is real; (2) Supply lags.',
    expected: [],
  },
  { name: 'generic acronyms and months are not names', sentence: 'Add SLA terms to the RFP in May.', expected: [] },
  { name: 'an unknown acronym is a name', sentence: 'Compare with the CNBC coverage.', expected: ['CNBC'] },
  // Names with inner capitals, digits, hyphens and dots are read whole, never from their first capital.
  {
    name: 'arXiv and iPhone whole',
    sentence: 'The paper went up on arXiv and runs on an iPhone.',
    expected: ['arXiv', 'iPhone'],
  },
  {
    name: 'nRF54L15, eBay, macOS whole',
    sentence: 'It targets the nRF54L15 and sells on eBay for macOS users.',
    expected: ['nRF54L15', 'eBay', 'macOS'],
  },
  {
    name: '3D and 1B with the name after them',
    sentence: 'They showed 3D Gaussian splats and a 1B Speech model.',
    expected: ['3D Gaussian', '1B Speech'],
  },
  {
    name: 'GPT-4o, RTX, M4 Pro, A100s',
    sentence: 'It beats GPT-4o on an RTX 5090 and an M4 Pro, trained on A100s.',
    expected: ['GPT-4o', 'RTX', 'M4 Pro', 'A100s'],
  },
  {
    name: 'x86-64 has no capital; PyTorch is a name',
    sentence: 'Builds target x86-64 with PyTorch 2.5 today.',
    expected: ['PyTorch'],
  },
  {
    name: 'a lone clause-initial word with an inner capital is still a name',
    sentence: 'iPhone sales rose.',
    expected: ['iPhone'],
  },
  {
    name: 'Latin names in Chinese text end at the Han characters',
    sentence: '英伟达H100出货，DeepSeek-V3在arXiv上发布，支持iPhone和PyTorch 2.5。',
    expected: ['H100', 'DeepSeek-V3', 'arXiv', 'iPhone', 'PyTorch'],
  },
  {
    name: 'headlines in Title Case are skipped',
    sentence: 'Halvard Takes A Skeptical Stance',
    expected: [],
    titleCase: true,
  },
];

describe('nameCandidates', () => {
  for (const c of cases) {
    it(c.name, () => {
      const got = nameCandidates(c.sentence, [], { titleCase: c.titleCase ?? false });
      assert.deepEqual(
        got.map((n) => (n.shorter ? `${n.surface}>${n.shorter.surface}` : n.surface)),
        c.expected,
      );
      for (const n of got) assert.equal(c.sentence.slice(n.start, n.end), n.surface);
    });
  }
  it('masked spans (quotes, gazetteer names) are not candidates', () => {
    const sentence = 'They cited “Western Values” and Nvidia Blackwell.';
    const quote = { start: sentence.indexOf('“'), end: sentence.indexOf('”') + 1 };
    const nvidia = { start: sentence.indexOf('Nvidia'), end: sentence.indexOf('Nvidia') + 6 };
    assert.deepEqual(
      nameCandidates(sentence, [quote, nvidia], { titleCase: false }).map((n) => n.surface),
      ['Blackwell'],
    );
  });
  it('a word partly masked (a figure read inside it) is checked whole, its rest as the fallback', () => {
    const sentence = 'It ships a 1B Speech model.';
    const one = { start: sentence.indexOf('1'), end: sentence.indexOf('1') + 1 };
    const got = nameCandidates(sentence, [one], { titleCase: false });
    assert.deepEqual(
      got.map((n) => [n.surface, n.part?.surface ?? null]),
      [['1B Speech', null]],
    );
    const alone = 'Compare it with 3D work.';
    const three = { start: alone.indexOf('3'), end: alone.indexOf('3') + 1 };
    assert.deepEqual(
      nameCandidates(alone, [three], { titleCase: false }).map((n) => [n.surface, n.part?.surface ?? null]),
      [['3D', null]],
    );
    const model = 'It was compared with DeepSeek-V3 on code.';
    const deepseek = { start: model.indexOf('DeepSeek'), end: model.indexOf('DeepSeek') + 8 };
    assert.deepEqual(
      nameCandidates(model, [deepseek], { titleCase: false }).map((n) => [n.surface, n.part?.surface ?? null]),
      [['DeepSeek-V3', 'V3']],
    );
  });
});
