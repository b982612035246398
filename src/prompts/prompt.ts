// Prompts are versioned files (prompts/<id>.md), not strings in code: YAML front matter with `id`
// and `version`, then a "# System" section and a "# User" section. Both sections are templates
// with {{name}} slots; a slot left unfilled is an error, never sent to a model as literal braces.

import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { fail, ok, type Result } from '../errors.js';

export interface Prompt {
  readonly id: string;
  /** Bumped whenever the wording changes: part of every response-cache key. */
  readonly version: number;
  /** "translate-paragraphs@1": what LlmRequest.promptVersion carries. */
  readonly promptVersion: string;
  readonly description: string | null;
  /** Template of the system message (instructions only, never article text). */
  readonly system: string;
  /** Template of the user message (where article text goes, delimited as data). */
  readonly user: string;
  /** Every {{slot}} named in either template, sorted. */
  readonly variables: readonly string[];
}

export interface RenderedPrompt {
  readonly system: string;
  readonly user: string;
  readonly promptVersion: string;
}

export const PROMPT_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

const FrontMatter = z.object({
  id: z.string().regex(PROMPT_ID),
  version: z.number().int().positive(),
  description: z.string().optional(),
});

const FRONT_MATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;
const SECTION = /^#[ \t]+(system|user)[ \t]*$/gim;
const SLOT = /\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g;

/** Parses a prompt file's text; `file` names it in failure messages. */
export function parsePrompt(text: string, file: string): Result<Prompt> {
  const fm = FRONT_MATTER.exec(text);
  if (!fm) return fail('config_error', `prompt file ${file} has no front matter (--- id, version ---)`, file);
  let meta: unknown;
  try {
    meta = parseYaml(fm[1] ?? '');
  } catch (e) {
    return fail('config_error', `prompt file ${file}: front matter is not YAML: ${(e as Error).message}`, file);
  }
  const parsed = FrontMatter.safeParse(meta);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return fail(
      'config_error',
      `prompt file ${file}: front matter ${issue?.path.join('.') || ''} ${issue?.message ?? 'is invalid'}`.trim(),
      file,
    );
  }
  const body = text.slice(fm[0].length);
  const sections = new Map<string, string>();
  const heads = [...body.matchAll(SECTION)];
  for (const [i, head] of heads.entries()) {
    const name = (head[1] ?? '').toLowerCase();
    if (sections.has(name)) return fail('config_error', `prompt file ${file} has two "# ${name}" sections`, file);
    const from = head.index + head[0].length;
    const to = heads[i + 1]?.index ?? body.length;
    sections.set(name, body.slice(from, to).trim());
  }
  const system = sections.get('system');
  const user = sections.get('user');
  if (!system) return fail('config_error', `prompt file ${file} has no "# System" section (or it is empty)`, file);
  if (!user) return fail('config_error', `prompt file ${file} has no "# User" section (or it is empty)`, file);
  const { id, version } = parsed.data;
  return ok({
    id,
    version,
    promptVersion: `${id}@${version}`,
    description: parsed.data.description ?? null,
    system,
    user,
    variables: [...new Set([...slotsOf(system), ...slotsOf(user)])].sort(),
  });
}

function slotsOf(template: string): string[] {
  return [...template.matchAll(SLOT)].map((m) => m[1] ?? '');
}

/**
 * Fills {{name}} slots in one pass, so a value that itself contains "{{x}}" (article text) is
 * left as it is. A slot with no value is a failure naming it.
 */
export function renderTemplate(
  template: string,
  vars: Readonly<Record<string, string>>,
  what = 'template',
): Result<string> {
  const missing = slotsOf(template).filter((name) => !Object.hasOwn(vars, name));
  if (missing.length > 0) return fail('config_error', `${what} needs a value for {{${missing[0]}}}`, what);
  return ok(template.replace(SLOT, (_, name: string) => vars[name] ?? ''));
}

/** Both messages of a prompt, filled with the same values. */
export function renderPrompt(prompt: Prompt, vars: Readonly<Record<string, string>>): Result<RenderedPrompt> {
  const system = renderTemplate(prompt.system, vars, `prompt ${prompt.promptVersion} (system)`);
  if (!system.ok) return system;
  const user = renderTemplate(prompt.user, vars, `prompt ${prompt.promptVersion} (user)`);
  if (!user.ok) return user;
  return ok({ system: system.value, user: user.value, promptVersion: prompt.promptVersion });
}
