// Reading prompt files from disk (the I/O edge of prompt.ts). Bundled prompts live in prompts/ at
// the repository root, found from PROJECT_ROOT so it works under tsx and when built.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../project-root.js';
import { fail, type Result } from '../errors.js';
import { parsePrompt, PROMPT_ID, type Prompt } from './prompt.js';

export const PROMPTS_DIR = path.join(PROJECT_ROOT, 'prompts');

export interface LoadPromptOptions {
  /** Another prompts directory (tests, a user's overrides); default the bundled prompts/. */
  readonly dir?: string;
}

/**
 * Loads prompts/<id>.md. Synchronous: prompt files are a few kilobytes, read once when an engine
 * is built. The file's front-matter id must equal its name, so a copied file cannot pose as another.
 */
export function loadPrompt(id: string, options: LoadPromptOptions = {}): Result<Prompt> {
  if (!PROMPT_ID.test(id)) return fail('bad_input', `prompt id "${id}" is not a lowercase-kebab name`, id);
  const file = path.join(options.dir ?? PROMPTS_DIR, `${id}.md`);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return fail('not_found', `prompt file ${file} does not exist`, file);
    return fail('config_error', `prompt file ${file} cannot be read: ${(e as Error).message}`, file);
  }
  const prompt = parsePrompt(text, file);
  if (prompt.ok && prompt.value.id !== id) {
    return fail('config_error', `prompt file ${file} declares id "${prompt.value.id}", expected "${id}"`, file);
  }
  return prompt;
}
