// What a costly page costs: time and peak memory (max RSS) of `tidings extract` on each case of
// test/fixtures/hostile/cost-inputs.ts (a gzip file that expands to 19.5 MB of unclosed tags,
// 600 KB of unclosed tags, 18 MB of inline tags) and, for scale, on a normal page; each run in a
// process of its own. With --before REV the same runs are made on that git revision's source
// (exported to a temp dir) for comparison. Then what the page worker (src/extract/extract-isolated.ts)
// costs on normal pages: the same generated pages read in-process and through the worker.
//
// Run: node --import tsx bench/hostile-cost.ts [--before REV] [--timeout SECONDS] [--pages N]

import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeCostInputs } from '../test/fixtures/hostile/cost-inputs.js';
import { normalPage } from '../test/fixtures/hostile/nest-inputs.js';
import { page as generatedPage } from './generate-pages.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface RunResult {
  readonly exitCode: number | null;
  readonly seconds: number;
  readonly maxRssMb: number | null;
  readonly outcome: string;
}

/** Child mode: `extract --json FILE` with the CLI of the source tree at `root`; prints a RunResult line. */
async function child(root: string, file: string): Promise<void> {
  const started = performance.now();
  let outcome = '';
  const report = (exitCode: number | null): void => {
    const result: RunResult = {
      exitCode,
      seconds: (performance.now() - started) / 1000,
      maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      outcome,
    };
    process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
  };
  // A crash (an uncaught stack overflow in the old code) still reports what it cost.
  process.on('uncaughtException', (error) => {
    outcome = `crashed: ${error.message}`;
    report(null);
    process.exit(70);
  });
  const { main } = (await import(pathToFileURL(path.join(root, 'src/cli/main.ts')).href)) as {
    main: (
      argv: string[],
      io: { out: (s: string) => void; err: (s: string) => void; errIsTty: boolean },
    ) => Promise<number>;
  };
  let paragraphs = 0;
  let err = '';
  const code = await main(['extract', '--json', file], {
    out: (s) => void (paragraphs += (JSON.parse(s) as { paragraphs: unknown[] }).paragraphs.length),
    err: (s) => void (err += s),
    errIsTty: false,
  });
  outcome =
    err !== ''
      ? err
          .trim()
          .split('\n')[0]!
          .replace(/^tidings extract: /, '')
          .replace(/\/\S*\//g, '')
      : `read: ${paragraphs} paragraphs`;
  report(code);
  process.exit(0);
}

function runChild(root: string, file: string, timeoutS: number): Promise<RunResult> {
  return new Promise((resolve) => {
    const started = performance.now();
    const proc = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', root, file], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    proc.stdout.on('data', (c: Buffer) => void (out += c.toString()));
    proc.stderr.on('data', (c: Buffer) => void (err += c.toString()));
    const timer = setTimeout(() => proc.kill('SIGKILL'), timeoutS * 1000);
    proc.on('close', (code, signal) => {
      clearTimeout(timer);
      const line = out.split('\n').find((l) => l.startsWith('RESULT '));
      if (line !== undefined) return resolve(JSON.parse(line.slice(7)) as RunResult);
      const seconds = (performance.now() - started) / 1000;
      const outcome =
        signal === 'SIGKILL'
          ? `killed after ${timeoutS} s (not finished)`
          : `died (${signal ?? `exit ${code}`}): ${err.trim().split('\n').slice(-1)[0] ?? ''}`;
      resolve({ exitCode: code, seconds, maxRssMb: null, outcome });
    });
  });
}

/** The source tree of `rev` in a temp dir, sharing this checkout's node_modules. */
async function exportRevision(rev: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tidings-before-'));
  const tar = execFileSync('git', ['archive', rev, 'src', 'package.json', 'tsconfig.json'], {
    cwd: ROOT,
    maxBuffer: 1 << 30,
  });
  execFileSync('tar', ['-x', '-C', dir], { input: tar });
  await symlink(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  return dir;
}

const pad = (s: string, n: number): string => s.padEnd(n);

async function costCases(args: { before: string | null; timeoutS: number }): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tidings-cost-'));
  const trees: Array<{ label: string; root: string }> = [{ label: 'now', root: ROOT }];
  try {
    const files = await writeCostInputs(dir);
    const normal = path.join(dir, 'normal.html');
    await writeFile(normal, normalPage(1));
    if (args.before !== null)
      trees.unshift({ label: `before (${args.before})`, root: await exportRevision(args.before) });
    const cases: Array<[string, string]> = [
      ['normal page (1.3 KB)', normal],
      ['gzip bomb (28 KB -> 19.5 MB)', files.gzipBomb],
      ['unclosed tags (600 KB)', files.unclosed],
      ['inline tags (18 MB)', files.inline],
    ];
    console.log(`${pad('case', 30)} ${pad('tree', 26)} ${'seconds'.padStart(8)} ${'max RSS'.padStart(9)}  outcome`);
    for (const [name, file] of cases) {
      for (const tree of trees) {
        const r = await runChild(tree.root, file, args.timeoutS);
        const rss = r.maxRssMb === null ? '?' : `${r.maxRssMb} MB`;
        console.log(
          `${pad(name, 30)} ${pad(tree.label, 26)} ${r.seconds.toFixed(1).padStart(8)} ${rss.padStart(9)}  ${r.outcome.slice(0, 110)}`,
        );
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
    for (const tree of trees) if (tree.root !== ROOT) await rm(tree.root, { recursive: true, force: true });
  }
}

/** The page worker's cost on normal pages: the same pages in-process and through the worker. */
async function workerOverhead(pages: number): Promise<void> {
  const { extractPage } = await import('../src/extract/extract.js');
  const { extractPageIsolated } = await import('../src/extract/extract-isolated.js');
  const htmls = Array.from({ length: pages }, (_, i) => generatedPage(i, 3).html);
  const bytes = htmls.reduce((n, h) => n + h.length, 0);
  console.log(`\npage worker on ${pages} generated pages (${Math.round(bytes / pages / 1024)} KB each), 3 rounds:`);
  for (let round = 1; round <= 3; round++) {
    let t = performance.now();
    for (const [i, text] of htmls.entries()) extractPage({ format: 'html', text, name: `p${i}` });
    const inProcess = performance.now() - t;
    t = performance.now();
    let first = 0;
    for (const [i, text] of htmls.entries()) {
      const r = await extractPageIsolated({ format: 'html', text, name: `p${i}` });
      if (!r.ok) throw new Error(r.message);
      if (i === 0) first = performance.now() - t;
    }
    const isolated = performance.now() - t;
    console.log(
      `  round ${round}: in-process ${inProcess.toFixed(0)} ms (${(inProcess / pages).toFixed(2)} ms/page); ` +
        `worker ${isolated.toFixed(0)} ms (${((isolated - first) / (pages - 1)).toFixed(2)} ms/page after the first, which took ${first.toFixed(0)} ms${round === 1 ? ' with the worker start' : ''})`,
    );
  }
}

const argv = process.argv.slice(2);
if (argv[0] === '--child') {
  await child(argv[1]!, argv[2]!);
} else {
  const opt = (name: string): string | null => {
    const i = argv.indexOf(name);
    return i >= 0 ? (argv[i + 1] ?? null) : null;
  };
  await costCases({ before: opt('--before'), timeoutS: Number(opt('--timeout') ?? 120) });
  await workerOverhead(Number(opt('--pages') ?? 200));
}
