// The shapes of the providers' HTTP answers, parsed at the edge with zod instead of cast: a
// malformed answer becomes a bad_input failure naming the provider and what was wrong
// ("choices[0].message.content: expected string, received null"), the same failure an unusable
// answer always gave, so the reliable client and the offline fallback treat it as before.
// Only what Tidings reads is checked; anything else a server adds is ignored.

import { z } from 'zod';
import { fail, ok, type Result } from '../errors.js';
import { describeIssues } from '../zod-issues.js';

/**
 * A token count as reported; anything that is not a finite count (absent, null, a string) is 0:
 * usage only feeds the run's account, and a server that omits it must still be usable.
 */
const tokenCount = z.number().finite().nonnegative().catch(0);

/** The first element of an array, checked; the rest are not read and not checked. */
const firstOf = <T extends z.ZodType>(item: T) =>
  z
    .array(z.unknown())
    .min(1)
    .pipe(z.tuple([item], z.unknown()));

export const OpenAiUsage = z
  .object({ prompt_tokens: tokenCount, completion_tokens: tokenCount })
  .catch({ prompt_tokens: 0, completion_tokens: 0 });

/** A chat completion whose first choice refused (OpenAI's `refusal`), whatever its content. */
export const OpenAiRefusal = z.object({
  choices: firstOf(z.object({ message: z.object({ refusal: z.string().min(1) }) })),
});

/** A chat completion with an answer: choices[0].message.content is text. */
export const OpenAiCompletion = z.object({
  choices: firstOf(z.object({ message: z.object({ content: z.string() }) })),
  usage: OpenAiUsage,
});

/** GET /models: OpenAI lists `data`, Ollama's compatible API `models`; an entry is an id or { id } / { name }. */
export const OpenAiModelList = z
  .union([z.object({ data: z.array(z.unknown()) }), z.object({ models: z.array(z.unknown()) })])
  .transform((list) => ('data' in list ? list.data : list.models));

/** The block types Tidings reads; any other (thinking, server tools) is kept only as "other". */
const READ_BLOCKS: ReadonlySet<unknown> = new Set(['text', 'tool_use']);

const AnthropicBlock = z.preprocess(
  (block) =>
    typeof block === 'object' && block !== null && 'type' in block && !READ_BLOCKS.has(block.type)
      ? typeof block.type === 'string'
        ? { type: 'other' }
        : block
      : block,
  z.discriminatedUnion('type', [
    z.object({ type: z.literal('text'), text: z.string() }),
    z.object({ type: z.literal('tool_use'), input: z.record(z.string(), z.unknown()) }),
    z.object({ type: z.literal('other') }),
  ]),
);

export const AnthropicMessage = z.object({
  content: z.array(AnthropicBlock),
  usage: z.object({ input_tokens: tokenCount, output_tokens: tokenCount }).catch({ input_tokens: 0, output_tokens: 0 }),
});

/** GET /v1/models: `data` entries with an `id` (an entry without one is skipped). */
export const AnthropicModelList = z.object({ data: z.array(z.unknown()) });

/** The id of a model-list entry: a string, or an object's `id` (else its `name`); null when neither is text. */
export function modelEntryId(entry: unknown): string | null {
  if (typeof entry === 'string') return entry;
  const named = z
    .object({ id: z.string() })
    .or(z.object({ name: z.string() }))
    .safeParse(entry);
  if (!parsedIsOk(named)) return null;
  return 'id' in named.data ? named.data.id : named.data.name;
}

const parsedIsOk = <T>(r: z.ZodSafeParseResult<T>): r is z.ZodSafeParseSuccess<T> => r.success;

/** Parses a provider's answer; a mismatch is bad_input: "<provider>: <what> <path>: <problem>". */
export function parseAnswer<S extends z.ZodType>(
  schema: S,
  json: unknown,
  provider: string,
  what: string,
): Result<z.output<S>> {
  const parsed = schema.safeParse(json);
  if (parsed.success) return ok(parsed.data);
  return fail('bad_input', `${provider}: ${what} is malformed: ${describeIssues(parsed.error)}`);
}
