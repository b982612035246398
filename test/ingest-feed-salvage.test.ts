// Ingest of a damaged feed: the complete items are stored, the cut-off item is a failure naming the
// feed, the item and where it starts, and the XML errors read around are listed in the summary.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTidings } from './support/run-cli.js';

const feed = fileURLToPath(new URL('./fixtures/feeds/salvaged-full-text.xml', import.meta.url));
let data = '';

before(async () => {
  data = await mkdtemp(path.join(os.tmpdir(), 'tidings-feed-salvage-'));
});

after(async () => {
  await rm(data, { recursive: true, force: true });
});

test('ingest stores the salvaged items of a cut-off feed and reports the lost one and the XML errors', {
  timeout: 120_000,
}, async () => {
  const { code, out } = await runTidings(['--data', data, 'ingest', '--no-fetch', feed]);
  assert.equal(code, 1, out);
  assert.match(out, /Ingest finished: 2 new, 0 duplicate, 1 failed\./);
  assert.match(
    out,
    /salvaged-full-text\.xml: item 3 \("Heron Systems raises \$80 million"\) at line 21, column 5 is cut off by the end of the document: not read/,
  );
  assert.match(
    out,
    /Notes on inputs read:\n {2}- \S*salvaged-full-text\.xml: XML errors read around \(2 items read\): line 11, column 50: <br> opened at line 11, column 34 is not closed before <\/description>; line 24, column 24: a CDATA section that is never closed; line 24, column 80: the document ends inside <content:encoded>/,
  );
  const list = await runTidings(['--data', data, 'articles', '--json']);
  const titles = list.out
    .trim()
    .split('\n')
    .map((l) => (JSON.parse(l) as { title: string }).title)
    .sort();
  assert.deepEqual(titles, [
    'Orca Cloud signs a 300MW lease in Ohio',
    'Pelican Chips tapes out its second accelerator',
  ]);
});
