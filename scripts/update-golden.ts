// Rewrites the golden outputs of the end-to-end test (test/golden/e2e/) from the current code.
// Run only on purpose, after reading the diff: npm run golden && git diff test/golden
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildE2eEdition, GOLDEN_DIR } from '../test/support/e2e-edition.js';

const edition = await buildE2eEdition();
try {
  await mkdir(GOLDEN_DIR, { recursive: true });
  for (const old of await readdir(GOLDEN_DIR)) await rm(path.join(GOLDEN_DIR, old));
  for (const [name, text] of edition.files) await writeFile(path.join(GOLDEN_DIR, name), text);
  console.log(`wrote ${edition.files.size} golden files to ${path.relative(process.cwd(), GOLDEN_DIR)}`);
} finally {
  await edition.close();
}
