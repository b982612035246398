// Characters that third-party text may carry but no reader should receive: terminal control codes
// (which can retitle a window, clear the screen or hide text) and the bidi embedding, override and
// isolate controls (which make "exe.png" read as "gnp.exe"). One definition, used where text enters
// (titles and names at ingest), where it is printed (the terminal) and where it is published (site,
// feeds, e-mail).

/** ESC-introduced sequences: CSI (ESC [ … final), OSC (ESC ] … BEL or ST), and any other ESC pair. */
const ESCAPE_SEQUENCE = /\u001B(?:\[[0-?]*[ -/]*[@-~]?|\][^\u0007\u001B]*(?:\u0007|\u001B\\)?|[\s\S]?)/g;
/** C0 controls other than tab and line feed, DEL, and C1 controls (U+009B is a one-byte CSI). */
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
/** LRE RLE PDF LRO RLO, LRI RLI FSI PDI, and the Arabic letter mark. */
export const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069\u061C]/g;

/** True when `text` holds anything `plainText` would remove. */
export function hasUnsafeChars(text: string): boolean {
  return /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\u061C]/.test(text);
}

/**
 * Text without terminal control sequences, control characters or bidi controls; tabs and line
 * feeds kept, a carriage return dropped (a lone CR can overwrite what a terminal shows).
 */
export function plainText(text: string): string {
  if (!hasUnsafeChars(text)) return text;
  return text.replace(ESCAPE_SEQUENCE, '').replace(CONTROL, '').replace(BIDI_CONTROL, '');
}

/** A one-line name or title: `plainText`, with any line breaks and tabs folded to one space. */
export function plainLine(text: string): string {
  const plain = plainText(text);
  return /[\t\n]/.test(plain) ? plain.replace(/\s*[\t\n]+\s*/g, ' ').trim() : plain;
}
