import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Article } from '../article.js';
import { alignSources, readAlignSource, type ArticleLookup } from './align-command.js';

const EN =
  'OpenAI released a new model on Tuesday. The company said training it cost $2 billion.\n\nIts shares are not listed.';
const ZH = 'OpenAI周二发布了一款新模型。该公司表示，训练这个模型花费了20亿美元。\n\n该公司的股票没有上市。';

let dir = '';
before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'tidings-align-'));
  await writeFile(path.join(dir, 'en.md'), EN);
  await writeFile(path.join(dir, 'zh.md'), ZH);
  await writeFile(path.join(dir, 'en2.txt'), 'Another English text. It has two sentences.');
  await writeFile(path.join(dir, 'empty.md'), '  \n\n ');
});
after(async () => rm(dir, { recursive: true, force: true }));

const stored = {
  id: 'a1b2c3',
  title: 'OpenAI releases a model',
  language: 'en',
  paragraphs: ['OpenAI released a new model on Tuesday.'],
} as unknown as Article;
const lookup: ArticleLookup = async (id) => (stored.id.startsWith(id) ? stored : id === 'zz' ? 'ambiguous' : null);

describe('readAlignSource', () => {
  const cases: Array<{
    name: string;
    arg: () => string;
    lookup: ArticleLookup | null;
    code?: string;
    message?: RegExp;
    language?: string;
  }> = [
    { name: 'an English file', arg: () => path.join(dir, 'en.md'), lookup: null, language: 'en' },
    { name: 'a Chinese file', arg: () => path.join(dir, 'zh.md'), lookup: null, language: 'zh' },
    {
      name: 'a missing file',
      arg: () => path.join(dir, 'nope.md'),
      lookup,
      code: 'not_found',
      message: /no file .*nope\.md/,
    },
    {
      name: 'an empty file',
      arg: () => path.join(dir, 'empty.md'),
      lookup: null,
      code: 'empty_input',
      message: /empty\.md is empty/,
    },
    { name: 'a directory', arg: () => dir, lookup: null, code: 'bad_input', message: /is a directory/ },
    { name: 'a stored article by id prefix', arg: () => 'a1b', lookup, language: 'en' },
    {
      name: 'an unknown id',
      arg: () => 'ffff',
      lookup,
      code: 'not_found',
      message: /no file or stored article named "ffff"/,
    },
    {
      name: 'an ambiguous id prefix',
      arg: () => 'zz',
      lookup,
      code: 'not_found',
      message: /matches several stored articles/,
    },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const r = await readAlignSource(c.arg(), c.lookup);
      if (c.code) {
        assert.equal(r.ok, false);
        if (!r.ok) {
          assert.equal(r.code, c.code);
          assert.match(r.message, c.message!);
        }
      } else {
        assert.ok(r.ok, JSON.stringify(r));
        assert.equal(r.value.language, c.language);
      }
    });
  }

  it('reads a stored article as its title and paragraphs, labelled with id and title', async () => {
    const r = await readAlignSource('a1b2', lookup);
    assert.ok(r.ok);
    assert.equal(r.value.text, 'OpenAI releases a model\n\nOpenAI released a new model on Tuesday.');
    assert.equal(r.value.label, 'article a1b2c3 (OpenAI releases a model)');
  });
});

describe('alignSources', () => {
  const source = async (name: string) => {
    const r = await readAlignSource(path.join(dir, name), null);
    assert.ok(r.ok);
    return r.value;
  };

  it('aligns whichever order the languages come in, and prints each link with its score (tsv)', async () => {
    const forward = alignSources(await source('en.md'), await source('zh.md'), 'tsv');
    const backward = alignSources(await source('zh.md'), await source('en.md'), 'tsv');
    assert.ok(forward.ok && backward.ok);
    assert.equal(forward.value, backward.value);
    const rows = forward.value
      .trim()
      .split('\n')
      .map((r) => r.split('\t'));
    assert.deepEqual(rows[0], ['kind', 'score', 'en', 'zh', 'en_text', 'zh_text']);
    assert.deepEqual(
      rows.slice(1).map((r) => `${r[0]} ${r[2]}:${r[3]}`),
      ['1-1 0:0', '1-1 1:1', '1-1 2:2'],
    );
    for (const r of rows.slice(1)) assert.ok(Number(r[1]) > 0.5, `score ${r[1]}`);
    assert.equal(rows[2]![5], '该公司表示，训练这个模型花费了20亿美元。');
  });

  it('prints Markdown with each link, its score and both sides', async () => {
    const md = alignSources(await source('en.md'), await source('zh.md'), 'md');
    assert.ok(md.ok);
    assert.match(md.value, /^## 1-1 · score 0\.\d\d · en 1 ↔ zh 1 · /m);
    assert.match(md.value, /^> en 1: The company said training it cost \$2 billion\.$/m);
    assert.match(md.value, /^> zh 1: 该公司表示，训练这个模型花费了20亿美元。$/m);
    assert.match(md.value, /Links: 3 \(1-1 ×3\)/);
  });

  it('gives the alignment as JSON, paragraphs included', async () => {
    const json = alignSources(await source('en.md'), await source('zh.md'), 'json');
    assert.ok(json.ok);
    const parsed = JSON.parse(json.value) as {
      links: Array<{ en: number[]; zh: number[]; score: number }>;
      paragraphLinks: unknown[];
      en: { sentences: string[] };
    };
    assert.equal(parsed.links.length, 3);
    assert.equal(parsed.paragraphLinks.length, 2);
    assert.equal(parsed.en.sentences[0], 'OpenAI released a new model on Tuesday.');
  });

  it('refuses two texts in the same language, naming both', async () => {
    const r = alignSources(await source('en.md'), await source('en2.txt'), 'md');
    assert.equal(r.ok, false);
    if (!r.ok) {
      assert.equal(r.code, 'bad_input');
      assert.match(r.message, /both texts are in English .*en\.md.*en2\.txt/);
    }
  });
});
