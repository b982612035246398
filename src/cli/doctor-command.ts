// `tidings doctor`: checks the data directory, the store, the model cache and each configured
// model provider, and says in plain words what is wrong. Exit 0 when nothing failed (warnings
// allowed), 1 otherwise. Keys are never printed.

import { randomUUID } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import type { Config } from '../config.js';
import { describeProvider } from '../llm/llm-settings.js';
import { checkProvider, type CheckStatus, type Finding } from '../llm/provider-check.js';
import type { FetchLike } from '../llm/provider-http.js';
import { openApp } from './app.js';
import type { Io } from './io.js';

interface Wiring {
  withConfig(fn: (config: Config) => Promise<number>): Promise<void>;
  readonly io: Io;
}

export function doctorCommand(program: Command, { withConfig, io }: Wiring): void {
  program
    .command('doctor')
    .description('check the data directory, the store and each configured model provider, and say what is wrong')
    .option('--provider <name>', 'check only this provider')
    .option(
      '--slow-ms <ms>',
      'warn when a provider takes longer than this to answer',
      (v) => Number.parseInt(v, 10),
      10_000,
    )
    .option('--no-probe', 'do not send the providers a test request')
    .action(async (opts: { provider?: string; slowMs: number; probe: boolean }) =>
      withConfig((config) =>
        runDoctor(config, { io, provider: opts.provider, slowMs: opts.slowMs, probe: opts.probe }),
      ),
    );
}

export interface DoctorOptions {
  readonly io: Pick<Io, 'out'>;
  readonly provider?: string | undefined;
  readonly slowMs?: number;
  readonly probe?: boolean;
  readonly fetchImpl?: FetchLike;
}

const MARK: Record<CheckStatus, string> = { ok: '✓', warn: '!', fail: '✗' };

export async function runDoctor(config: Config, options: DoctorOptions): Promise<number> {
  const { io } = options;
  const counts: Record<CheckStatus, number> = { ok: 0, warn: 0, fail: 0 };
  const say = (finding: Finding): void => {
    counts[finding.status]++;
    io.out(`  ${MARK[finding.status]} ${finding.text}\n`);
  };

  io.out('Tidings doctor\n');
  say({
    status: 'ok',
    text: config.configFile
      ? `config file: ${config.configFile}`
      : 'config file: none (tidings.config.yaml not found; using the environment and defaults)',
  });
  say(await writableDir('data directory', config.dataDir));
  say(await storeOpens(config));

  const providers = config.llm.providers.filter((p) => options.provider === undefined || p.name === options.provider);
  if (config.llm.providers.length === 0) {
    say({
      status: 'ok',
      text: 'no model configured: the offline engine writes every output (set TIDINGS_LLM_PROVIDER or add llm.providers to tidings.config.yaml to use a model)',
    });
  } else if (providers.length === 0) {
    say({
      status: 'fail',
      text: `no provider named "${options.provider}" (configured: ${config.llm.providers.map((p) => p.name).join(', ')})`,
    });
  } else {
    say(await writableDir('model answer cache', config.llmCacheDir));
    const budget = config.llm.budget;
    const limits = [
      budget.maxCostUsd === undefined ? null : `$${budget.maxCostUsd}`,
      budget.maxTokens === undefined ? null : `${budget.maxTokens.toLocaleString('en-US')} tokens`,
    ].filter(Boolean);
    say({
      status: 'ok',
      text: `run budget: ${limits.length > 0 ? limits.join(' or ') : 'none (set llm.budget.maxCostUsd to cap spending)'}`,
    });
  }

  for (const settings of providers) {
    io.out(`Provider ${describeProvider(settings)}\n`);
    if (options.probe === false) {
      say({ status: 'ok', text: 'not contacted (--no-probe)' });
      continue;
    }
    const check = await checkProvider(settings, {
      ...(options.slowMs === undefined ? {} : { slowMs: options.slowMs }),
      ...(options.fetchImpl ? { fetchImpl: options.fetchImpl } : {}),
    });
    for (const finding of check.findings) say(finding);
  }

  const problems = counts.fail;
  io.out(
    problems === 0
      ? `All fine${counts.warn > 0 ? ` (${counts.warn} warning${counts.warn === 1 ? '' : 's'})` : ''}.\n`
      : `${problems} problem${problems === 1 ? '' : 's'} found.\n`,
  );
  return problems === 0 ? 0 : 1;
}

async function writableDir(what: string, dir: string): Promise<Finding> {
  const probe = path.join(dir, `.doctor-${randomUUID()}`);
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(probe, 'ok');
    await rm(probe, { force: true });
    return { status: 'ok', text: `${what}: ${dir} (writable)` };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : code === 'EROFS'
          ? 'read-only file system'
          : code === 'ENOTDIR'
            ? 'a file is in the way'
            : (code ?? String(error));
    return { status: 'fail', text: `${what}: cannot write to ${dir}: ${why}` };
  }
}

async function storeOpens(config: Config): Promise<Finding> {
  const where =
    config.database.kind === 'postgres'
      ? 'the PostgreSQL server'
      : `the embedded database at ${config.database.dataDir ?? 'memory'}`;
  const app = await openApp(config);
  if (!app.ok) return { status: 'fail', text: `store: ${app.message}` };
  try {
    return { status: 'ok', text: `store: ${where} opens` };
  } finally {
    await app.value.close();
  }
}
