// The traditional → simplified character map shipped with the search index. The browser cannot
// afford opencc's tables, so the build keeps only the pairs a corpus can use: a traditional
// character that occurs in it, or one whose simplified form occurs in it (so a reader typing 雲 finds
// 云). Conversion is per character: regional vocabulary (晶片 for 芯片) is not folded.

import { createRequire } from 'node:module';

type Convert = (text: string) => string;

// Unified ideographs, extension A and the compatibility block: every character opencc may convert.
const RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xf900, 0xfaff],
];

let table: { toSimple: Map<string, string>; fromSimple: Map<string, string[]> } | null = null;

/** Every single character opencc's t→cn conversion changes (about 4,000), both ways round. */
function fullTable(): NonNullable<typeof table> {
  if (table !== null) return table;
  const require = createRequire(import.meta.url);
  const opencc = require('opencc-js/t2cn') as { Converter: (o: { from: string; to: string }) => Convert };
  const convert = opencc.Converter({ from: 't', to: 'cn' });
  const chars: string[] = [];
  for (const [lo, hi] of RANGES) for (let cp = lo; cp <= hi; cp++) chars.push(String.fromCodePoint(cp));
  // One call over all characters, newline-separated so no two of them form a phrase.
  const converted = convert(chars.join('\n')).split('\n');
  const toSimple = new Map<string, string>();
  const fromSimple = new Map<string, string[]>();
  chars.forEach((c, i) => {
    const s = converted[i];
    // Only one-to-one pairs: the client folds per character and keeps offsets.
    if (s === undefined || s === c || [...s].length !== 1) return;
    toSimple.set(c, s);
    const list = fromSimple.get(s) ?? [];
    list.push(c);
    fromSimple.set(s, list);
  });
  table = { toSimple, fromSimple };
  return table;
}

const HAN = /\p{Script=Han}/gu;

/** The map for a corpus: pairs whose traditional or simplified side occurs in the given texts. */
export function foldMapFor(texts: Iterable<string>): Record<string, string> {
  const { toSimple, fromSimple } = fullTable();
  const seen = new Set<string>();
  for (const text of texts) for (const m of text.normalize('NFKC').matchAll(HAN)) seen.add(m[0]);
  const pairs: Array<[string, string]> = [];
  for (const c of seen) {
    const s = toSimple.get(c);
    if (s !== undefined) pairs.push([c, s]);
    for (const t of fromSimple.get(c) ?? []) pairs.push([t, c]);
  }
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return Object.fromEntries(pairs);
}
