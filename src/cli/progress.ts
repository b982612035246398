// Progress of a long run: a live line on a terminal, one line per item otherwise (quiet in pipes
// would hide which item is slow; per-item lines keep logs useful).

import type { ItemOutcome } from '../pipeline/ingest.js';
import type { Io } from './io.js';
import { renderOutcome, truncate } from './render.js';

export interface Progress {
  item(outcome: ItemOutcome, done: number): void;
  done(): void;
}

export function createProgress(io: Io): Progress {
  const counts = { new: 0, duplicate: 0, failed: 0 };
  return {
    item(outcome, done) {
      counts[outcome.status]++;
      if (io.errIsTty) {
        const label = outcome.status === 'failed' ? outcome.failure.message : (outcome.title ?? outcome.url);
        io.err(
          `\r\x1b[K[${done}] ${counts.new} new · ${counts.duplicate} dup · ${counts.failed} failed  ${truncate(label, 60)}`,
        );
      } else {
        io.err(`${renderOutcome(outcome)}\n`);
      }
    },
    done() {
      if (io.errIsTty) io.err('\r\x1b[K');
    },
  };
}
