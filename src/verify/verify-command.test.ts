import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fail, ok, type Result } from '../errors.js';
import type { SourceText } from './grounding.js';
import { readSourceFile, verifyCommand, type VerifyIo } from './verify-command.js';

const dir = mkdtempSync(join(tmpdir(), 'tidings-verify-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const sourceTxt = file(
  'source.txt',
  'Halvard Compute rents its campus to Anthropic. The campus draws 300MW. Raman said it is “a bridge, not a destination.”\n',
);
const sourceHtml = file(
  'source.html',
  '<!doctype html><html><head><title>Lease</title><meta property="og:site_name" content="Northwind Post"></head><body><nav>Home | World</nav>' +
    '<article><h1>Halvard leases its campus</h1><p>Halvard Compute rents its campus to Anthropic, and the campus draws 300MW of power from the grid.</p>' +
    '<p>Raman said it is “a bridge, not a destination,” in a call with reporters on Tuesday.</p></article></body></html>',
);
const good = file('good.md', '## Summary\nThe campus draws 300MW. Raman called it “a bridge, not a destination.”\n');
const bad = file('bad.md', '## Summary\nThe campus draws 3000 兆瓦. Raman called it “a masterstroke.”\n');

function capture(extra: Partial<VerifyIo> = {}): { io: VerifyIo; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return { io: { out: (s) => (out += s), err: (s) => (err += s), ...extra }, out: () => out, err: () => err };
}

const stored: Record<string, SourceText> = {
  art_1: {
    id: 'art_1',
    label: 'Stored Outlet',
    text: 'The campus draws 300MW, said Raman: “a bridge, not a destination.”',
  },
};
const readSource = async (ref: string): Promise<Result<SourceText>> => {
  const a = stored[ref];
  return a ? ok(a) : fail('not_found', `no stored article ${ref}`, ref);
};

describe('verifyCommand', () => {
  const cases: Array<{
    name: string;
    file: string;
    sources: string[];
    code: number;
    out?: RegExp;
    err?: RegExp;
    withStore?: boolean;
  }> = [
    {
      name: 'all supported by a text source: exit 0',
      file: good,
      sources: [sourceTxt],
      code: 0,
      out: /^OK: 0 unsupported/m,
    },
    {
      name: 'supported by an HTML source read through the extractor',
      file: good,
      sources: [sourceHtml],
      code: 0,
      out: /Northwind Post @\d+-\d+ "300MW"/,
    },
    {
      name: 'supported by a stored article through the callback',
      file: good,
      sources: ['art_1'],
      code: 0,
      withStore: true,
      out: /Stored Outlet/,
    },
    {
      name: 'unsupported claims: exit 1 and the problems printed',
      file: bad,
      sources: [sourceTxt],
      code: 1,
      out: /figure "3000 兆瓦".*nearest is "300MW"/,
    },
    { name: 'no sources: a usage error', file: good, sources: [], code: 2, err: /no sources given/ },
    {
      name: 'missing output file',
      file: join(dir, 'nope.md'),
      sources: [sourceTxt],
      code: 1,
      err: /nope\.md: no such file/,
    },
    { name: 'unknown source without a store', file: good, sources: ['art_9'], code: 1, err: /art_9: no such file/ },
    {
      name: 'unknown stored id',
      file: good,
      sources: ['art_9'],
      code: 1,
      withStore: true,
      err: /art_9: neither a readable file nor a stored article/,
    },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const cap = capture(c.withStore ? { readSource } : {});
      const code = await verifyCommand(c.file, c.sources, cap.io);
      assert.equal(code, c.code, cap.err());
      if (c.out) assert.match(cap.out(), c.out);
      if (c.err) assert.match(cap.err(), c.err);
    });
  }
  it('prints JSON when asked', async () => {
    const cap = capture({ json: true });
    assert.equal(await verifyCommand(bad, [sourceTxt], cap.io), 1);
    const report = JSON.parse(cap.out()) as { ok: boolean; problems: Array<{ surface: string }> };
    assert.equal(report.ok, false);
    assert.deepEqual(
      report.problems.map((p) => p.surface),
      ['3000 兆瓦', 'a masterstroke'],
    );
  });
});

describe('readSourceFile', () => {
  it('keeps the main text of an HTML page and drops its navigation', async () => {
    const r = await readSourceFile(sourceHtml);
    assert.ok(r.ok);
    assert.doesNotMatch(r.value.text, /Home \| World/);
    assert.match(r.value.text, /draws 300MW/);
  });
  it('an empty file is a failure naming the file', async () => {
    const r = await readSourceFile(file('empty.txt', '   \n'));
    assert.ok(!r.ok);
    assert.match(r.message, /empty\.txt/);
  });
});
