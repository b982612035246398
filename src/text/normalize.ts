// One normal form for comparing text across outlets, encodings and scripts: the form in which a
// quote in an output is looked up in its sources. Not for display.

import { createRequire } from 'node:module';

type Convert = (text: string) => string;
let toSimplified: Convert | null = null;

/** opencc-js costs ~20 ms to load its tables; only text with Han characters pays for it. */
function simplified(text: string): string {
  if (toSimplified === null) {
    const require = createRequire(import.meta.url);
    const opencc = require('opencc-js/t2cn') as { Converter: (o: { from: string; to: string }) => Convert };
    toSimplified = opencc.Converter({ from: 't', to: 'cn' });
  }
  return toSimplified(text);
}

const HAN = /\p{Script=Han}/u;
const DOUBLE_QUOTES = /[“”„‟″«»「」『』〝〞＂]/g;
const SINGLE_QUOTES = /[‘’‚‛′`]/g;
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;

export function normalizeForMatch(text: string): string {
  // NFKC folds full-width forms (ＡＢＣ１２３％) to ASCII and the ideographic space to a space.
  let s = text.normalize('NFKC').replace(INVISIBLE, '');
  if (HAN.test(s)) s = simplified(s);
  return s
    .replace(DOUBLE_QUOTES, '"')
    .replace(SINGLE_QUOTES, "'")
    .replace(DASHES, '-')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
