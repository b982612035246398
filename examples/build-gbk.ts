// Builds the two encoded pages of the example corpus from their UTF-8 sources in examples/src/:
// the GBK-encoded SiliconTide page (declared <meta charset="gbk">) and the gzipped one.
// Run: node --import tsx examples/build-gbk.ts          (writes the pages)
//      node --import tsx examples/build-gbk.ts --check  (exit 1 if a committed page is stale)
// The output is deterministic: GBK is a fixed table, and gzip here stores no file name or time.

import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';

const here = path.dirname(fileURLToPath(import.meta.url));

interface Target {
  readonly source: string;
  readonly output: string;
  readonly build: (utf8: string) => Buffer;
  /** What the committed output must decode back to, to count as up to date. */
  readonly decode: (bytes: Buffer) => string;
  readonly expected: (utf8: string) => string;
}

const UTF8_META = '<meta charset="utf-8">';

function toGbkPage(utf8: string): string {
  if (!utf8.includes(UTF8_META)) throw new Error(`GBK source lacks ${UTF8_META}`);
  return utf8.replace(UTF8_META, '<meta charset="gbk">');
}

function encodeGbk(utf8: string): Buffer {
  const text = toGbkPage(utf8);
  const bytes = iconv.encode(text, 'gbk');
  // iconv-lite silently writes "?" for characters GBK lacks: refuse instead of losing text.
  if (iconv.decode(bytes, 'gbk') !== text) throw new Error('the GBK source holds characters that GBK cannot encode');
  return bytes;
}

const targets: readonly Target[] = [
  {
    source: 'src/silicon-tide-anthropic-lattice-saltfork.utf8.html',
    output: 'pages/silicon-tide-anthropic-lattice-saltfork.gbk.html',
    build: encodeGbk,
    decode: (bytes) => iconv.decode(bytes, 'gbk'),
    expected: toGbkPage,
  },
  {
    source: 'src/silicon-tide-lancore-series-c.utf8.html',
    output: 'pages/silicon-tide-lancore-series-c.html.gz',
    build: (utf8) => gzipSync(Buffer.from(utf8, 'utf8'), { level: 9 }),
    decode: (bytes) => gunzipSync(bytes).toString('utf8'),
    expected: (utf8) => utf8,
  },
];

const check = process.argv.includes('--check');
let stale = 0;
for (const t of targets) {
  const utf8 = readFileSync(path.join(here, t.source), 'utf8');
  const out = path.join(here, t.output);
  if (check) {
    const fresh = existsSync(out) && t.decode(readFileSync(out)) === t.expected(utf8);
    if (!fresh) stale += 1;
    console.log(`${fresh ? 'up to date' : 'STALE'}: ${t.output}`);
  } else {
    const bytes = t.build(utf8);
    writeFileSync(out, bytes);
    console.log(`wrote ${t.output} (${bytes.length} bytes) from ${t.source}`);
  }
}
if (stale > 0) process.exitCode = 1;
