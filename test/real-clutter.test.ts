// Clutter never reaches a digest or a card: real-shaped pages (an arXiv abstract page and listing
// with their furniture, a newsletter with its sign-offs, a developer post with code and a table of
// code, Chinese pages with disclaimers and credits, cookie banners) ingested with ordinary coverage
// of the same event, through the `tidings` command in-process. None of the clutter appears in any
// output, in either face; the real content (and prose that merely mentions code or subscriptions)
// still does. Fixtures: test/fixtures/real/clutter-* (invented content, real page shapes).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { main, type Io } from '../src/cli/main.js';
import { PROJECT_ROOT } from '../src/config.js';

const FIXTURES = path.join(PROJECT_ROOT, 'test/fixtures/real');
const DATE = '2026-03-10';

/** Strings of clutter in the fixtures: page furniture, sign-offs, disclaimers, consent text, code. */
const CLUTTER: readonly string[] = [
  // arXiv abstract page and listing
  'Submission history',
  '[v1]',
  '[v2]',
  'view email',
  'Connected Papers',
  'Litmaps',
  'Bibliographic',
  'BibTeX',
  'endorsers',
  'arXivLabs',
  'MathJax',
  '(What is',
  'Toggle',
  'Code, Data',
  'view license',
  'License:',
  'Cite as',
  'Subjects:',
  'Comments:',
  'Abstract:',
  'DataCite',
  'Journal-ref',
  'Total of 3 entries',
  'browse context',
  // newsletter
  'Thanks for reading',
  "That's all for this week",
  'See you next time',
  'forward this to a friend',
  'forwarded to you',
  'Sign up here',
  'Subscribe now',
  'Unsubscribe',
  'receiving this email',
  'View this email',
  'welcome back to',
  // Chinese disclaimers, credits and sign-offs
  '仅供参考',
  '投资建议',
  '风险提示',
  '投资需谨慎',
  '免责声明',
  '本文来源',
  '责任编辑',
  '转载请',
  '侵权',
  '仅代表作者',
  '作者｜',
  '编辑｜',
  '感谢阅读',
  '点赞',
  '在看',
  '星标',
  '下期再见',
  '图片来自网络',
  // code, shell commands and a table of code
  'pip install',
  'huggingface-cli',
  'load_model',
  'halvard_tern',
  'tern::',
  'complete(',
  '-> Completion',
  '| model |',
  '|---',
  'curl -X',
  'npm install',
  'npx ',
  'quantize=',
  // cookie and consent banners
  'cookies',
  'Cookie',
  'Accept all',
  'Reject all',
  'Privacy',
  'Do Not Sell',
  '隐私政策',
];

interface Outputs {
  readonly ingest: string;
  /** Every digest and card written, by name ("digest.en.md", "card-<id>.zh.md"…). */
  readonly files: ReadonlyMap<string, string>;
  /** Each article's stored clean text (`tidings show`). */
  readonly shown: ReadonlyMap<string, string>;
}

describe('real clutter: furniture, sign-offs, disclaimers and code never reach a digest or a card', () => {
  let dir: string;
  let outputs: Outputs;

  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'tidings-clutter-'));
    const base = ['--data', path.join(dir, 'data'), '--registry', path.join(dir, 'sources.yaml')];
    const run = async (args: string[]): Promise<{ code: number; out: string; err: string }> => {
      let out = '';
      let err = '';
      const io: Io = { out: (s) => void (out += s), err: (s) => void (err += s), errIsTty: false };
      const code = await main([...base, ...args], io);
      return { code, out, err };
    };
    const pages = readdirSync(FIXTURES)
      .filter((f) => f.startsWith('clutter-'))
      .sort()
      .map((f) => path.join(FIXTURES, f));
    const ingest = await run(['ingest', '--no-fetch', ...pages]);
    assert.equal(ingest.code, 0, ingest.err);
    const files = new Map<string, string>();
    for (const lang of ['en', 'zh']) {
      for (const format of ['md', 'json']) {
        const digest = await run(['digest', '--date', DATE, '--lang', lang, '--format', format]);
        assert.equal(digest.code, 0, digest.err);
        files.set(`digest.${lang}.${format}`, digest.out);
      }
    }
    const list = await run(['articles', '--json']);
    const ids = list.out
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { id: string }).id);
    const shown = new Map<string, string>();
    for (const id of ids) {
      for (const lang of ['en', 'zh']) {
        const card = await run(['card', id, '--lang', lang]);
        assert.equal(card.code, 0, card.err);
        files.set(`card-${id.slice(0, 12)}.${lang}.md`, card.out);
      }
      shown.set(id, (await run(['show', id])).out);
    }
    outputs = { ingest: ingest.out, files, shown };
  });
  after(() => rm(dir, { recursive: true, force: true }));

  test('every page is read: 7 new, nothing failed', () => {
    assert.match(outputs.ingest, /Ingest finished: 7 new, 0 duplicate, 0 failed\./);
  });

  test('no clutter in any digest or card, in either face', () => {
    assert.ok(outputs.files.size >= 4 + 7 * 2);
    for (const [name, text] of outputs.files) {
      for (const clutter of CLUTTER) assert.ok(!text.includes(clutter), `${name} contains "${clutter}"`);
    }
  });

  test('the real content is still there: the event, its figures, prose about code and subscriptions', () => {
    for (const lang of ['en', 'zh']) {
      const digest = outputs.files.get(`digest.${lang}.md`)!;
      for (const fact of ['Tern 7B', '61.8%', 'RepoBench-Lite'])
        assert.ok(digest.includes(fact), `digest.${lang}.md lacks "${fact}"`);
    }
    const all = [...outputs.files.values()].join('\n');
    for (const content of [
      '7 billion parameters',
      '70 亿',
      '$0.20 per million tokens',
      '24GB',
      'Subscription revenue still pays',
      '订阅制收入',
      'Developers told us',
    ]) {
      assert.ok(all.includes(content), `no output carries "${content}"`);
    }
  });

  test('the cleaner drops the furniture from the stored text and keeps the article', () => {
    const text = [...outputs.shown.values()].join('\n');
    for (const clutter of [
      'Submission history',
      'Connected Papers',
      'arXivLabs',
      'endorsers',
      'Thanks for reading',
      'See you next time',
      'forward this to a friend',
      '仅供参考',
      '风险提示',
      '免责声明',
      '本文来源',
      '感谢阅读',
      '下期再见',
      'We and our partners use cookies',
      'Accept all',
    ]) {
      assert.ok(!text.includes(clutter), `a stored article keeps "${clutter}"`);
    }
    // Code is the article's own text (a reader may want it); only the writer leaves it out.
    for (const kept of [
      'We present Tern 7B',
      'Subscription revenue still pays',
      'pip install halvard-tern',
      '订阅制收入仍占大头',
      '尚无第三方复现',
    ]) {
      assert.ok(text.includes(kept), `no stored article keeps "${kept}"`);
    }
  });
});
