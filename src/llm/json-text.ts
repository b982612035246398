// Models asked for JSON sometimes wrap it in a ```json fence or a sentence of preamble. This finds
// the JSON value in such an answer; it never repairs JSON, and returns null when there is none.

export function jsonTextOf(answer: string): string | null {
  const trimmed = answer.trim();
  if (parses(trimmed)) return trimmed;
  const fenced = /```(?:json)?\s*\n?([\s\S]*?)```/i.exec(trimmed)?.[1]?.trim();
  if (fenced !== undefined && parses(fenced)) return fenced;
  const first = trimmed.search(/[[{]/);
  const last = Math.max(trimmed.lastIndexOf('}'), trimmed.lastIndexOf(']'));
  if (first >= 0 && last > first) {
    const inner = trimmed.slice(first, last + 1);
    if (parses(inner)) return inner;
  }
  return null;
}

function parses(text: string): boolean {
  if (text === '') return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** The instruction added to the system prompt when the provider cannot enforce a schema itself. */
export function schemaInstruction(name: string, jsonSchema: Record<string, unknown>): string {
  return `Answer with one JSON object only, no prose and no code fence. It must match this JSON Schema (named "${name}"):\n${JSON.stringify(jsonSchema)}`;
}
