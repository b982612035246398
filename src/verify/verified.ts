// An output with its verification record: its fields checked against its sources, what fails
// repaired (unquoted, dropped, withheld) and both recorded. Whichever engine wrote the output.

import { applyFields } from '../write/apply-fields.js';
import type { OutputField } from '../write/output-fields.js';
import type { Verification } from '../write/schemas.js';
import type { SourceText } from './grounding.js';
import { repairOutput, verifyOutput } from './verify-output.js';

/** Verifies an output's fields against its sources, repairs what fails, and records both. */
export function verified<T extends { verification?: Verification }>(
  output: T,
  fields: readonly OutputField[],
  sources: readonly SourceText[],
): T {
  const report = verifyOutput(fields, sources);
  const sentences = report.fields.reduce((n, f) => n + f.sentences.length, 0);
  const problems = report.problems.map((p) => ({ path: p.path, kind: p.kind, surface: p.surface, message: p.message }));
  if (report.ok) return { ...output, verification: { ok: true, sentences, problems: [], repairs: [] } };
  const repaired = repairOutput(fields, report);
  const fixed = applyFields(output, fields, repaired.fields);
  return { ...fixed, verification: { ok: false, sentences, problems, repairs: repaired.actions } };
}
