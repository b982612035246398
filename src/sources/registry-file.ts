// Edge: reads and writes the registry file. Saving is atomic (write a temp file beside it, then
// rename), so a crash leaves either the old file or the new one, never half of one.
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fail, ok, type Result } from '../errors.js';
import { emptyRegistry, parseRegistry, serializeRegistry } from './registry.js';
import type { Registry } from './registry-schema.js';

/** Loads the registry; a missing file is an empty registry (the first `sources add` creates it). */
export async function loadRegistryFile(filePath: string): Promise<Result<Registry>> {
  let text: string;
  try {
    text = await readFile(filePath, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return ok(emptyRegistry());
    return fail(
      'config_error',
      `${filePath}: cannot read the source registry (${code ?? (e as Error).message})`,
      filePath,
    );
  }
  return parseRegistry(text, filePath);
}

export async function saveRegistryFile(filePath: string, registry: Registry): Promise<Result<string>> {
  const dir = dirname(filePath);
  // Unique per process and call, so two writers never share a temp file.
  const temp = join(dir, `.${basename(filePath)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(temp, serializeRegistry(registry), { encoding: 'utf8', flush: true });
    await rename(temp, filePath);
    return ok(filePath);
  } catch (e) {
    await rm(temp, { force: true }).catch(() => undefined);
    const code = (e as NodeJS.ErrnoException).code;
    return fail(
      'config_error',
      `${filePath}: cannot write the source registry (${code ?? (e as Error).message})`,
      filePath,
    );
  }
}
