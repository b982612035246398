// Test support: a stand-in for a real model behind the fake OpenAI-compatible server. It writes
// its answers only from the DATA it is sent (whole sentences copied from the articles), so what it
// says can be verified like a careful model's. Translations keep every figure and read as Chinese.
// It exists so the real client, cache, budget and engines can be measured end to end offline.

import { parseLlmSettings } from '../../src/llm/llm-settings.js';
import { createLlmRuntime, type LlmRuntime } from '../../src/llm/provider-factory.js';
import { parseFigures } from '../../src/understand/understand.js';
import { opensDangling } from '../../src/write/slot-check.js';
import type { FakeAnswer, FakeRequest } from './fake-openai.js';

const SENTENCE = /[^。！？.!?\n]+[。！？.!?]/gu;

function dataSentences(user: string, zh: boolean): string[] {
  const blocks = [...user.matchAll(/BEGIN (DATA-[0-9a-f]+)[^\n]*\n([\s\S]*?)\nEND \1/g)].map((m) => m[2]!);
  const out: string[] = [];
  for (const block of blocks) {
    for (const line of block.split('\n')) {
      if (line.startsWith('Title:')) continue;
      for (const m of line.matchAll(SENTENCE)) {
        const s = m[0].trim();
        const han = /\p{Script=Han}/u.test(s);
        // Whole plain sentences only: no quotation marks (a fragment of a quote would not verify),
        // none opening on a reference to something not said ("It…", "这…"), as a careful model writes.
        if (han === zh && s.length >= (zh ? 12 : 40) && s.length <= 280 && !/["“”「」']/.test(s) && !opensDangling(s))
          out.push(s);
      }
    }
  }
  return [...new Set(out)];
}

function pick(xs: readonly string[], i: number): string {
  return xs.length === 0 ? '—' : xs[i % xs.length]!;
}

function draft(kind: string, sentences: string[], audiences: string[], zh: boolean): unknown {
  const s = (i: number) => pick(sentences, i);
  const action = zh ? '阅读原文并核对其中的数字。' : 'Read the original reports and check the figures for yourself.';
  switch (kind) {
    case 'keyPoints':
      return {
        headline: s(0).slice(0, 190),
        keyPoints: { lead: s(0), points: [s(1), s(2), s(3)] },
        impact: audiences.map((audience, i) => ({ audience, text: s(4 + i) })),
        pros: [s(1)],
        cons: [s(2)],
        quickStart: [action],
        recommendation: s(3),
      };
    case 'summary':
      return {
        summary: `${s(0)} ${s(1)}`,
        keyTakeaway: s(0),
        keyInsight: s(1),
        principles: [s(2)],
        inPractice: [action],
      };
    default:
      return { headline: s(0).slice(0, 190), hook: s(0), takeaways: [s(1), s(2)], closing: s(3) };
  }
}

/** Chinese-looking text that carries every figure of the source as the source writes it. */
function fakeChinese(text: string): string {
  const figures = parseFigures(text).map((f) => f.surface);
  return `这是测试译文，原文数字：${figures.join('、') || '无'}。`;
}

export function fakeModel(request: FakeRequest): FakeAnswer {
  const body = request.body as {
    messages: Array<{ role: string; content: string }>;
    response_format?: { json_schema?: { schema?: { properties?: Record<string, unknown> } } };
  };
  const system = body.messages.find((m) => m.role === 'system')?.content ?? '';
  const user = body.messages
    .filter((m) => m.role === 'user')
    .map((m) => m.content)
    .join('\n');
  const props = Object.keys(body.response_format?.json_schema?.schema?.properties ?? {});
  let answer: unknown;
  if (props.includes('paragraphs') || /"id":\s*"p1"/.test(user)) {
    const items = [...user.matchAll(/\{"id":"([^"]+)","text":"((?:[^"\\]|\\.)*)"/g)].map((m) => ({
      id: m[1]!,
      text: JSON.parse(`"${m[2]!}"`) as string,
    }));
    answer = { paragraphs: items.map((p) => ({ id: p.id, text: fakeChinese(p.text) })) };
  } else {
    const zh = /\bin Chinese\b|in 中文|Simplified Chinese/i.test(system);
    const audiences = (/Audiences for impact lines: ([^\n]*)/.exec(user)?.[1] ?? '')
      .split(',')
      .map((a) => a.trim())
      .filter(Boolean);
    const kind = props.includes('keyPoints') ? 'keyPoints' : props.includes('summary') ? 'summary' : 'hook';
    answer = draft(kind, dataSentences(user, zh), audiences, zh);
  }
  const text = JSON.stringify(answer);
  const inputTokens = Math.ceil((system.length + user.length) / 4);
  return {
    json: {
      id: `fake-${request.path}`,
      object: 'chat.completion',
      model: 'fake-extractive',
      choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }],
      usage: {
        prompt_tokens: inputTokens,
        completion_tokens: Math.ceil(text.length / 4),
        total_tokens: inputTokens + Math.ceil(text.length / 4),
      },
    },
  };
}

/** The model runtime the edition uses, pointed at a local fake server: the real client, cache and account. */
export function fakeModelRuntime(origin: string, cacheDir: string): LlmRuntime {
  const settings = parseLlmSettings(
    undefined,
    {
      TIDINGS_LLM_PROVIDER: 'openai',
      TIDINGS_LLM_BASE_URL: origin,
      TIDINGS_LLM_API_KEY: 'sk-test-not-a-real-key',
      TIDINGS_LLM_MODEL: 'fake-extractive',
    },
    'test',
  );
  if (!settings.ok) throw new Error(settings.message);
  const runtime = createLlmRuntime(settings.value, { cacheDir });
  if (!runtime) throw new Error('no model runtime from the fake settings');
  return runtime;
}
