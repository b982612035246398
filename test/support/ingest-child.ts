// Child process for the crash test: ingests a directory into a PGlite data directory and prints
// a line per stored item, so the parent knows commits are happening before it kills us.
import { ingest } from '../../src/pipeline/ingest.js';
import { createArticleStore } from '../../src/store/article-store.js';
import { openDatabase } from '../../src/store/database.js';

const [dataDir, pagesDir] = process.argv.slice(2);
const db = await openDatabase({ kind: 'pglite', dataDir: dataDir! });
await ingest([pagesDir!], {
  store: createArticleStore(db),
  fetcher: null,
  findSource: () => null,
  now: () => new Date(),
  maxBytes: 1 << 20,
  concurrency: 1,
  onItem: (_o, done) => process.stdout.write(`${done}\n`),
});
await db.close();
