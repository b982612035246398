// Verification on real-shaped coverage: the pages and Markdown under test/fixtures/real/verify-*
// (names with inner capitals, digits, hyphens, dots and inline markup, in English and Chinese)
// are ingested and the day's digest is written in both faces through the command; the bench
// reports the share of digest items with any verification problem and the number of empty
// headlines. With --before REV the same is run on that git revision's source tree (and
// --after REV for a revision instead of the working tree), each in a process of its own.
//
// Run: node --import tsx bench/verify-real.ts [--before REV] [--after REV]

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, readdir, rm, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURES = path.join(ROOT, 'test/fixtures/real');
const DATE = '2026-04-14';

interface Item {
  headline: string;
  verification?: {
    ok: boolean;
    problems: Array<{ path: string; kind: string; surface: string }>;
    repairs: Array<{ path: string; action: string }>;
  };
}
interface Result {
  items: number;
  withProblems: number;
  emptyHeadlines: number;
  withheld: number;
  problems: string[];
}

/** Child mode: ingest with the tree at `root`, write the digest in both faces, print RESULT. */
async function child(root: string, files: string[]): Promise<void> {
  const { main } = (await import(path.join(root, 'src/cli/main.ts'))) as {
    main: (args: string[], io: unknown) => Promise<number>;
  };
  const data = await mkdtemp(path.join(os.tmpdir(), 'tidings-verify-real-'));
  let out = '';
  const io = { out: (s: string) => void (out += s), err: () => undefined, errIsTty: false };
  try {
    process.chdir(data);
    const ingest = await main(['--data', data, 'ingest', '--no-fetch', ...files], io);
    if (ingest !== 0) throw new Error(`ingest exited ${ingest}`);
    const result: Result = { items: 0, withProblems: 0, emptyHeadlines: 0, withheld: 0, problems: [] };
    for (const lang of ['en', 'zh']) {
      out = '';
      const code = await main(['--data', data, 'digest', '--date', DATE, '--lang', lang, '--format', 'json'], io);
      if (code !== 0) throw new Error(`digest --lang ${lang} exited ${code}`);
      const digest = JSON.parse(out) as { tiers: Array<{ items: Item[] }> };
      for (const item of digest.tiers.flatMap((t) => t.items)) {
        result.items++;
        const problems = item.verification?.problems ?? [];
        if (problems.length > 0) result.withProblems++;
        if (item.headline.trim() === '') result.emptyHeadlines++;
        result.withheld += (item.verification?.repairs ?? []).filter((r) => r.action === 'withheld').length;
        for (const p of problems) result.problems.push(`${lang} ${p.path} ${p.kind} "${p.surface}"`);
      }
    }
    console.log(`RESULT ${JSON.stringify(result)}`);
  } finally {
    process.chdir(ROOT);
    await rm(data, { recursive: true, force: true });
  }
}

/** The source tree of `rev` in a temp dir, sharing this checkout's node_modules. */
async function exportRevision(rev: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tidings-rev-'));
  const tar = execFileSync('git', ['archive', rev, 'src', 'package.json', 'tsconfig.json'], {
    cwd: ROOT,
    maxBuffer: 1 << 30,
  });
  execFileSync('tar', ['-x', '-C', dir], { input: tar });
  await symlink(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  return dir;
}

function runTree(root: string): Result {
  const r = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', root], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const line = r.stdout.split('\n').find((l) => l.startsWith('RESULT '));
  if (!line) throw new Error(`no result from ${root}: ${r.stderr.trim().split('\n').slice(-3).join(' | ')}`);
  return JSON.parse(line.slice(7)) as Result;
}

async function fixtureFiles(): Promise<string[]> {
  return (await readdir(FIXTURES))
    .filter((f) => f.startsWith('verify-'))
    .sort()
    .map((f) => path.join(FIXTURES, f));
}

async function compare(before: string | null, after: string | null): Promise<void> {
  const trees: Array<{ label: string; root: string; temp: boolean }> = [];
  if (before !== null) trees.push({ label: `before (${before})`, root: await exportRevision(before), temp: true });
  trees.push(
    after === null
      ? { label: 'now (working tree)', root: ROOT, temp: false }
      : { label: `after (${after})`, root: await exportRevision(after), temp: true },
  );
  try {
    const files = await fixtureFiles();
    console.log(`${files.length} real-shaped inputs (test/fixtures/real/verify-*), digest of ${DATE} in en and zh`);
    console.log(
      `${'tree'.padEnd(28)} ${'items'.padStart(5)} ${'with problems'.padStart(14)} ${'share'.padStart(6)} ${'empty headlines'.padStart(16)} ${'withheld'.padStart(9)}`,
    );
    for (const tree of trees) {
      const r = runTree(tree.root);
      const share = r.items === 0 ? 0 : (100 * r.withProblems) / r.items;
      console.log(
        `${tree.label.padEnd(28)} ${String(r.items).padStart(5)} ${String(r.withProblems).padStart(14)} ${`${share.toFixed(0)}%`.padStart(6)} ${String(r.emptyHeadlines).padStart(16)} ${String(r.withheld).padStart(9)}`,
      );
      for (const p of r.problems) console.log(`  ${p}`);
    }
  } finally {
    for (const tree of trees) if (tree.temp) await rm(tree.root, { recursive: true, force: true });
  }
}

const args = process.argv.slice(2);
const opt = (name: string): string | null => {
  const k = args.indexOf(name);
  return k === -1 ? null : (args[k + 1] ?? null);
};
const childRoot = opt('--child');
if (childRoot !== null) await child(childRoot, await fixtureFiles());
else await compare(opt('--before'), opt('--after'));
