// What the command prints to a terminal: never a control sequence that came from a source. Our own
// line redraw (CR, ESC [ K) is the only sequence we write, and only to a terminal.

import { plainText } from '../text/unsafe-chars.js';

const REDRAW = '\r\u001B[K';

/** `text` safe to print: third-party control and bidi characters removed. */
export function terminalSafe(text: string): string {
  return plainText(text);
}

/** Like terminalSafe, keeping our own line redraw (progress on a terminal). */
export function terminalSafeKeepingRedraw(text: string): string {
  if (!text.includes(REDRAW)) return plainText(text);
  return text.split(REDRAW).map(plainText).join(REDRAW);
}
