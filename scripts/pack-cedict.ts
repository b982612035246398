// Packs a CC-CEDICT release into the file Tidings ships (data/cedict/cedict_ts.u8.br, decision
// 0019): the release's text unchanged (its header carries the licence and attribution), Brotli
// compressed. Run by hand when the dictionary is refreshed, then re-run the benches and the golden
// test, since a new edition moves alignment, recognition and similarity scores:
//   node --import tsx scripts/pack-cedict.ts path/to/cedict_ts.u8
// (cedict_ts.u8 is the file inside MDBG's CC-CEDICT download.)

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';
import { cedictEntries } from '../src/align/dictionary.js';

const source = process.argv[2];
if (!source) {
  console.error('usage: node --import tsx scripts/pack-cedict.ts path/to/cedict_ts.u8');
  process.exit(2);
}
const bytes = readFileSync(source);
const text = bytes.toString('utf8');
const header = (key: string): string | undefined => new RegExp(`^#! ${key}=(.*)$`, 'm').exec(text)?.[1]?.trim();
const license = header('license');
if (!text.startsWith('# CC-CEDICT') || !license?.includes('creativecommons.org/licenses/by-sa/4.0')) {
  console.error(`${source}: not a CC-CEDICT release with its CC BY-SA 4.0 header; refusing to ship it`);
  process.exit(1);
}
const entries = cedictEntries(text).length;
const out = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'data', 'cedict', 'cedict_ts.u8.br');
const packed = brotliCompressSync(bytes, {
  params: {
    [constants.BROTLI_PARAM_QUALITY]: 11,
    [constants.BROTLI_PARAM_LGWIN]: 24,
    [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
  },
});
writeFileSync(out, packed);
console.log(
  `${path.relative(process.cwd(), out)}: CC-CEDICT of ${header('date') ?? 'unknown date'}, ${entries} entries, ` +
    `${(bytes.length / 1e6).toFixed(1)} MB → ${(packed.length / 1e6).toFixed(2)} MB`,
);
