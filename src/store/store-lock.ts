// One process at a time on an embedded store. PGlite is PostgreSQL running inside this process: a
// second process (a `tidings run` while `tidings serve` holds the store, say) would open the same
// files with its own buffers and WAL and both would write, which can corrupt what is stored. PGlite
// does not prevent it, so the store does: `<dataDir>.lock`, created exclusively, holds the owner's
// pid; a lock whose process is gone (killed, crashed) is taken over. A PostgreSQL server is the
// answer for several processes at once (TIDINGS_DATABASE_URL).

import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import os from 'node:os';

export interface StoreLock {
  readonly path: string;
  release(): void;
}

interface LockRecord {
  readonly pid: number;
  readonly host: string;
  readonly since: string;
  readonly command: string;
}

/** Thrown when another live process holds the store; the message says who and what to do. */
export class StoreBusyError extends Error {}

const held = new Set<string>();
let exitHookInstalled = false;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readRecord(lockPath: string): LockRecord | null {
  try {
    const parsed = JSON.parse(readFileSync(lockPath, 'utf8')) as Partial<LockRecord>;
    return typeof parsed.pid === 'number' ? (parsed as LockRecord) : null;
  } catch {
    return null;
  }
}

export function lockStore(dataDir: string): StoreLock {
  const lockPath = `${dataDir.replace(/[\\/]+$/, '')}.lock`;
  const record: LockRecord = {
    pid: process.pid,
    host: os.hostname(),
    since: new Date().toISOString(),
    command: process.argv.slice(1).join(' ').slice(0, 200),
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number;
    try {
      fd = openSync(lockPath, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = readRecord(lockPath);
      // Held by a live process on this machine (this one included: a second open here is as unsafe).
      if (owner !== null && owner.host === record.host && alive(owner.pid)) {
        throw new StoreBusyError(
          `the store ${dataDir} is in use by another tidings process (pid ${owner.pid}${owner.pid === process.pid ? ', this one' : ''}, since ${owner.since}: ${owner.command || '?'}). ` +
            'The embedded store allows one process at a time: stop that one and try again, or set TIDINGS_DATABASE_URL to a PostgreSQL server for several at once. ' +
            `If no such process is running, remove ${lockPath}.`,
        );
      }
      // A lock left by a process that is gone (or unreadable, half-written): taken over.
      if (owner !== null && owner.host !== record.host) {
        throw new StoreBusyError(
          `the store ${dataDir} is locked by host ${owner.host} (pid ${owner.pid}); if that host no longer uses it, remove ${lockPath}.`,
        );
      }
      try {
        unlinkSync(lockPath);
      } catch {
        // Another process took it over first: try again.
      }
      continue;
    }
    try {
      writeSync(fd, `${JSON.stringify(record)}\n`);
    } finally {
      closeSync(fd);
    }
    held.add(lockPath);
    if (!exitHookInstalled) {
      exitHookInstalled = true;
      // A process that ends without closing the store (an error, Ctrl-C) still frees it.
      process.once('exit', () => {
        for (const p of held) removeIfOurs(p);
      });
    }
    return {
      path: lockPath,
      release() {
        if (held.delete(lockPath)) removeIfOurs(lockPath);
      },
    };
  }
  throw new StoreBusyError(
    `the store ${dataDir} could not be locked (${lockPath} keeps changing): another process is opening it`,
  );
}

function removeIfOurs(lockPath: string): void {
  if (readRecord(lockPath)?.pid !== process.pid) return;
  try {
    unlinkSync(lockPath);
  } catch {
    // Already gone.
  }
}
