// A data directory whose embedded store already exists, for tests that run many `tidings` commands
// on many fresh data directories: creating an embedded store (PGlite's initdb) costs about 3 s of CPU,
// opening an existing one about 0.3 s. The store is created once per test process, closed, and its
// directory copied (a cleanly closed PostgreSQL data directory can be copied like any other).
// Creating a store from nothing stays covered where it is the subject (test/cli.test.ts, store tests).

import { rmSync } from 'node:fs';
import { cp, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config.js';
import { openDatabase } from '../../src/store/database.js';

let template: Promise<string> | undefined;

/** Where `tidings --data <dataDir>` keeps its embedded store, as the configuration says. */
function storeDir(dataDir: string): string {
  const config = loadConfig({}, { data: dataDir }, path.dirname(dataDir));
  if (!config.ok) throw new Error(config.message);
  const target = config.value.database;
  if (target.kind !== 'pglite' || target.dataDir === null) throw new Error('not an embedded store on disk');
  return target.dataDir;
}

async function makeTemplate(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tidings-store-template-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  const db = await openDatabase({ kind: 'pglite', dataDir: path.join(dir, 'db') });
  await db.close();
  return path.join(dir, 'db');
}

/** Puts an empty, migrated embedded store in dataDir (which must not have one yet); returns dataDir. */
export async function withEmptyStore(dataDir: string): Promise<string> {
  template ??= makeTemplate();
  await cp(await template, storeDir(dataDir), { recursive: true, errorOnExist: true, force: false });
  return dataDir;
}
