import assert from 'node:assert/strict';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { chatCompletion, openAiError, startFakeOpenAi, type FakeServer } from '../../test/support/fake-openai.js';
import { loadConfig } from '../config.js';
import { runDoctor } from './doctor-command.js';

const cleanup: (() => Promise<void>)[] = [];
after(async () => {
  for (const c of cleanup) await c();
});
const tempDir = async (): Promise<string> => {
  const dir = await mkdtemp(path.join(tmpdir(), 'tidings-doctor-'));
  cleanup.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
};
const serve = async (script: Parameters<typeof startFakeOpenAi>[0]): Promise<FakeServer> => {
  const s = await startFakeOpenAi(script);
  cleanup.push(() => s.close());
  return s;
};

// One data directory for every check: each check opens the store in it, and creating an embedded store costs
// seconds of CPU (PGlite's initdb), opening an existing one much less.
let dataDir: Promise<string> | undefined;

async function doctor(
  env: Record<string, string>,
  yaml: string | null = null,
  extra: { provider?: string; probe?: boolean } = {},
): Promise<{ code: number; out: string }> {
  const cwd = await tempDir();
  if (yaml !== null) await writeFile(path.join(cwd, 'tidings.config.yaml'), yaml);
  dataDir ??= tempDir().then((d) => path.join(d, 'data'));
  const config = loadConfig(env, { data: await dataDir }, cwd);
  assert.ok(config.ok, JSON.stringify(config));
  let out = '';
  const code = await runDoctor(config.value, { io: { out: (s) => void (out += s) }, ...extra });
  return { code, out };
}

describe('tidings doctor', () => {
  it('no model: all fine, the offline engine', async () => {
    const { code, out } = await doctor({});
    assert.equal(code, 0);
    assert.match(out, /✓ data directory: .* \(writable\)/);
    assert.match(out, /✓ store: the embedded database at .* opens/);
    assert.match(out, /no model configured: the offline engine writes/);
    assert.match(out, /All fine\.\n$/);
  });

  it('a working provider from the environment: OK with model and latency, key never shown', async () => {
    const server = await serve([chatCompletion({ ok: true })]);
    const { code, out } = await doctor({
      TIDINGS_LLM_PROVIDER: 'openai',
      TIDINGS_LLM_BASE_URL: `${server.origin}/v1`,
      TIDINGS_LLM_MODEL: 'veyra-chat-1',
      TIDINGS_LLM_API_KEY: 'sk-doctor-secret-1',
    });
    assert.equal(code, 0, out);
    assert.match(
      out,
      /Provider openai: OpenAI-compatible veyra-chat-1 at http:\/\/127\.0\.0\.1:\d+\/v1, key from environment variable TIDINGS_LLM_API_KEY/,
    );
    assert.match(out, /✓ OK: veyra-chat-1 answered in \d+ ms/);
    assert.doesNotMatch(out, /sk-doctor-secret-1/);
    assert.equal(server.requests[0]?.headers.authorization, 'Bearer sk-doctor-secret-1');
  });

  it('each provider of the file is checked; one failing gives exit 1', async () => {
    const good = await serve([chatCompletion({ ok: true })]);
    const bad = await serve([openAiError(401, 'invalid key sk-doctor-bad-2')]);
    const yaml = [
      'llm:',
      '  providers:',
      `    - { name: good, kind: openai, baseUrl: "${good.origin}/v1", model: m1 }`,
      `    - { name: bad, kind: openai, baseUrl: "${bad.origin}/v1", model: m2, apiKeyEnv: BAD_KEY }`,
      '  budget: { maxCostUsd: 0.5 }',
    ].join('\n');
    const { code, out } = await doctor({ BAD_KEY: 'sk-doctor-bad-2' }, yaml);
    assert.equal(code, 1);
    assert.match(out, /✓ run budget: \$0\.5/);
    assert.match(out, /Provider good: [^\n]*\n( {2}[^\n]*\n)* {2}✓ OK: m1/);
    assert.match(
      out,
      /Provider bad: [^\n]*\n( {2}[^\n]*\n)* {2}✗ key rejected \(HTTP 401\): check the key in environment variable BAD_KEY/,
    );
    assert.doesNotMatch(out, /sk-doctor-bad-2/);
    assert.match(out, /1 problem found\.\n$/);
  });

  it('--provider checks one; an unknown name is a problem', async () => {
    const yaml = 'llm:\n  providers:\n    - { name: a, kind: openai, baseUrl: "http://127.0.0.1:1/v1", model: m }\n';
    const one = await doctor({}, yaml, { provider: 'zzz' });
    assert.equal(one.code, 1);
    assert.match(one.out, /no provider named "zzz" \(configured: a\)/);
    const noProbe = await doctor({}, yaml, { probe: false });
    assert.equal(noProbe.code, 0);
    assert.match(noProbe.out, /not contacted \(--no-probe\)/);
  });

  it('a data directory that cannot be written is a problem', {
    skip: process.getuid?.() === 0 ? 'root writes anywhere' : false,
  }, async () => {
    const parent = await tempDir();
    await chmod(parent, 0o500);
    cleanup.unshift(() => chmod(parent, 0o700));
    const config = loadConfig({}, { data: path.join(parent, 'data') }, parent);
    assert.ok(config.ok);
    let out = '';
    const code = await runDoctor(config.value, { io: { out: (s) => void (out += s) } });
    assert.equal(code, 1);
    assert.match(out, /✗ data directory: cannot write to .*: permission denied/);
  });
});
