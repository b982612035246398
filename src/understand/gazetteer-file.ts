// Reading the user's gazetteer file (the I/O edge of gazetteer.ts): names of the companies, labs,
// regulators and people that matter to this newsroom, in English and Chinese. Entries extend the
// bundled gazetteer (same id: more aliases) or add to it (new id). Used for recognising names in
// newly read articles and, at once, for ranking (the rubric's entity sets name gazetteer ids).
//
//   version: 1
//   entities:
//     - id: miit                      # a bundled id extends that entity; a new id adds one
//       name: Ministry of Industry and Information Technology
//       type: organization            # organization | person | product | place | concept
//       en: [MIIT]
//       zh: [工信部, 工业和信息化部]

import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { fail, ok, type Result } from '../errors.js';
import { lineOf, readYaml } from '../yaml-document.js';
import type { GazetteerEntry } from './gazetteer.js';

/** More would make every article's matching slower for no editorial gain. */
export const MAX_USER_ENTRIES = 20_000;
const MAX_REPORTED = 5;

const alias = z
  .string()
  .transform((s) => s.normalize('NFKC').replace(/\s+/g, ' ').trim())
  .pipe(z.string().min(2, 'an alias needs at least 2 characters').max(100, 'an alias has at most 100 characters'));

const entrySchema = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'an id is lower-case letters, digits and hyphens (at most 64), e.g. "miit"'),
  name: alias,
  type: z.enum(['organization', 'person', 'product', 'place', 'concept']).default('organization'),
  en: z.array(alias).max(50).default([]),
  zh: z.array(alias).max(50).default([]),
});

const fileSchema = z.strictObject({
  version: z.literal(1),
  entities: z.array(z.unknown()).max(MAX_USER_ENTRIES).default([]),
});

/** Parses a gazetteer file's text; every problem names the file, the line and the entry. */
export function parseGazetteer(text: string, fileName: string): Result<GazetteerEntry[]> {
  const read = readYaml(text, fileName);
  if (!read.ok) return read;
  const { doc, lines } = read.value;
  const top = fileSchema.safeParse(read.value.value);
  if (!top.success) {
    const issue = top.error.issues[0]!;
    const where = issue.path.length > 0 ? `field "${issue.path.join('.')}"` : 'top level';
    return fail(
      'config_error',
      `${fileName}: ${where}: ${issue.message} (expected "version: 1" and an "entities:" list)`,
      fileName,
    );
  }
  const problems: string[] = [];
  const out: GazetteerEntry[] = [];
  const seen = new Map<string, number>();
  top.data.entities.forEach((item, index) => {
    const label =
      typeof item === 'object' && item !== null && typeof (item as { id?: unknown }).id === 'string'
        ? `entity "${(item as { id: string }).id}"`
        : `entity ${index + 1}`;
    const parsed = entrySchema.safeParse(item);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const at = lineOf(doc, lines, [
          'entities',
          index,
          ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
        ]);
        const field = issue.path.length > 0 ? `field "${issue.path.join('.')}"` : 'the entry';
        problems.push(`${fileName} line ${at}: ${label}, ${field}: ${issue.message}`);
      }
      return;
    }
    const e = parsed.data;
    const line = lineOf(doc, lines, ['entities', index]);
    const before = seen.get(e.id);
    if (before !== undefined) {
      problems.push(
        `${fileName} line ${line}: ${label} is listed twice (first on line ${before}); merge the two entries`,
      );
      return;
    }
    seen.set(e.id, line);
    out.push({ id: e.id, name: e.name, type: e.type, aliases: { en: [...new Set(e.en)], zh: [...new Set(e.zh)] } });
  });
  if (problems.length > 0) {
    const more = problems.length > MAX_REPORTED ? ` (and ${problems.length - MAX_REPORTED} more)` : '';
    return fail('config_error', problems.slice(0, MAX_REPORTED).join('; ') + more, fileName);
  }
  return ok(out);
}

export async function loadGazetteerFile(file: string): Promise<Result<GazetteerEntry[]>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return fail('not_found', `gazetteer file ${file} does not exist`, file);
    return fail('config_error', `gazetteer file ${file} cannot be read: ${(e as Error).message}`, file);
  }
  return parseGazetteer(text, file);
}
