// Quoted phrases in a sentence of an output: “…”, "…", ‘…’, '…', 「…」, 『…』, «…». A single
// mark between letters is an apostrophe (xAI’s, model's), never the end of a quote.

export interface QuotedPhrase {
  /** The words between the marks, as written. */
  inner: string;
  /** Span of the whole quotation, marks included. */
  start: number;
  end: number;
  /** Span of the inner words (marks excluded). */
  innerStart: number;
  innerEnd: number;
}

const PAIRED: Record<string, string> = { '“': '”', '「': '」', '『': '』', '«': '»', '‘': '’' };
const LETTER = /[\p{L}\p{N}]/u;
const OPEN_BEFORE = /[\s([{\-–—/:;,，。：；（【]/u;

export function quotedPhrases(sentence: string): QuotedPhrase[] {
  const out: QuotedPhrase[] = [];
  let i = 0;
  while (i < sentence.length) {
    const ch = sentence[i]!;
    const close = closingIndex(sentence, i);
    if (close === -1) {
      i++;
      continue;
    }
    const inner = trimmed(sentence, i + 1, close);
    if (inner)
      out.push({
        inner: sentence.slice(inner.start, inner.end),
        start: i,
        end: close + 1,
        innerStart: inner.start,
        innerEnd: inner.end,
      });
    // A quote inside a quote belongs to the outer one: skip past its end.
    i = ch === '"' || ch === "'" || PAIRED[ch] !== undefined ? close + 1 : i + 1;
  }
  return out;
}

/** The index of the mark closing a quote opened at `i`, or -1 when `i` opens none. */
function closingIndex(s: string, i: number): number {
  const ch = s[i]!;
  const before = i > 0 ? s[i - 1]! : ' ';
  const closer = PAIRED[ch];
  if (closer === '’') {
    // ‘ opens only where a word could start; its closer is a ’ not followed by a letter.
    if (LETTER.test(before)) return -1;
    return singleCloser(s, i + 1, '’');
  }
  if (closer !== undefined) return s.indexOf(closer, i + 1);
  if (ch === '"') return s.indexOf('"', i + 1);
  if (ch === "'") {
    if (!(i === 0 || OPEN_BEFORE.test(before)) || !LETTER.test(s[i + 1] ?? '')) return -1;
    return singleCloser(s, i + 1, "'");
  }
  return -1;
}

function singleCloser(s: string, from: number, mark: string): number {
  for (let j = s.indexOf(mark, from); j !== -1; j = s.indexOf(mark, j + 1)) {
    const prev = s[j - 1] ?? '';
    const next = s[j + 1] ?? '';
    // model's, xAI’s: a mark between letters is an apostrophe.
    if (LETTER.test(prev) && LETTER.test(next)) continue;
    if (/\s/.test(prev)) continue;
    return j;
  }
  return -1;
}

function trimmed(s: string, start: number, end: number): { start: number; end: number } | null {
  let a = start;
  let b = end;
  while (a < b && /\s/.test(s[a]!)) a++;
  while (b > a && /\s/.test(s[b - 1]!)) b--;
  return b > a ? { start: a, end: b } : null;
}

/** Whether the quote marks of a text are balanced (a sentence split inside a quote is not). */
export function quotesBalanced(text: string): boolean {
  let depth = 0;
  for (const ch of text) {
    if (ch === '“' || ch === '「' || ch === '『') depth++;
    else if (ch === '”' || ch === '」' || ch === '』') depth = Math.max(0, depth - 1);
  }
  const straight = (text.match(/"/g) ?? []).length;
  return depth === 0 && straight % 2 === 0;
}
