// A verification report as plain text for a person: the problems first (field, phrase, why),
// a summary line with counts, then each supported claim with the source span it rests on.

import type { ClaimKind, Support } from './grounding.js';
import type { VerificationReport } from './verify-output.js';

const KIND_NAMES: Record<ClaimKind, [string, string]> = {
  quote: ['quote', 'quotes'],
  figure: ['figure', 'figures'],
  entity: ['name', 'names'],
};
const EXCERPT_MAX = 100;

export function renderReport(
  report: VerificationReport & { unchecked?: ReadonlyArray<{ path: string; text: string }> },
): string {
  const labels = new Map(report.sources.map((s) => [s.id, s.label]));
  const lines: string[] = [];
  const supported: string[] = [];
  const counts = { quote: [0, 0], figure: [0, 0], entity: [0, 0] } satisfies Record<ClaimKind, [number, number]>;
  let sentences = 0;
  for (const field of report.fields) {
    for (const s of field.sentences) {
      sentences++;
      for (const c of s.claims) {
        counts[c.kind][c.supported ? 0 : 1]++;
        if (c.supported) {
          const first = c.support[0];
          const where = first
            ? `${spanText(first, labels)}${c.reason ? ` (${c.reason})` : ''}`
            : (c.reason ?? 'nothing to find');
          supported.push(`  ${field.path}  ${KIND_NAMES[c.kind][0]} ${show(c.surface)}  <-  ${where}`);
        }
      }
    }
  }
  if (report.problems.length > 0) {
    lines.push('Problems');
    for (const p of report.problems)
      lines.push(`  ${p.path}  ${KIND_NAMES[p.kind][0]} ${show(p.surface)}: ${p.message}`);
    lines.push('');
  }
  const bad = counts.quote[1] + counts.figure[1] + counts.entity[1];
  const good = counts.quote[0] + counts.figure[0] + counts.entity[0];
  const part = (k: ClaimKind): string => `${counts[k][0]}/${counts[k][0] + counts[k][1]} ${KIND_NAMES[k][1]}`;
  lines.push(
    `${report.ok ? 'OK' : 'NOT OK'}: ${bad} unsupported, ${good} supported (${part('quote')}, ${part('figure')}, ${part('entity')}) ` +
      `in ${report.fields.length} fields, ${sentences} sentences, against ${report.sources.length} source${report.sources.length === 1 ? '' : 's'}`,
  );
  if (supported.length > 0) lines.push('', 'Supported', ...supported);
  if (report.sources.length > 0) {
    lines.push('', 'Sources');
    for (const s of report.sources) lines.push(`  ${s.id}  ${s.label}${s.url ? `  ${s.url}` : ''}`);
  }
  if (report.unchecked && report.unchecked.length > 0) {
    lines.push(
      '',
      `Not checked (labels and metadata): ${report.unchecked
        .map((u) => u.path)
        .filter((p, i, a) => a.indexOf(p) === i)
        .join(', ')}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

function spanText(s: Support, labels: ReadonlyMap<string, string>): string {
  return `${labels.get(s.sourceId) ?? s.sourceId} @${s.start}-${s.end}${s.excerpt !== undefined ? ` ${show(s.excerpt)}` : ''}`;
}

function show(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return `"${flat.length > EXCERPT_MAX ? `${flat.slice(0, EXCERPT_MAX - 1)}…` : flat}"`;
}
