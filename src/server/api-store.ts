// The API's view of the store. PGlite runs each query synchronously on this thread and settles it
// with promise callbacks only, so a chain of reads (a digest reads each of its stories' articles)
// would run start to end without the event loop getting a turn: static files and cached answers
// would wait behind all of it (measured: 300–650 ms for three digests' reads). Every query the
// API makes therefore first waits for the next turn of the event loop (setImmediate, after I/O),
// so other requests are answered between any two queries. With a PostgreSQL server the wait
// costs nothing worth noting: its queries are I/O anyway.

import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Rubric } from '../rank/rubric.js';
import { createApiQueries } from '../store/api-queries.js';
import { createArticleStore } from '../store/article-store.js';
import type { Database, Queryable } from '../store/database.js';
import { createStoryStore } from '../store/story-store.js';
import type { ApiDeps } from './api.js';

function yieldingQueryable(q: Queryable): Queryable {
  return {
    async query<T>(sql: string, params?: readonly unknown[]) {
      await nextTurn();
      return q.query<T>(sql, params);
    },
    async exec(sql: string) {
      await nextTurn();
      await q.exec(sql);
    },
  };
}

/** The same database, each query (and transaction) started on a later turn of the event loop. */
export function yieldingDatabase(db: Database): Database {
  return {
    ...yieldingQueryable(db),
    kind: db.kind,
    location: db.location,
    async transaction(fn) {
      await nextTurn();
      return db.transaction((tx) => fn(yieldingQueryable(tx)));
    },
    close: () => db.close(),
  };
}

/** What the API reads, over `db` made to yield between queries. */
export function apiDeps(db: Database, rubric: Rubric): ApiDeps {
  const reads = yieldingDatabase(db);
  return {
    edition: { articles: createArticleStore(reads), stories: createStoryStore(reads), rubric },
    queries: createApiQueries(reads),
  };
}
