// Runs store-level tests against both engines: PGlite in memory always, and a PostgreSQL server
// when TIDINGS_TEST_DATABASE_URL is set (scripts/test.sh sets it). Each test gets a fresh database.

import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/store/database.js';

export interface Backend {
  readonly name: 'pglite' | 'postgres';
  open(): Promise<{ db: Database; dispose(): Promise<void> }>;
}

export function backends(): Backend[] {
  const list: Backend[] = [
    {
      name: 'pglite',
      async open() {
        const db = await openDatabase({ kind: 'pglite', dataDir: null });
        return { db, dispose: () => db.close() };
      },
    },
  ];
  const serverUrl = process.env.TIDINGS_TEST_DATABASE_URL;
  if (serverUrl) list.push({ name: 'postgres', open: () => freshServerDatabase(serverUrl) });
  else if (process.env.CI)
    throw new Error('CI must test the PostgreSQL server: set TIDINGS_TEST_DATABASE_URL (scripts/test.sh does)');
  return list;
}

/** Creates a throwaway database on the server, so parallel test files never see each other's rows. */
export async function freshServerDatabase(
  serverUrl: string,
): Promise<{ db: Database; url: string; dispose(): Promise<void> }> {
  const name = `tidings_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ kind: 'postgres', url: url.toString() });
  return {
    db,
    url: url.toString(),
    async dispose() {
      await db.close();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
