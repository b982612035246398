// Where the project's own files (examples, prompts, rubric, glossary, assets) are, for any module
// that reads them. Its own module, not config's, so a stage can find a bundled file without
// importing the run's configuration (which knows about the store).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root, found from this file's place (src/ under tsx, dist/ when built). */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
