import type { Face } from '../article.js';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { loadGlossary } from './glossary-file.js';
import {
  findTerms,
  glossaryLines,
  glossFirstUses,
  parseGlossary,
  termsIn,
  usesPreferredForm,
  type Glossary,
} from './glossary.js';

const loaded = await loadGlossary();
assert.ok(loaded.ok, loaded.ok ? '' : loaded.message);
const bundled: Glossary = loaded.value;

describe('bundled glossary', () => {
  it('has 60+ entries, each with both forms', () => {
    assert.ok(bundled.entries.length >= 60, `${bundled.entries.length} entries`);
    for (const e of bundled.entries) assert.ok(e.en.length > 0 && e.zh.length > 0);
  });
  it('no English form is listed twice', () => {
    const forms = bundled.entries.flatMap((e) => e.en.map((f) => f.toLowerCase()));
    assert.equal(new Set(forms).size, forms.length);
  });
});

describe('findTerms', () => {
  const cases: Array<[string, string, Face, string[]]> = [
    ['plural and case', 'Neoclouds rent GPUs to labs.', 'en', ['Neoclouds', 'GPUs']],
    [
      'hyphen or space alike',
      'an open weight release of open-weight models',
      'en',
      ['open weight', 'open-weight models'],
    ],
    [
      'leftmost-longest: reasoning model is not inference',
      '这款推理模型降低了推理成本。',
      'zh',
      ['推理模型', '推理成本'],
    ],
    ['whole words only', 'The computer computed outputs; gpus are not GPUs.', 'en', ['GPUs']],
    [
      'a capitalised term inside a sentence is a name',
      'Harbor Compute sells compute. Compute is scarce.',
      'en',
      ['compute', 'Compute'],
    ],
    ['capitalised forms keep their case', 'The api and the API.', 'en', ['API']],
    ['Chinese with a Latin part', '新的 AI 芯片和AI芯片', 'zh', ['AI 芯片', 'AI芯片']],
    ['alternative Chinese form', 'xAI 出售了计算能力。', 'zh', ['计算能力']],
  ];
  for (const [name, text, lang, expected] of cases) {
    it(name, () =>
      assert.deepEqual(
        findTerms(bundled, text, lang).map((m) => m.surface),
        expected,
      ),
    );
  }
  it('termsIn lists distinct entries in order of first use', () => {
    const terms = termsIn(bundled, 'Inference on GPUs in a data center; more inference.', 'en');
    assert.deepEqual(
      terms.map((e) => e.en[0]),
      ['inference', 'GPU', 'data center'],
    );
    assert.equal(glossaryLines(terms, 'en'), '- inference → 推理\n- GPU → GPU\n- data center → 数据中心');
    assert.equal(glossaryLines([], 'en'), '(none)');
  });
  it('usesPreferredForm checks the preferred form only', () => {
    const compute = bundled.entries.find((e) => e.en[0] === 'compute')!;
    assert.equal(usesPreferredForm(compute, '出售算力', 'zh'), true);
    assert.equal(usesPreferredForm(compute, '出售计算能力', 'zh'), false);
    assert.equal(usesPreferredForm(compute, 'sells Compute', 'en'), true);
  });
});

describe('glossFirstUses', () => {
  const neo = bundled.entries.find((e) => e.en[0] === 'neocloud')!;
  const dc = bundled.entries.find((e) => e.en[0] === 'data center')!;
  const gpu = bundled.entries.find((e) => e.en[0] === 'GPU')!;
  const cases: Array<[string, string[], Face, string[], number]> = [
    [
      'zh target: first use only, after the closing quote',
      ['xAI 是一家“新云”公司吗', '新云正在增长。'],
      'zh',
      ['xAI 是一家“新云”(neocloud)公司吗', '新云正在增长。'],
      1,
    ],
    [
      'en target: original after the term',
      ['Is it a neocloud?', 'Neoclouds grow.'],
      'en',
      ['Is it a neocloud (新云)?', 'Neoclouds grow.'],
      1,
    ],
    ['model already kept the original', ['一家“新云”（neocloud）公司'], 'zh', ['一家“新云”（neocloud）公司'], 0],
    ['keepOriginal false and same-in-both terms are not glossed', ['数据中心里的 GPU'], 'zh', ['数据中心里的 GPU'], 0],
    ['term absent from the target: nothing to gloss', ['一家云公司'], 'zh', ['一家云公司'], 0],
  ];
  for (const [name, texts, target, expected, count] of cases) {
    it(name, () => {
      const r = glossFirstUses(bundled, texts, [neo, dc, gpu], target);
      assert.deepEqual(r.texts, expected);
      assert.equal(r.glosses.length, count);
    });
  }
});

describe('parseGlossary and a user file', () => {
  it('a user entry replaces the bundled one with the same English form', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tidings-glossary-'));
    const file = path.join(dir, 'mine.yaml');
    writeFileSync(
      file,
      'terms:\n  - { en: inference, zh: 推断 }\n  - { en: tidings, zh: 消息, keepOriginal: false }\n',
    );
    const g = await loadGlossary({ extraGlossaryPath: file });
    assert.ok(g.ok);
    assert.deepEqual(g.value.files.at(-1), file);
    assert.deepEqual(
      termsIn(g.value, 'inference tidings', 'en').map((e) => e.zh[0]),
      ['推断', '消息'],
    );
    assert.equal(g.value.entries.length, bundled.entries.length + 1);
  });
  it('a missing user file is not_found, naming it', async () => {
    const g = await loadGlossary({ extraGlossaryPath: '/nonexistent/g.yaml' });
    assert.equal(g.ok, false);
    if (!g.ok) assert.match(g.message, /\/nonexistent\/g\.yaml/);
  });
  const bad: Array<[string, string]> = [
    ['not YAML', 'terms: [ {'],
    ['entry without zh', 'terms:\n  - { en: x }'],
    ['unknown key', 'terms:\n  - { en: x, zh: y, colour: red }'],
    ['empty form', "terms:\n  - { en: '', zh: y }"],
  ];
  for (const [name, text] of bad) {
    it(`refuses: ${name}`, () => {
      const r = parseGlossary(text, 'g.yaml');
      assert.equal(r.ok, false);
      if (!r.ok) assert.equal(r.code, 'config_error');
    });
  }
});
