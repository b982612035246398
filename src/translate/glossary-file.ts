// Reading glossary files (the I/O edge of glossary.ts): the bundled glossary/ai-terms.yaml, then
// the user's own file when one is configured.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_ROOT } from '../project-root.js';
import { fail, ok, type Result } from '../errors.js';
import { extendGlossary, parseGlossary, type Glossary, type GlossaryEntry } from './glossary.js';

export const BUNDLED_GLOSSARY_PATH = path.join(PROJECT_ROOT, 'glossary', 'ai-terms.yaml');

export interface GlossaryOptions {
  /** The user's glossary file, same shape as the bundled one; its entries win. */
  readonly extraGlossaryPath?: string | undefined;
  /** Another bundled file (tests). */
  readonly bundledPath?: string;
}

async function readEntries(file: string): Promise<Result<GlossaryEntry[]>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return fail('not_found', `glossary file ${file} does not exist`, file);
    return fail('config_error', `glossary file ${file} cannot be read: ${(e as Error).message}`, file);
  }
  return parseGlossary(text, file);
}

export async function loadGlossary(options: GlossaryOptions = {}): Promise<Result<Glossary>> {
  const bundledPath = options.bundledPath ?? BUNDLED_GLOSSARY_PATH;
  const bundled = await readEntries(bundledPath);
  if (!bundled.ok) return bundled;
  const glossary: Glossary = { entries: bundled.value, files: [bundledPath] };
  if (options.extraGlossaryPath === undefined) return ok(glossary);
  const extra = await readEntries(options.extraGlossaryPath);
  if (!extra.ok) return extra;
  return ok(extendGlossary(glossary, extra.value, options.extraGlossaryPath));
}
