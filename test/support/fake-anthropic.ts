// Test support: a scripted Anthropic Messages server on 127.0.0.1, the same machinery as the
// OpenAI-compatible one with Anthropic's answer shapes.

import { startFakeServer, type FakeAnswer } from './fake-openai.js';

export const startFakeAnthropic = startFakeServer;

/** A message whose content is one tool_use block (structured output) or one text block. */
export function anthropicMessage(
  content: { tool: string; input: unknown } | string,
  usage = { input_tokens: 120, output_tokens: 30 },
): FakeAnswer {
  const block =
    typeof content === 'string'
      ? { type: 'text', text: content }
      : { type: 'tool_use', id: 'toolu_test', name: content.tool, input: content.input };
  return {
    json: {
      id: 'msg_test',
      type: 'message',
      role: 'assistant',
      model: 'claude-test',
      content: [block],
      stop_reason: typeof content === 'string' ? 'end_turn' : 'tool_use',
      usage,
    },
  };
}

export function anthropicError(
  status: number,
  type: string,
  message: string,
  headers: Record<string, string> = {},
): FakeAnswer {
  return { status, headers, json: { type: 'error', error: { type, message } } };
}
