// A strict reader of the Prometheus text exposition format (version 0.0.4), for tests: it throws,
// naming the line, on anything the format does not allow: a bad metric or label name, a bad escape
// in a label value, a value that is not a float, a TYPE after its metric's samples or given twice,
// a family whose lines are not together, a sample seen twice, a summary or histogram sample with a
// suffix its type does not have, or a text that does not end in a newline.

export interface ExpositionSample {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

export interface Exposition {
  readonly samples: readonly ExpositionSample[];
  readonly types: ReadonlyMap<string, string>;
  readonly helps: ReadonlyMap<string, string>;
}

const METRIC = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const TYPES = new Set(['counter', 'gauge', 'histogram', 'summary', 'untyped']);
const FLOAT = /^[+-]?(?:\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?|Inf|NaN)$/;

function parseFloatStrict(text: string, where: string): number {
  if (!FLOAT.test(text)) throw new Error(`${where}: "${text}" is not a float`);
  if (text === 'NaN') return Number.NaN;
  if (/^[+]?Inf$/.test(text)) return Number.POSITIVE_INFINITY;
  if (text === '-Inf') return Number.NEGATIVE_INFINITY;
  return Number(text);
}

/** The family a sample name belongs to, given the declared types (x_sum → x for a summary ...). */
function familyOf(name: string, types: ReadonlyMap<string, string>): string {
  for (const suffix of ['_sum', '_count', '_bucket']) {
    if (!name.endsWith(suffix)) continue;
    const base = name.slice(0, -suffix.length);
    const type = types.get(base);
    if (type === 'histogram' || (type === 'summary' && suffix !== '_bucket')) return base;
  }
  return name;
}

export function parseExposition(text: string): Exposition {
  if (text.length > 0 && !text.endsWith('\n')) throw new Error('the text does not end with a newline');
  const samples: ExpositionSample[] = [];
  const types = new Map<string, string>();
  const helps = new Map<string, string>();
  const sampled = new Set<string>(); // families with a sample already
  const closed = new Set<string>(); // families whose group of lines has ended
  const series = new Set<string>();
  let current: string | null = null;
  const enter = (family: string, where: string) => {
    if (family === current) return;
    if (closed.has(family)) throw new Error(`${where}: the lines of "${family}" are not together`);
    if (current !== null) closed.add(current);
    current = family;
  };
  const lines = text.split('\n');
  lines.pop();
  lines.forEach((line, i) => {
    const where = `line ${i + 1}`;
    if (line.trim() === '') return;
    if (line.startsWith('#')) {
      const m = /^#\s+(HELP|TYPE)\s+(\S+)(?:\s(.*))?$/.exec(line);
      if (!m) return; // a comment
      const [, keyword, name, rest = ''] = m;
      if (!METRIC.test(name!)) throw new Error(`${where}: "${name}" is not a metric name`);
      enter(name!, where);
      if (keyword === 'HELP') {
        if (helps.has(name!)) throw new Error(`${where}: a second HELP for "${name}"`);
        if (/\\[^\\n]/.test(rest.replace(/\\\\/g, '')))
          throw new Error(`${where}: HELP text with an escape other than \\\\ or \\n`);
        helps.set(name!, rest.replace(/\\n/g, '\n').replace(/\\\\/g, '\\'));
      } else {
        if (!TYPES.has(rest.trim())) throw new Error(`${where}: "${rest}" is not a metric type`);
        if (types.has(name!)) throw new Error(`${where}: a second TYPE for "${name}"`);
        if (sampled.has(name!)) throw new Error(`${where}: TYPE for "${name}" after its samples`);
        types.set(name!, rest.trim());
      }
      return;
    }
    const nameMatch = /^([a-zA-Z_:][a-zA-Z0-9_:]*)/.exec(line);
    if (!nameMatch) throw new Error(`${where}: no metric name at the start of "${line}"`);
    const name = nameMatch[1]!;
    let pos = name.length;
    const labels: Record<string, string> = {};
    if (line[pos] === '{') {
      pos++;
      for (;;) {
        if (line[pos] === '}') {
          pos++;
          break;
        }
        const ln = /^([a-zA-Z_][a-zA-Z0-9_]*)="/.exec(line.slice(pos));
        if (!ln) throw new Error(`${where}: bad label at column ${pos + 1}`);
        const label = ln[1]!;
        if (!LABEL.test(label) || label.startsWith('__')) throw new Error(`${where}: "${label}" is not a label name`);
        if (label in labels) throw new Error(`${where}: label "${label}" twice`);
        pos += ln[0].length;
        let value = '';
        for (;;) {
          const c = line[pos];
          if (c === undefined) throw new Error(`${where}: unterminated label value`);
          if (c === '"') {
            pos++;
            break;
          }
          if (c === '\\') {
            const e = line[pos + 1];
            if (e === '\\') value += '\\';
            else if (e === '"') value += '"';
            else if (e === 'n') value += '\n';
            else throw new Error(`${where}: bad escape "\\${e ?? ''}" in a label value`);
            pos += 2;
            continue;
          }
          value += c;
          pos++;
        }
        labels[label] = value;
        if (line[pos] === ',') pos++;
        else if (line[pos] !== '}') throw new Error(`${where}: expected "," or "}" at column ${pos + 1}`);
      }
    }
    const rest = line.slice(pos);
    const vm = /^ +(\S+)(?: +(-?\d+))?$/.exec(rest);
    if (!vm) throw new Error(`${where}: expected " value [timestamp]" after the name and labels, got "${rest}"`);
    const value = parseFloatStrict(vm[1]!, where);
    const family = familyOf(name, types);
    const type = types.get(family);
    if (type === 'summary' && name === family && !('quantile' in labels))
      throw new Error(`${where}: a summary sample without a quantile label`);
    if (type === 'histogram' && name === family)
      throw new Error(`${where}: a histogram sample without _bucket, _sum or _count`);
    enter(family, where);
    sampled.add(family);
    const key = `${name}${JSON.stringify(Object.entries(labels).sort())}`;
    if (series.has(key)) throw new Error(`${where}: the series ${name}${JSON.stringify(labels)} twice`);
    series.add(key);
    samples.push({ name, labels, value });
  });
  return { samples, types, helps };
}
