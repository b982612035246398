// Reading a YAML file a person wrote: parse errors name the file, line and column; the document
// and its line counter are kept so schema errors can point at the line of the offending field.

import { LineCounter, parseDocument, type Document } from 'yaml';
import { fail, ok, type Result } from './errors.js';

export interface YamlRead {
  readonly doc: Document.Parsed;
  readonly lines: LineCounter;
  readonly value: unknown;
}

export function readYaml(yamlText: string, fileName: string): Result<YamlRead> {
  const lines = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const at = lines.linePos(e.pos[0]);
    const first = e.message.split('\n')[0] ?? e.message;
    return fail('config_error', `${fileName} line ${at.line}, column ${at.col}: bad YAML: ${first}`, fileName);
  }
  return ok({ doc, lines, value: doc.toJS({ maxAliasCount: 1000 }) ?? {} });
}

/** The line of the node at `path`, or of its nearest ancestor that has one (1 when none does). */
export function lineOf(doc: Document, lines: LineCounter, path: Array<string | number>): number {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true);
    if (node !== undefined && node !== null && typeof node === 'object' && 'range' in node) {
      const range = (node as { range?: [number, number, number] | null }).range;
      if (range) return lines.linePos(range[0]).line;
    }
  }
  return 1;
}
