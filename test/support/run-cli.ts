// The `tidings` command in-process, as a test or bench drives it: its exit code and what it
// printed, run from `cwd` when given (the command reads ./sources.yaml and ./.tidings from there).

import { main, type Io } from '../../src/cli/main.js';

export interface CliResult {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

export async function runTidings(args: readonly string[], cwd?: string): Promise<CliResult> {
  let out = '';
  let err = '';
  const io: Io = { out: (s) => void (out += s), err: (s) => void (err += s), errIsTty: false };
  const previous = process.cwd();
  if (cwd) process.chdir(cwd);
  try {
    return { code: await main(args, io), out, err };
  } finally {
    process.chdir(previous);
  }
}
