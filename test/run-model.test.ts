// `tidings run` with a model configured (the local fake server, through the real client): the
// day's articles with no human translation are translated once and kept in the store, so the
// site's reader shows them, marked as machine translations, and a later `tidings build --offline`
// still does, without asking the model; articles with a human translation keep it.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runTidings } from './support/run-cli.js';
import { startFakeServer, type FakeServer } from './support/fake-openai.js';
import { fakeModel } from './support/fake-model.js';

const run = (args: string[], cwd?: string) => runTidings(args, cwd);

const ENV = ['TIDINGS_LLM_PROVIDER', 'TIDINGS_LLM_BASE_URL', 'TIDINGS_LLM_API_KEY', 'TIDINGS_LLM_MODEL'] as const;

describe('tidings run with a model: kept translations reach the site', () => {
  let dir: string;
  let server: FakeServer;
  const saved = new Map<string, string | undefined>();

  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'tidings-run-model-'));
    server = await startFakeServer((req) => fakeModel(req));
    for (const k of ENV) saved.set(k, process.env[k]);
    Object.assign(process.env, {
      TIDINGS_LLM_PROVIDER: 'openai',
      TIDINGS_LLM_BASE_URL: server.origin,
      TIDINGS_LLM_API_KEY: 'sk-test-not-a-real-key',
      TIDINGS_LLM_MODEL: 'fake-extractive',
    });
  });
  after(async () => {
    for (const [k, v] of saved) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  test('readers of the day show the model translation where no human one exists; an offline rebuild keeps it', async () => {
    const first = await run(['run', '--no-fetch'], dir);
    assert.equal(first.code, 0, first.err);
    const translated = (await readdir(path.join(dir, '.tidings/out'), { recursive: true })).filter((f) =>
      /translations\/[0-9a-f]{12}\.(en|zh)\.json$/.test(f),
    );
    assert.ok(translated.length > 0, 'the run translated some of the day’s articles');

    const site = path.join(dir, 'offline-site');
    const before = server.requestsTo('/chat/completions').length;
    const rebuilt = await run(['build', '--offline', '--out', site], dir);
    assert.equal(rebuilt.code, 0, rebuilt.err);
    assert.equal(server.requestsTo('/chat/completions').length, before, 'an offline build asks no model');

    let shown = 0;
    let withheld = 0;
    for (const file of translated) {
      const id = path.basename(file).slice(0, 12);
      const t = JSON.parse(await readFile(path.join(dir, '.tidings/out', file), 'utf8')) as {
        pairs: Array<{ target: string; status: string }>;
      };
      for (const face of ['en', 'zh']) {
        const reader = await readFile(path.join(site, face, 'articles', `${id}.html`), 'utf8');
        assert.match(
          reader,
          face === 'en' ? /Machine translation by fake-extractive/ : /机器翻译（fake-extractive）/,
          `${face} reader of ${id}`,
        );
        // Each paragraph that passed its checks is on the page; each that failed says so.
        for (const pair of t.pairs) {
          if (pair.status === 'failed') withheld++;
          else {
            assert.ok(reader.includes(pair.target), `${face} reader of ${id} shows "${pair.target}"`);
            shown++;
          }
        }
        assert.equal(
          (reader.match(/class="withheld/g) ?? []).length,
          t.pairs.filter((p) => p.status === 'failed').length,
        );
      }
    }
    // The fake model writes Chinese-looking text whatever the target: its English "translations"
    // fail the untranslated check and are withheld; its Chinese ones pass.
    assert.ok(shown > 0 && withheld > 0, `shown ${shown}, withheld ${withheld}`);
    // An article with a human translation (the bilingual page) still shows that one.
    const readers = await readdir(path.join(site, 'en', 'articles'));
    const pages = await Promise.all(readers.map((f) => readFile(path.join(site, 'en', 'articles', f), 'utf8')));
    const human = pages.filter((p) => p.includes('Human translation'));
    assert.ok(human.length > 0);
    for (const p of human) assert.doesNotMatch(p, /Machine translation by/);
  });
});
