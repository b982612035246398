// One SQL dialect (PostgreSQL), two engines: PGlite in-process (the embedded default, data on
// local disk) and a PostgreSQL server through `pg` (shared deployments). Everything above this
// file sees only `Database`; no SQL lives outside src/store/.

import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { migrate, type Migration } from './migrations.js';
import { lockStore } from './store-lock.js';

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs one or more statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Where the data lives, for messages: a directory or a redacted connection URL. */
  readonly location: string;
  /** Runs fn in one transaction: all of it is committed, or none of it. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export type DatabaseTarget =
  | { readonly kind: 'pglite'; readonly dataDir: string | null /* null = in memory */ }
  | { readonly kind: 'postgres'; readonly url: string };

export async function openDatabase(
  target: DatabaseTarget,
  options: { readonly migrations?: readonly Migration[] } = {},
): Promise<Database> {
  const db = target.kind === 'pglite' ? await openPglite(target.dataDir) : openPostgres(target.url);
  try {
    // options.migrations: a prefix of MIGRATIONS, for tests that upgrade a store made by an older version.
    await migrate(db, options.migrations);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}

async function openPglite(dataDir: string | null): Promise<Database> {
  if (dataDir !== null) await mkdir(dataDir, { recursive: true });
  // One process at a time on the files (src/store/store-lock.ts): PGlite itself does not check.
  const lock = dataDir === null ? null : lockStore(dataDir);
  let pglite: PGlite;
  try {
    // relaxedDurability stays off: every committed transaction is flushed before the call returns.
    pglite = await PGlite.create(dataDir === null ? {} : { dataDir });
  } catch (error) {
    lock?.release();
    throw error;
  }
  const wrap = (q: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    async query<T>(sql: string, params: readonly unknown[] = []) {
      return (await q.query<T>(sql, [...params])).rows;
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
  });
  const base = wrap(pglite);
  // PGlite is one connection: transactions must not interleave, so they queue here.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    kind: 'pglite',
    location: dataDir ?? 'memory',
    ...base,
    transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      const run = queue.then(() => pglite.transaction((tx) => fn(wrap(tx))));
      queue = run.catch(() => undefined);
      return run;
    },
    async close() {
      await queue;
      try {
        if (!pglite.closed) await pglite.close();
      } finally {
        lock?.release();
      }
    },
  };
}

function openPostgres(url: string): Database {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  // An idle client's error (server restart) must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  const wrap = (q: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T>(sql: string, params: readonly unknown[] = []) {
      return (await q.query(sql, [...params])).rows as T[];
    },
    async exec(sql: string) {
      await q.query(sql);
    },
  });
  return {
    kind: 'postgres',
    location: redactUrl(url),
    ...wrap(pool),
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres (unparseable URL)';
  }
}
