// Reading a rubric file from disk (the I/O edge of rubric.ts). The bundled default lives beside
// this file's source, found from the repository root so that it works under tsx and when built.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_ROOT } from '../project-root.js';
import { fail, type Result } from '../errors.js';
import { parseRubric, type Rubric } from './rubric.js';

export const DEFAULT_RUBRIC_PATH = path.join(PROJECT_ROOT, 'src', 'rank', 'default-rubric.yaml');

export async function loadRubricFile(file: string = DEFAULT_RUBRIC_PATH): Promise<Result<Rubric>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return fail('not_found', `rubric file ${file} does not exist`, file);
    return fail('config_error', `rubric file ${file} cannot be read: ${(e as Error).message}`, file);
  }
  return parseRubric(text, file);
}
