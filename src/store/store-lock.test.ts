// The embedded store is one process's at a time: a second open (another process, or this one)
// is refused with a message that names the holder and what to do, nothing stored is touched, and
// a lock left by a process that died is taken over.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openApp } from '../cli/app.js';
import { loadConfig } from '../config.js';
import { openDatabase } from './database.js';
import { StoreBusyError } from './store-lock.js';

const here = path.dirname(new URL(import.meta.url).pathname);

describe('store lock (embedded store)', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'tidings-lock-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  test('a second open in this process is refused; after close the store opens again', async () => {
    const dataDir = path.join(dir, 'same');
    const db = await openDatabase({ kind: 'pglite', dataDir });
    await db.query('CREATE TABLE kept (n int)');
    await db.query('INSERT INTO kept VALUES (7)');
    await assert.rejects(openDatabase({ kind: 'pglite', dataDir }), (e: Error) => {
      assert.ok(e instanceof StoreBusyError);
      assert.match(e.message, new RegExp(`pid ${process.pid}, this one`));
      assert.match(e.message, /one process at a time/);
      assert.match(e.message, /TIDINGS_DATABASE_URL/);
      return true;
    });
    await db.close();
    assert.equal(existsSync(`${dataDir}.lock`), false, 'close frees the store');
    const again = await openDatabase({ kind: 'pglite', dataDir });
    assert.deepEqual(await again.query('SELECT n FROM kept'), [{ n: 7 }]);
    await again.close();
  });

  test('a lock left by a process that is gone is taken over', async () => {
    const dataDir = path.join(dir, 'stale');
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const pid = Number(gone.stdout);
    assert.ok(pid > 0);
    await writeFile(
      `${dataDir}.lock`,
      JSON.stringify({ pid, host: os.hostname(), since: '2026-01-01T00:00:00.000Z', command: 'tidings run' }),
    );
    const db = await openDatabase({ kind: 'pglite', dataDir });
    await db.close();
  });

  test('while another process holds the store, a command is refused with a clear error and the holder keeps working', async () => {
    const dataDir = path.join(dir, 'shared');
    // .mts: an ES module wherever it lies (top-level await), run through tsx like the project's sources.
    const holderScript = path.join(dir, 'holder.mts');
    await writeFile(
      holderScript,
      `import { openDatabase } from ${JSON.stringify(path.join(here, 'database.ts'))};
const db = await openDatabase({ kind: 'pglite', dataDir: ${JSON.stringify(dataDir)} });
await db.query('CREATE TABLE IF NOT EXISTS held (n int)');
process.stdout.write('ready\\n');
process.stdin.on('data', async () => { await db.query('INSERT INTO held VALUES (1)'); process.stdout.write('wrote\\n'); });
`,
    );
    const holder = spawn(process.execPath, ['--import', 'tsx', holderScript], { stdio: ['pipe', 'pipe', 'inherit'] });
    const lines: string[] = [];
    const waitFor = (word: string) =>
      new Promise<void>((resolve, reject) => {
        const check = () => (lines.some((l) => l === word) ? resolve() : undefined);
        holder.stdout.on('data', (d: Buffer) => {
          lines.push(...d.toString().split('\n').filter(Boolean));
          check();
        });
        holder.once('exit', (code) => reject(new Error(`holder exited (${code}) before "${word}"`)));
        check();
      });
    try {
      await waitFor('ready');
      const config = loadConfig({ TIDINGS_DATA: dir }, {});
      assert.ok(config.ok);
      const app = await openApp({ ...config.value, database: { kind: 'pglite', dataDir } });
      assert.equal(app.ok, false);
      if (!app.ok) {
        assert.equal(app.code, 'store_error');
        assert.match(app.message, new RegExp(`in use by another tidings process \\(pid ${holder.pid}`));
      }
      holder.stdin.write('go\n');
      await waitFor('wrote');
    } finally {
      if (holder.exitCode === null && holder.signalCode === null) {
        const closed = new Promise((r) => holder.once('close', r));
        holder.kill('SIGKILL');
        await closed;
      }
    }
    // The holder was killed without closing: its lock is stale, and its write is there.
    const db = await openDatabase({ kind: 'pglite', dataDir });
    assert.deepEqual(await db.query('SELECT count(*)::int AS n FROM held'), [{ n: 1 }]);
    await db.close();
  });
});
