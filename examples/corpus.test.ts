// Guards the example corpus itself: the registry loads, every file it and expected.yaml name exists,
// the encoded pages match their sources, every URL is under .example, and the facts expected.yaml
// states (figures, quotes, the one misquote) are really in the files. Later stages' tests trust it.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { parse } from 'yaml';
import { registryFileSchema, sourceInputSchema } from '../src/sources/registry-schema.js';
import { reachableItems } from '../test/support/corpus-registry.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const at = (rel: string): string => path.join(here, rel);

/** A corpus file as text: GBK and gzip decoded, everything else UTF-8. */
function readCorpusText(rel: string): string {
  const bytes = readFileSync(at(rel));
  if (rel.endsWith('.gz')) return gunzipSync(bytes).toString('utf8');
  if (rel.includes('.gbk.')) return iconv.decode(bytes, 'gbk');
  return bytes.toString('utf8');
}

interface ExpectedFigure {
  value: number;
  unit: string;
  en?: string;
  zh?: string;
}
interface ExpectedQuote {
  speaker: string | null;
  starts: string;
}
interface ExpectedArticle {
  event: string;
  language: 'en' | 'zh';
  reached: string[];
  quotes?: ExpectedQuote[];
}
interface Expected {
  distinctArticles: number;
  reachedFromRegistry: number;
  duplicatesFromRegistry: number;
  events: Record<string, { articles: string[]; figures: ExpectedFigure[] }>;
  misquotes: Array<{ article: string; says: string; should: string }>;
  articles: Record<string, ExpectedArticle>;
}

const expected = parse(readFileSync(at('expected.yaml'), 'utf8')) as Expected;
const fileOf = (reached: string): string => reached.split('#')[0]!;

function corpusFiles(dir = here, prefix = ''): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const rel = prefix + name;
      if (statSync(path.join(dir, name)).isDirectory()) return corpusFiles(path.join(dir, name), `${rel}/`);
      return [rel];
    });
}

describe('examples/sources.yaml', () => {
  const doc = registryFileSchema.parse(parse(readFileSync(at('sources.yaml'), 'utf8')));
  const entries = (doc.sources ?? []).map((raw) => sourceInputSchema.parse(raw));

  it('parses with the project schema, with unique ids and existing paths', () => {
    assert.equal(entries.length, 16);
    assert.equal(new Set(entries.map((e) => e.id)).size, entries.length);
    for (const e of entries) assert.ok(e.path !== undefined && existsSync(at(e.path)), `${e.id}: ${e.path} exists`);
  });

  it('lists every page and file before any feed', () => {
    const kinds = entries.map((e) => e.kind);
    assert.ok(kinds.lastIndexOf('page') < kinds.indexOf('feed'));
    assert.ok(kinds.lastIndexOf('file') < kinds.indexOf('feed'));
  });

  it('reaches as many items as expected.yaml says (pages + files + feed items)', () => {
    assert.equal(reachableItems(entries, readCorpusText), expected.reachedFromRegistry);
    assert.equal(expected.reachedFromRegistry - expected.duplicatesFromRegistry, expected.distinctArticles);
  });

  it('covers all six source types', () => {
    assert.deepEqual([...new Set(entries.map((e) => e.type))].sort(), [
      'aggregator',
      'blog',
      'news',
      'official',
      'research',
      'social',
    ]);
  });
});

describe('examples/expected.yaml', () => {
  it('counts its articles', () => {
    assert.equal(Object.keys(expected.articles).length, expected.distinctArticles);
  });

  it('names only files that exist and events that are defined', () => {
    for (const [id, a] of Object.entries(expected.articles)) {
      assert.ok(expected.events[a.event]?.articles.includes(id), `${id} is listed under event ${a.event}`);
      for (const r of a.reached) assert.ok(existsSync(at(fileOf(r))), `${id}: ${r}`);
    }
  });

  it('finds every quote opening in the article home file', () => {
    for (const [id, a] of Object.entries(expected.articles)) {
      const text = readCorpusText(fileOf(a.reached[0]!));
      for (const q of a.quotes ?? []) assert.ok(text.includes(q.starts), `${id}: quote "${q.starts}"`);
    }
  });

  it("finds every figure of an event, in each language given, in that event's files", () => {
    for (const [event, ev] of Object.entries(expected.events)) {
      const texts = { en: '', zh: '' };
      for (const id of ev.articles) {
        const a = expected.articles[id]!;
        texts[a.language] += readCorpusText(fileOf(a.reached[0]!));
        if (a.reached.some((r) => r.includes('bridgeread')))
          texts.zh += a.reached.map((r) => readCorpusText(fileOf(r))).join('\n');
      }
      for (const f of ev.figures) {
        if (f.en !== undefined) assert.ok(texts.en.includes(f.en), `${event}: "${f.en}"`);
        if (f.zh !== undefined) assert.ok(texts.zh.includes(f.zh), `${event}: "${f.zh}"`);
      }
    }
  });
});

describe('the misquote', () => {
  const cases = [
    {
      name: '3000 兆瓦 appears in the 算力前哨 feed',
      file: 'feeds/suanli-qianshao.json',
      has: '3000 兆瓦',
      present: true,
    },
    { name: 'no other saltfork source says 3,000MW in either language', file: null, has: null, present: false },
  ] as const;
  for (const c of cases) {
    it(c.name, () => {
      if (c.file !== null) {
        assert.equal(readCorpusText(c.file).includes(c.has), c.present);
        return;
      }
      const others = expected.events.saltfork!.articles.filter((id) => id !== expected.misquotes[0]!.article);
      for (const id of others) {
        const text = readCorpusText(fileOf(expected.articles[id]!.reached[0]!));
        assert.ok(!/3,?000 ?MW|3000 ?兆瓦|3 ?GW/.test(text), `${id} does not misquote`);
        assert.ok(/300 ?MW|300 兆瓦/.test(text), `${id} states 300MW`);
      }
    });
  }
});

describe('encoded pages', () => {
  const gbk = 'pages/silicon-tide-anthropic-lattice-saltfork.gbk.html';
  const gz = 'pages/silicon-tide-lancore-series-c.html.gz';

  it('the GBK page is not valid UTF-8, declares gbk, and decodes to its source', () => {
    const bytes = readFileSync(at(gbk));
    assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    const text = iconv.decode(bytes, 'gbk');
    assert.ok(text.includes('<meta charset="gbk">'));
    const source = readFileSync(at('src/silicon-tide-anthropic-lattice-saltfork.utf8.html'), 'utf8');
    assert.equal(text, source.replace('<meta charset="utf-8">', '<meta charset="gbk">'));
  });

  it('the gzipped page starts with the gzip magic number and inflates to its source', () => {
    const bytes = readFileSync(at(gz));
    assert.deepEqual([...bytes.subarray(0, 2)], [0x1f, 0x8b]);
    assert.equal(
      gunzipSync(bytes).toString('utf8'),
      readFileSync(at('src/silicon-tide-lancore-series-c.utf8.html'), 'utf8'),
    );
  });
});

describe('every file', () => {
  // sources.real.yaml is not part of the invented corpus: it is the real feeds a user can start
  // from (README, "Running it for real"), checked by test/real-sources-file.test.ts.
  const files = corpusFiles().filter((f) => !f.endsWith('.ts') && f !== 'sources.real.yaml');

  it('links only to hosts under the reserved .example domain', () => {
    for (const f of files) {
      for (const m of readCorpusText(f).matchAll(/https?:\/\/([^/\s"'<>)]+)/g)) {
        const host = m[1]!;
        const allowed = host.endsWith('.example') || /^(purl\.org|www\.w3\.org|schema\.org|jsonfeed\.org)$/.test(host);
        assert.ok(allowed, `${f}: ${host}`);
      }
    }
  });

  it('that can carry a comment or field is marked as invented sample material', () => {
    for (const f of files.filter((f) => /^(pages|feeds|src)\//.test(f) || f.endsWith('.md') || f.endsWith('.opml'))) {
      assert.match(readCorpusText(f), /sample material|Sample material|示例语料/, f);
    }
  });
});
