// Hostile input through the `tidings` command (issue: no local file leaves the machine, no article
// poisons the store, no input kills the run). Every case asserts what the command does with the
// attack, then that the store still works: `stories`, `digest` and `build` exit 0 and a normal
// article is still there. The malicious OPML, URL list and redirects are served by a local HTTP
// server this test starts on 127.0.0.1; nothing else is contacted. Each case starts from a data directory
// with an empty store copied in (test/support/store-template.ts): nine initdbs cost more than the attacks.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runCli, type Io } from '../src/cli/main.js';
import { runTidings as run, type CliResult as Ran } from './support/run-cli.js';
import { withEmptyStore } from './support/store-template.js';
import { PROJECT_ROOT } from '../src/config.js';
import { CRASH_EXIT_CODE } from '../src/errors.js';
import { MAX_LIST_DEPTH } from '../src/pipeline/inputs.js';

const HOSTILE = path.join(PROJECT_ROOT, 'test/fixtures/hostile');
const NORMAL_PAGE = path.join(PROJECT_ROOT, 'examples/pages/wirefold-anthropic-lattice-saltfork.html');
const SECRET = 'TIDINGS-TEST-SECRET-4242 correct horse battery staple';

/** The command as a process, with its own stdout and stderr (what a terminal would receive). */
function runProcess(args: string[], cwd: string): Promise<Ran> {
  const entry = path.join(PROJECT_ROOT, 'src/cli/main.ts');
  const code = `import { runCli } from ${JSON.stringify(entry)}; process.exitCode = await runCli(process.argv.slice(1));`;
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', import.meta.resolve('tsx'), '--input-type=module', '-e', code, '--', ...args],
      { cwd, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (c) => resolve({ code: c ?? -1, out, err }));
  });
}

function page(title: string, paragraphs: readonly string[], head = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>${head}</head><body><article><h1>${title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
}

const story = (topic: string): string[] =>
  Array.from(
    { length: 5 },
    (_, i) =>
      `${topic}, part ${i + 1}: the start-up said its new inference cluster in Oregon would add 120MW of capacity by next spring, according to a statement on Monday.`,
  );

/** Every file under `dir`, as text (binary files are read as latin1: a secret would still show). */
function allText(dir: string): string {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(readFileSync(p, 'latin1'));
    }
  };
  if (existsSync(dir)) walk(dir);
  return out.join('\n');
}

describe('hostile input', () => {
  let dir: string;
  let secretFile: string;
  let server: http.Server;
  let base = '';

  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'tidings-hostile-'));
    await mkdir(path.join(dir, 'private'));
    secretFile = path.join(dir, 'private', 'secret.txt');
    await writeFile(secretFile, `${SECRET}\n\n${story(SECRET).join('\n\n')}\n`);
    await writeFile(path.join(dir, 'private', 'secret.html'), page(SECRET, story(SECRET)));
    server = http.createServer((req, res) => {
      const send = (
        status: number,
        body: string,
        type = 'text/html; charset=utf-8',
        headers: http.OutgoingHttpHeaders = {},
      ): void => {
        res.writeHead(status, { 'content-type': type, ...headers });
        res.end(body);
      };
      const url = req.url ?? '/';
      const depth = /^\/chain-(\d+)\.opml$/.exec(url);
      if (depth) {
        const n = Number(depth[1]);
        const next = n < 5 ? `<outline text="next" xmlUrl="${base}/chain-${n + 1}.opml"/>` : '';
        return send(
          200,
          `<?xml version="1.0"?><opml version="2.0"><head><title>chain ${n}</title></head><body>${next}<outline text="page ${n}" xmlUrl="${base}/story-${n}.html"/></body></opml>`,
          'text/x-opml',
        );
      }
      const storyPage = /^\/story-(\d+)\.html$/.exec(url);
      if (storyPage) return send(200, page(`Cluster story ${storyPage[1]}`, story(`Cluster report ${storyPage[1]}`)));
      switch (url) {
        case '/robots.txt':
          return send(200, 'User-agent: *\nAllow: /\n', 'text/plain');
        case '/subscriptions.opml':
          // Every way a remote list could name a local file: a file: URL, an absolute path, a device,
          // a directory, and the same through a relative reference; plus one honest web feed.
          return send(
            200,
            `<?xml version="1.0"?><opml version="2.0"><head><title>Subscriptions</title></head><body>
              <outline text="Secret by file URL" xmlUrl="file://${secretFile}"/>
              <outline text="Secret by path" xmlUrl="${secretFile}"/>
              <outline text="Zero device" xmlUrl="file:///dev/zero"/>
              <outline text="Private folder" xmlUrl="file://${path.dirname(secretFile)}/"/>
              <outline text="Folder"><outline text="Nested secret" xmlUrl="FILE://${secretFile}"/></outline>
              <outline text="Honest" xmlUrl="${base}/story-1.html"/>
            </body></opml>`,
            'text/x-opml',
          );
        case '/list.urls':
          return send(200, `file://${secretFile}\n${secretFile}\n${base}/story-2.html\n`, 'text/plain');
        case '/to-secret':
          return send(302, '', 'text/plain', { location: `file://${secretFile}` });
        case '/claims-secret.html':
          // A fetched page whose canonical link names a local file: it must not become its address.
          return send(
            200,
            page(
              'Canonical claims a local file',
              story('Canonical report'),
              `<link rel="canonical" href="file://${secretFile}">`,
            ),
          );
        default:
          return send(404, 'not here', 'text/plain');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  after(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await rm(dir, { recursive: true, force: true });
  });

  /** After an attack: the store answers, the edition and site build, a normal article goes in and stays. */
  async function storeStillWorks(data: string): Promise<void> {
    const normal = await run(['--data', data, 'ingest', NORMAL_PAGE]);
    assert.ok(normal.code === 0, `a normal page is ingested after the attack: ${normal.err}`);
    for (const args of [['stories'], ['digest'], ['articles', '--json']]) {
      const r = await run(['--data', data, ...args]);
      assert.equal(r.code, 0, `${args.join(' ')} works after the attack: ${r.err}`);
    }
    const listed = await run(['--data', data, 'articles', '--json']);
    assert.match(listed.out, /Lattice Cloud|Saltfork/, 'the normal article is stored');
    const site = path.join(data, 'site');
    const built = await run(['--data', data, 'build', '--out', site, '--offline']);
    assert.equal(built.code, 0, `build works after the attack: ${built.err}`);
  }

  test('a registered remote OPML naming local files, devices and folders reads none of them and publishes no secret', async () => {
    const work = path.join(dir, 'run-opml');
    await mkdir(work);
    await withEmptyStore(path.join(work, '.tidings'));
    await writeFile(
      path.join(work, 'sources.yaml'),
      `version: 1\nsources:\n  - id: remote-list\n    name: Remote list\n    kind: opml\n    type: news\n    language: en\n    url: ${base}/subscriptions.opml\n`,
    );
    const started = Date.now();
    const r = await run(['run', '--allow-host', '127.0.0.1', '--out', 'site'], work);
    assert.ok(Date.now() - started < 120_000);
    const said = r.out + r.err;
    assert.equal(r.code, 1, `some items failed: ${said}`);
    assert.equal((r.out.match(/\[blocked_address\][^\n]*names a local file/g) ?? []).length, 4, said);
    assert.match(said, /Secret by path|secret\.txt/);
    // The relative-looking absolute path resolves on the list's own host, never on this disk.
    assert.match(
      said,
      new RegExp(`${base.replace(/[.]/g, '\\.')}${secretFile.replace(/[.]/g, '\\.')}[^\\n]*(404|not found)`, 'i'),
    );
    assert.match(r.out, /1 new/);
    assert.ok(!allText(path.join(work, 'site')).includes(SECRET), 'no secret on the site');
    assert.ok(!allText(path.join(work, '.tidings')).includes('TIDINGS-TEST-SECRET'), 'no secret in the store');
    await storeStillWorks(path.join(work, '.tidings'));
  });

  test('a remote URL list, a redirect and a canonical link cannot lead to a local file', async () => {
    const data = await withEmptyStore(path.join(dir, 'data-lists'));
    const r = await run([
      '--data',
      data,
      'ingest',
      '--allow-host',
      '127.0.0.1',
      `${base}/list.urls`,
      `${base}/to-secret`,
      `${base}/claims-secret.html`,
    ]);
    assert.equal(r.code, 1);
    assert.match(r.out, /list\.urls line 1[^\n]*is not an http\(s\) URL/);
    assert.match(r.out, /redirect "file:[^\n]*names a local file/);
    assert.match(r.out, /2 new/, 'the honest list entry and the canonical-claiming page are read');
    const listed = await run(['--data', data, 'articles', '--json']);
    const urls = listed.out
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { url: string }).url);
    assert.ok(
      urls.every((u) => u.startsWith(base)),
      `addresses stay on the web: ${urls.join(', ')}`,
    );
    assert.ok(!allText(data).includes('TIDINGS-TEST-SECRET'));
    await storeStillWorks(data);
  });

  test(`lists that name lists are followed ${MAX_LIST_DEPTH} deep, and what lies deeper is reported`, async () => {
    const data = await withEmptyStore(path.join(dir, 'data-chain'));
    const r = await run(['--data', data, 'ingest', '--allow-host', '127.0.0.1', `${base}/chain-1.opml`]);
    assert.equal(r.code, 1);
    assert.match(
      r.out,
      /chain-4\.opml: a list reached through 3 other lists; its 2 entries are not followed \(lists are followed 3 deep\)/,
    );
    assert.match(r.out, /3 new/, 'the pages of the first three lists are read');
    await storeStillWorks(data);
  });

  test('a FIFO, a device and a directory symlinked as a file are refused, not read', {
    skip: process.platform === 'win32',
  }, async () => {
    const fifo = path.join(dir, 'pipe.html');
    execFileSync('mkfifo', [fifo]);
    const data = await withEmptyStore(path.join(dir, 'data-special'));
    const r = await run(['--data', data, 'ingest', fifo, '/dev/zero', NORMAL_PAGE]);
    assert.equal(r.code, 1);
    assert.match(r.out, /pipe\.html: is a FIFO \(named pipe\), not a regular file/);
    assert.match(r.out, /\/dev\/zero: is a character device, not a regular file/);
    assert.match(r.out, /1 new/);
    await storeStillWorks(data);
  });

  test('--allow-host takes one host and leaves the inputs after it alone', async () => {
    const data = await withEmptyStore(path.join(dir, 'data-allow'));
    const r = await run([
      '--data',
      data,
      'ingest',
      '--allow-host',
      '127.0.0.1',
      `${base}/story-3.html`,
      `${base}/story-4.html`,
    ]);
    assert.equal(r.code, 0, r.out + r.err);
    assert.match(r.out, /2 new/);
    const both = await run(['--data', data, 'ingest', '--allow-host', 'localhost,127.0.0.1', `${base}/story-5.html`]);
    assert.equal(both.code, 0, both.out + both.err);
  });

  test('escape codes and bidi overrides in titles reach neither the terminal, the store nor the site', async () => {
    const work = path.join(dir, 'terminal');
    await mkdir(work);
    await withEmptyStore(path.join(work, 'data'));
    const title = 'Quiet \u001b]0;pwned\u0007title\u001b[2J\u001b[31m red \u009b1m \u202Egnp.exe\u202C done';
    await writeFile(
      path.join(work, 'escape.html'),
      page(title, story('Escape report'), '<meta property="og:site_name" content="Out\u001b[8mlet\u202E">'),
    );
    const ingested = await runProcess(['--data', 'data', 'ingest', 'escape.html'], work);
    assert.equal(ingested.code, 0, ingested.err);
    for (const stream of [ingested.out, ingested.err]) {
      assert.ok(!/[\u001b\u0007\u009b\u202a-\u202e\u2066-\u2069]/.test(stream), `printed: ${JSON.stringify(stream)}`);
    }
    const listed = await runProcess(['--data', 'data', 'articles'], work);
    assert.match(listed.out, /Quiet title red 1m gnp\.exe done|Quiet title red/);
    assert.ok(!/[\u001b\u0007\u009b\u202a-\u202e]/.test(listed.out + listed.err));
    const shown = await run(['--data', path.join(work, 'data'), 'articles', '--json']);
    const stored = JSON.parse(shown.out.trim().split('\n')[0]!) as { title: string; outlet: string };
    assert.ok(
      !/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(stored.title + stored.outlet),
      JSON.stringify(stored),
    );
    const site = path.join(work, 'site');
    assert.equal((await run(['--data', path.join(work, 'data'), 'build', '--out', site, '--offline'])).code, 0);
    assert.ok(!/[\u001b\u202a-\u202e\u2066-\u2069]/.test(allText(site)), 'no control or bidi override on the site');
    await storeStillWorks(path.join(work, 'data'));
  });

  test('one invalid byte and one NUL in a UTF-8 page: the text is kept, the damage is counted', async () => {
    const text = Array.from(
      { length: 8 },
      (_, i) =>
        `<p>第${i + 1}段：人工智能公司今天宣布在俄勒冈新建推理集群，新增 120 兆瓦算力，预计明年春天投入使用。</p>`,
    ).join('');
    const bytes = Buffer.from(
      `<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>推理集群扩建</title></head><body><article><h1>推理集群扩建</h1>${text}</article></body></html>`,
      'utf8',
    );
    const at = bytes.indexOf(Buffer.from('第5段', 'utf8'));
    const at2 = bytes.indexOf(Buffer.from('第7段', 'utf8'));
    const damaged = Buffer.concat([
      bytes.subarray(0, at),
      Buffer.from([0xff]),
      bytes.subarray(at, at2),
      Buffer.from([0x00]),
      bytes.subarray(at2),
    ]);
    const file = path.join(dir, 'damaged.html');
    await writeFile(file, damaged);
    const data = await withEmptyStore(path.join(dir, 'data-damaged'));
    const r = await run(['--data', data, 'ingest', file]);
    assert.equal(r.code, 0, r.out + r.err);
    assert.match(r.out, /2 bytes could not be decoded as utf-8 and were replaced/);
    const listed = await run(['--data', data, 'articles', '--json']);
    const id = (JSON.parse(listed.out.trim()) as { id: string }).id;
    const shown = await run(['--data', data, 'show', id, '--json']);
    const article = JSON.parse(shown.out) as { title: string; text: string };
    assert.equal(article.title, '推理集群扩建');
    for (let i = 1; i <= 8; i++)
      assert.match(
        article.text,
        new RegExp(`第${i}段：人工智能公司今天宣布在俄勒冈新建推理集群`),
        `paragraph ${i} intact`,
      );
    assert.ok(
      !/[\u00c0-\u00ff]/.test(article.text),
      'no mojibake (a legacy-charset reading would be full of Latin-1 letters)',
    );
    await storeStillWorks(data);
  });

  test('six local files claiming six site names are one unverified publisher, not six', async () => {
    const data = await withEmptyStore(path.join(dir, 'data-puppets'));
    const r = await run(['--data', data, 'ingest', path.join(HOSTILE, 'sockpuppets')]);
    assert.equal(r.code, 0, r.out + r.err);
    assert.match(r.out, /6 new/);
    const stories = await run(['--data', data, 'stories', '--json']);
    const ids = (JSON.parse(stories.out) as Array<{ id: string }>).map((s) => s.id);
    assert.equal(ids.length, 1, 'one story');
    const explained = await run(['--data', data, 'explain', ids[0]!]);
    assert.equal(explained.code, 0);
    assert.match(explained.out, /Confidence: Low/);
    assert.match(
      explained.out,
      /1 independent publisher: 6 unverified names \(Frontier AI News, Global Tech Wire, Market Pulse Today, Silicon Bulletin, The Compute Report, The Daily Ledger\) \(claimed names only/,
    );
    // Registered as sources, the same six files are six publishers: the user vouches for them.
    const work = path.join(dir, 'registered-puppets');
    await mkdir(work);
    await withEmptyStore(path.join(work, '.tidings'));
    const files = readdirSync(path.join(HOSTILE, 'sockpuppets')).sort();
    const entries = await Promise.all(
      files.map(async (f, i) => {
        await copyFile(path.join(HOSTILE, 'sockpuppets', f), path.join(work, f));
        return `  - id: s${i}\n    name: Outlet ${i}\n    kind: page\n    type: news\n    language: en\n    path: ${f}\n`;
      }),
    );
    await writeFile(path.join(work, 'sources.yaml'), `version: 1\nsources:\n${entries.join('')}`);
    const reg = await run(['ingest'], work);
    assert.equal(reg.code, 0, reg.out + reg.err);
    const regStories = await run(['stories', '--json'], work);
    const regId = (JSON.parse(regStories.out) as Array<{ id: string }>)[0]!.id;
    const regExplained = await run(['explain', regId], work);
    assert.match(
      regExplained.out,
      /6 independent publishers: Outlet \d, Outlet \d, Outlet \d, Outlet \d, Outlet \d, Outlet \d\n/,
    );
    await storeStillWorks(data);
  });

  test('a crash is its own exit code, not "some items failed"', async () => {
    let err = '';
    const broken: Io = {
      out: () => {
        throw new Error('stdout is gone');
      },
      err: (s) => void (err += s),
      errIsTty: false,
    };
    const code = await runCli(['--help'], broken);
    assert.equal(code, CRASH_EXIT_CODE);
    assert.notEqual(CRASH_EXIT_CODE, 1);
    assert.match(err, /crashed \(a bug, not bad input\): stdout is gone/);
  });
});
