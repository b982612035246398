import assert from 'node:assert/strict';
import { chmod, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { loadRegistryFile, saveRegistryFile } from './registry-file.js';
import { addSource, emptyRegistry } from './registry.js';

describe('registry file', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'tidings-registry-'));
  after(() => rm(dir, { recursive: true, force: true }));

  it('a missing file loads as an empty registry', async () => {
    assert.deepEqual(await loadRegistryFile(join(dir, 'absent.yaml')), { ok: true, value: { sources: [] } });
  });

  it('saves atomically into a new folder and loads back the same registry, leaving no temp file', async () => {
    const a = addSource(emptyRegistry(), {
      name: 'Parallax Notes',
      url: 'https://parallax-notes.example/feed.json',
      type: 'blog',
      language: 'en',
      feedTitle: 'Parallax Notes',
    });
    assert.ok(a.ok);
    const file = join(dir, 'nested', 'sources.yaml');
    assert.deepEqual(await saveRegistryFile(file, a.value), { ok: true, value: file });
    assert.deepEqual(await loadRegistryFile(file), { ok: true, value: a.value });
    assert.deepEqual(await readdir(join(dir, 'nested')), ['sources.yaml']);
    assert.match(await readFile(file, 'utf8'), /id: parallax-notes\n/);
  });

  it('a broken file is a config_error naming the file and line', async () => {
    const file = join(dir, 'broken.yaml');
    await writeFile(file, 'sources:\n  - name: [x\n');
    const r = await loadRegistryFile(file);
    assert.equal(r.ok, false);
    if (!r.ok) {
      assert.equal(r.code, 'config_error');
      assert.ok(r.message.startsWith(`${file} line `), r.message);
    }
  });

  it('an unwritable folder is a config_error, not a throw', async (t) => {
    if (process.getuid?.() === 0) return t.skip('root can write anywhere');
    const locked = join(dir, 'locked');
    await saveRegistryFile(join(locked, 'x.yaml'), emptyRegistry());
    await chmod(locked, 0o500);
    const r = await saveRegistryFile(join(locked, 'y.yaml'), emptyRegistry());
    await chmod(locked, 0o700);
    assert.equal(r.ok, false);
  });

  it('a path that is a directory is a config_error', async () => {
    const r = await loadRegistryFile(dir);
    assert.equal(r.ok, false);
    if (!r.ok) assert.match(r.message, /cannot read the source registry \(EISDIR\)/);
  });
});
