// An API key held so that it cannot be printed by accident: String(), JSON.stringify and
// util.inspect all show "[redacted]"; only reveal() gives the value, at the HTTP edge.

import { inspect } from 'node:util';

const REDACTED = '[redacted]';

export class Secret {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  reveal(): string {
    return this.#value;
  }

  toString(): string {
    return REDACTED;
  }

  toJSON(): string {
    return REDACTED;
  }

  [inspect.custom](): string {
    return REDACTED;
  }
}

/** Replaces every occurrence of the given secrets (4+ characters) in a text, e.g. an echoed error body. */
export function redactSecrets(text: string, secrets: readonly (Secret | null | undefined)[]): string {
  let out = text;
  for (const secret of secrets) {
    const value = secret?.reveal();
    if (value === undefined || value.length < 4) continue;
    out = out.split(value).join(REDACTED);
  }
  return out;
}
