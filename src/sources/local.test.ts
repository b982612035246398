import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { listLocalInputs, readLocalInput } from './local.js';

const PAGE = '<html><head><title>压缩页面</title></head><body><p>An invented gzipped page.</p></body></html>';

describe('local inputs', () => {
  let root = '';
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'tidings-local-'));
    const files: Record<string, string | Uint8Array> = {
      'b.md': '# B',
      'a.html': '<p>A</p>',
      'Z.txt': 'upper case sorts first',
      'page.html.gz': gzipSync(Buffer.from(PAGE)),
      '.hidden.html': '<p>hidden</p>',
      '.git/inside.html': '<p>hidden folder</p>',
      'sub/feed.xml': '<rss/>',
      'sub/deeper/list.urls': 'https://a.example/',
      'sub/notes.pdf': '%PDF',
      'empty.txt': '',
      'fake.html.gz': 'not gzip at all',
      'big.txt': 'x'.repeat(2000),
      'bomb.html.gz': gzipSync(Buffer.alloc(5000, 0x20)),
    };
    for (const [name, body] of Object.entries(files)) {
      await mkdir(join(root, name, '..'), { recursive: true });
      await writeFile(join(root, name), body);
    }
    await symlink(root, join(root, 'sub', 'loop')); // a cycle must not hang the walk
  });
  after(() => rm(root, { recursive: true, force: true }));

  it('walks a directory in sorted order, skipping hidden entries and other file types', async () => {
    const r = await listLocalInputs(root);
    assert.ok(r.ok);
    assert.deepEqual(
      r.value.map((e) => e.path.slice(root.length + 1)),
      [
        'Z.txt',
        'a.html',
        'b.md',
        'big.txt',
        'bomb.html.gz',
        'empty.txt',
        'fake.html.gz',
        'page.html.gz',
        'sub/deeper/list.urls',
        'sub/feed.xml',
      ],
    );
    assert.ok(r.value.every((e) => e.failure === undefined));
  });

  it('lists a single file as itself, even a hidden one', async () => {
    const r = await listLocalInputs(join(root, '.hidden.html'));
    assert.deepEqual(r, { ok: true, value: [{ path: join(root, '.hidden.html') }] });
  });

  it('reads a .html.gz file as its unzipped bytes', async () => {
    const r = await readLocalInput(join(root, 'page.html.gz'), 10_000);
    assert.ok(r.ok);
    assert.equal(Buffer.from(r.value.bytes).toString('utf8'), PAGE);
  });

  it('reads a plain file as is', async () => {
    const r = await readLocalInput(join(root, 'b.md'), 10_000);
    assert.ok(r.ok);
    assert.equal(Buffer.from(r.value.bytes).toString('utf8'), '# B');
  });

  const failures: Array<{ name: string; path: string; max?: number; code: string; message: RegExp }> = [
    { name: 'missing file', path: 'nope.html', code: 'not_found', message: /nope\.html: no such file or directory$/ },
    { name: 'empty file', path: 'empty.txt', code: 'empty_input', message: /empty\.txt: the file is empty$/ },
    {
      name: 'over the size cap',
      path: 'big.txt',
      max: 1000,
      code: 'too_large',
      message: /big\.txt: 2000 bytes, over the 1000-byte limit$/,
    },
    {
      name: 'gzip that unzips past the cap',
      path: 'bomb.html.gz',
      max: 1000,
      code: 'too_large',
      message: /unzips to more than 1000 bytes/,
    },
    { name: '.gz that is not gzip', path: 'fake.html.gz', code: 'bad_input', message: /named \.gz but not gzip data/ },
    { name: 'a directory', path: 'sub', code: 'bad_input', message: /is a directory/ },
  ];
  for (const c of failures) {
    it(`read: ${c.name}`, async () => {
      const r = await readLocalInput(join(root, c.path), c.max ?? 10_000);
      assert.equal(r.ok, false);
      if (r.ok) return;
      assert.equal(r.code, c.code);
      assert.match(r.message, c.message);
      assert.equal(r.subject, join(root, c.path));
    });
  }

  it('list: a missing path is not_found; a folder with no inputs is empty_input', async () => {
    const missing = await listLocalInputs(join(root, 'missing'));
    assert.equal(missing.ok ? 'ok' : missing.code, 'not_found');
    await mkdir(join(root, 'nothing'));
    await writeFile(join(root, 'nothing', 'x.pdf'), '%PDF');
    const empty = await listLocalInputs(join(root, 'nothing'));
    assert.equal(empty.ok ? 'ok' : empty.code, 'empty_input');
  });
});
