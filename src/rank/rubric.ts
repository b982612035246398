// The ranking rubric (pure core): parse and check its YAML. Every error names the file, the line
// and the field. rubric-file.ts reads files from disk; default-rubric.yaml is the bundled default.
import type { z } from 'zod';
import { fail, ok, type Result } from '../errors.js';
import { lineOf, readYaml } from '../yaml-document.js';
import { rubricFileSchema, type Condition, type Rubric, type RubricFile } from './rubric-schema.js';

export * from './rubric-schema.js';

const MAX_REPORTED_ISSUES = 5;

type Path = Array<string | number>;

interface Problem {
  readonly path: Path;
  readonly message: string;
}

export function parseRubric(yamlText: string, fileName: string): Result<Rubric> {
  const read = readYaml(yamlText, fileName);
  if (!read.ok) return read;
  const { doc, lines } = read.value;
  const raw: unknown = read.value.value;
  const parsed = rubricFileSchema.safeParse(raw);
  const problems: Problem[] = parsed.success ? crossCheck(parsed.data) : parsed.error.issues.map(toProblem);
  if (problems.length > 0) {
    const text = problems
      .slice(0, MAX_REPORTED_ISSUES)
      .map((p) => `${fileName} line ${lineOf(doc, lines, p.path)}: ${fieldName(p.path)}: ${p.message}`);
    const more = problems.length > MAX_REPORTED_ISSUES ? ` (and ${problems.length - MAX_REPORTED_ISSUES} more)` : '';
    return fail('config_error', text.join('; ') + more, fileName);
  }
  return ok({ ...(parsed as { data: RubricFile }).data, source: fileName });
}

function toProblem(issue: z.core.$ZodIssue): Problem {
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0]!;
    return {
      path: [...path, key],
      message: `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')} (check the spelling)`,
    };
  }
  if (issue.code === 'invalid_type' && /received undefined/.test(issue.message))
    return { path, message: `missing (expected ${issue.expected})` };
  if (issue.code === 'invalid_value')
    return { path, message: `expected one of ${issue.values.map(String).join(', ')}` };
  return { path, message: issue.message };
}

/** Checks zod cannot express: tier order, a catch-all last tier, names that refer to topics. */
function crossCheck(r: RubricFile): Problem[] {
  const out: Problem[] = [];
  const topics = new Set(Object.keys(r.topics));
  const checkCondition = (c: Condition, path: Path) => {
    for (const [i, t] of (c.topicsAny ?? []).entries()) {
      if (!topics.has(t))
        out.push({
          path: [...path, 'topicsAny', i],
          message: `no topic "${t}" in "topics" (have: ${[...topics].join(', ')})`,
        });
    }
  };
  r.tiers.forEach((tier, i) => {
    const prev = r.tiers[i - 1];
    if (prev && tier.level <= prev.level)
      out.push({
        path: ['tiers', i, 'level'],
        message: `levels must increase down the list (${tier.level} after ${prev.level})`,
      });
    const last = i === r.tiers.length - 1;
    if (tier.always === true && tier.when !== undefined)
      out.push({ path: ['tiers', i, 'always'], message: 'give either "when" or "always: true", not both' });
    if (last && tier.always !== true)
      out.push({
        path: ['tiers', i],
        message: 'the last tier must have "always: true" so that every story gets a tier',
      });
    if (!last && tier.always === true)
      out.push({
        path: ['tiers', i, 'always'],
        message: 'only the last tier may have "always: true" (the tiers after it could never apply)',
      });
    if (!last && (tier.when === undefined || tier.when.length === 0))
      out.push({ path: ['tiers', i], message: 'expected "when": a list of condition sets' });
    (tier.when ?? []).forEach((c, j) => {
      checkCondition(c, ['tiers', i, 'when', j]);
      if (c.minScore === undefined && Object.keys(c).length === 0)
        out.push({
          path: ['tiers', i, 'when', j],
          message: 'an empty condition set always holds; use "always: true" on the last tier instead',
        });
    });
  });
  for (const level of ['high', 'medium'] as const) {
    r.confidence[level].forEach((c, j) => {
      checkCondition(c, ['confidence', level, j]);
      // Confidence is decided first: it cannot wait on itself or on the score.
      for (const field of ['minConfidence', 'minScore', 'hasFigureConflict'] as const) {
        if (c[field] !== undefined)
          out.push({
            path: ['confidence', level, j, field],
            message: `not allowed in confidence rules (conflicts are handled by conflictPenalty)`,
          });
      }
    });
  }
  r.score.forEach((s, j) => {
    if (s.when) checkCondition(s.when, ['score', j, 'when']);
    if (s.when?.minScore !== undefined)
      out.push({ path: ['score', j, 'when', 'minScore'], message: 'a score rule cannot depend on the score' });
  });
  const names = new Set<string>();
  r.audiences.list.forEach((a, i) => {
    if (names.has(a.name))
      out.push({ path: ['audiences', 'list', i, 'name'], message: `audience "${a.name}" is listed twice` });
    names.add(a.name);
    for (const [j, t] of (a.topics ?? []).entries()) {
      if (!topics.has(t))
        out.push({ path: ['audiences', 'list', i, 'topics', j], message: `no topic "${t}" in "topics"` });
    }
    (a.when ?? []).forEach((c, j) => checkCondition(c, ['audiences', 'list', i, 'when', j]));
  });
  return out;
}

function fieldName(path: Path): string {
  return path.length === 0 ? 'top level' : `field "${path.map(String).join('.')}"`;
}
