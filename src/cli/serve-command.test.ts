// `tidings serve` as a person runs it: a child process that prints its address, serves the site
// and the API, builds a missing site first, and stops cleanly on SIGINT and SIGTERM.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../config.js';
import { main, type Io } from './main.js';

const MAIN = path.join(PROJECT_ROOT, 'src/cli/main.ts');

interface Child {
  readonly url: string;
  stop(signal: NodeJS.Signals): Promise<{ code: number | null; out: string; err: string }>;
}

/** Starts `tidings serve ARGS` from source and waits for the address it prints. */
function startServe(args: string[], cwd: string): Promise<Child> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      import.meta.resolve('tsx'),
      '--input-type=module',
      '-e',
      `import { main } from ${JSON.stringify(MAIN)}; process.exitCode = await main(process.argv.slice(1));`,
      'serve',
      ...args,
    ],
    { cwd, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start in 120 s:\n${out}\n${err}`)), 120_000);
    child.stderr.on('data', (c: Buffer) => void (err += c.toString()));
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /Serving .* at (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({
          url: m[1]!,
          async stop(signal) {
            child.kill(signal);
            const code = await exited;
            return { code, out, err };
          },
        });
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited (${code}) before serving:\n${out}\n${err}`));
    });
  });
}

describe('tidings serve', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'tidings-serve-cli-'));
    await mkdir(path.join(dir, 'site/en'), { recursive: true });
    await writeFile(path.join(dir, 'site/en/index.html'), '<!doctype html><title>home</title>');
  });
  after(() => rm(dir, { recursive: true, force: true }));

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    test(`serves the site and the API on the printed address, and stops on ${signal}`, async () => {
      const served = await startServe(['--site', 'site', '--port', '0', '--data', 'data'], dir);
      assert.match(served.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
      const page = await fetch(`${served.url}en/`);
      assert.equal(page.status, 200);
      assert.equal(await page.text(), '<!doctype html><title>home</title>');
      assert.match(page.headers.get('content-security-policy') ?? '', /^default-src 'self'/);
      const api = await fetch(`${served.url}api/v1/digests`);
      assert.deepEqual(await api.json(), { data: [], next: null });
      const { code, out } = await served.stop(signal);
      assert.equal(code, 0);
      assert.match(out, new RegExp(`Stopped \\(${signal}\\)`));
    });
  }

  test('a missing site is built first, then served', async () => {
    const served = await startServe(['--site', 'fresh-site', '--port', '0', '--data', 'data'], dir);
    try {
      assert.ok(existsSync(path.join(dir, 'fresh-site/index.html')));
      const home = await fetch(`${served.url}en/index.html`);
      assert.equal(home.status, 200);
      assert.match(home.headers.get('content-type') ?? '', /^text\/html; charset=utf-8/);
    } finally {
      const { code, err } = await served.stop('SIGTERM');
      assert.equal(code, 0);
      assert.match(err, /No site at .*fresh-site: building it first/);
    }
  });

  test('a bad port is a usage error that names it', async () => {
    let err = '';
    const io: Io = { out: () => undefined, err: (s) => void (err += s), errIsTty: false };
    const code = await main(
      ['--data', path.join(dir, 'data'), 'serve', '--site', path.join(dir, 'site'), '--port', '99999'],
      io,
    );
    assert.equal(code, 2);
    assert.match(err, /--port <port>' argument '99999' is invalid. it is not a port number/);
  });
});
