// A site that is replaced whole, never edited in place (issue 16, decision 0015): each build is
// written into a directory of its own, `<out>.builds/<stamp>`, and `<out>` is a symbolic link to
// the current one. Publishing a build is one rename(2) of a fresh link over `<out>`, which POSIX
// makes atomic: a reader opening `<out>/x` resolves either the old build or the new one, never a
// half-written one and never nothing. Earlier builds are kept (the newest KEEP_BUILDS) so a reader
// that resolved the old one a moment before the swap still finds every page in it.
//
// Incremental where it is cheap: a build records each file's SHA-256 in a manifest; a page whose
// body hashes as the current build's file does is not written again but hard-linked to it (same
// inode, same modification time, so servers and their caches see the same file). What differs is
// written; the count of files written is the build's "pages rewritten".

import { createHash, randomBytes } from 'node:crypto';
import {
  link,
  lstat,
  mkdir,
  readFile,
  readdir,
  readlink,
  rename,
  rm,
  stat,
  symlink,
  unlink,
  writeFile,
} from 'node:fs/promises';
import path from 'node:path';
import { SITE_MARKER } from './write-site.js';

/** Builds kept: the current one and the two before it (readers in flight across a swap). */
export const KEEP_BUILDS = 3;
/** Each build's file hashes, relative path -> hex SHA-256; not served (a hidden file). */
export const MANIFEST = '.tidings-manifest.json';

export interface AtomicTarget {
  /** The path readers use, e.g. /srv/tidings/site (a symbolic link once published). */
  readonly out: string;
  /** Where the builds live: `<out>.builds`. */
  readonly buildsDir: string;
  /** The build `<out>` points to now, or null (no site, or a plain directory from `tidings build`). */
  readonly current: string | null;
  /** `<out>` is a plain directory (built before atomic publishing): moved aside at the first swap. */
  readonly plainDirectory: boolean;
}

export interface PreparedBuild {
  /** Write the new build here. */
  readonly dir: string;
  /**
   * For the page writer: places `rel` by linking the current build's file when its content is
   * `body`'s; false when it must be written.
   */
  reuse(rel: string, body: string | Uint8Array): Promise<boolean>;
}

export interface SwapReport {
  /** The build now published. */
  readonly dir: string;
  /** Files written because new or changed (the manifest and the site marker not counted). */
  readonly rewritten: number;
  /** Files linked unchanged from the previous build. */
  readonly unchanged: number;
  /** Files of the previous build this one does not have. */
  readonly dropped: number;
  /** Site-relative paths written (new or changed), sorted. */
  readonly changed: readonly string[];
  /** Old builds removed. */
  readonly removedBuilds: readonly string[];
  /** A plain directory that stood at `<out>` was moved to this path. */
  readonly movedAside: string | null;
}

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/** Reads what `<out>` is now. */
export async function atomicTarget(outPath: string): Promise<AtomicTarget> {
  const out = path.resolve(outPath);
  const buildsDir = `${out}.builds`;
  const info = await lstat(out).catch(() => null);
  if (info === null) return { out, buildsDir, current: null, plainDirectory: false };
  if (info.isSymbolicLink()) {
    const target = path.resolve(path.dirname(out), await readlink(out));
    return {
      out,
      buildsDir,
      current: (await stat(target).catch(() => null))?.isDirectory() ? target : null,
      plainDirectory: false,
    };
  }
  if (info.isDirectory()) return { out, buildsDir, current: null, plainDirectory: true };
  throw new Error(`${out} exists and is neither a directory nor a link to a site build`);
}

/** Whether `<out>` is a link made by atomic publishing (so a rebuild must publish atomically too). */
export async function isAtomicSite(outPath: string): Promise<boolean> {
  const out = path.resolve(outPath);
  const info = await lstat(out).catch(() => null);
  if (!info?.isSymbolicLink()) return false;
  const target = path.resolve(path.dirname(out), await readlink(out));
  return path.dirname(target) === `${out}.builds`;
}

async function readManifest(dir: string | null): Promise<Map<string, string>> {
  if (dir === null) return new Map();
  try {
    return new Map(
      Object.entries(JSON.parse(await readFile(path.join(dir, MANIFEST), 'utf8')) as Record<string, string>),
    );
  } catch {
    return new Map(); // a build without one (older, or interrupted): every file is written
  }
}

/** A fresh, empty build directory beside the current one, and the reuse hook for its writer. */
export async function prepareBuild(
  target: AtomicTarget,
  now: Date = new Date(),
): Promise<
  PreparedBuild & {
    readonly stamp: string;
    readonly previous: ReadonlyMap<string, string>;
    readonly linked: Set<string>;
  }
> {
  await mkdir(target.buildsDir, { recursive: true });
  const stamp = `${now.toISOString().replace(/[-:]/g, '').replace('.', '')}-${process.pid}-${randomBytes(3).toString('hex')}`;
  const dir = path.join(target.buildsDir, `.partial-${stamp}`);
  await mkdir(dir);
  const previous = await readManifest(target.current);
  const linked = new Set<string>();
  return {
    dir,
    stamp,
    previous,
    linked,
    async reuse(rel, body) {
      const current = target.current;
      if (current === null || previous.get(rel) !== sha256(body)) return false;
      const to = path.join(dir, ...rel.split('/'));
      try {
        await mkdir(path.dirname(to), { recursive: true });
        await link(path.join(current, ...rel.split('/')), to);
        linked.add(rel);
        return true;
      } catch {
        return false; // gone, or another file system: written instead
      }
    },
  };
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
}

/**
 * Finishes a build written into `build.dir` and publishes it: files the writer did not place by
 * reuse are compared with the current build and linked when equal; the manifest is written; the
 * build gets its final name; `<out>` is switched to it by rename(2); old builds are removed.
 */
export async function publishBuild(
  target: AtomicTarget,
  build: Awaited<ReturnType<typeof prepareBuild>>,
  log: (line: string) => void = () => undefined,
): Promise<SwapReport> {
  const manifest: Record<string, string> = {};
  const changed: string[] = [];
  let unchanged = 0;
  for (const rel of (await filesUnder(build.dir)).sort()) {
    if (rel === MANIFEST || rel === SITE_MARKER) continue;
    const file = path.join(build.dir, ...rel.split('/'));
    const hash = build.linked.has(rel) ? build.previous.get(rel)! : sha256(await readFile(file));
    manifest[rel] = hash;
    if (build.linked.has(rel)) {
      unchanged++;
      continue;
    }
    if (target.current !== null && build.previous.get(rel) === hash) {
      // Written by a writer that had no reuse hook (search index, feeds) and the same as before.
      const spare = `${file}.link-${build.stamp}`;
      try {
        await link(path.join(target.current, ...rel.split('/')), spare);
        await rename(spare, file);
        unchanged++;
        continue;
      } catch {
        await unlink(spare).catch(() => undefined);
      }
    }
    changed.push(rel);
  }
  await writeFile(path.join(build.dir, MANIFEST), `${JSON.stringify(manifest)}\n`);
  const dropped = [...build.previous.keys()].filter((rel) => !(rel in manifest)).length;

  const finalDir = path.join(target.buildsDir, build.stamp);
  await rename(build.dir, finalDir);
  const linkName = path.join(path.dirname(target.out), `.${path.basename(target.out)}.swap-${build.stamp}`);
  await symlink(path.relative(path.dirname(target.out), finalDir), linkName);
  let movedAside: string | null = null;
  if (target.plainDirectory) {
    // rename(2) cannot put a link over a directory: the plain directory is moved aside first, and
    // for the moment between the two renames <out> does not exist. This happens once per site.
    movedAside = path.join(target.buildsDir, `plain-${build.stamp}`);
    await rename(target.out, movedAside);
    log(
      `moved the site built in place at ${target.out} to ${movedAside}; from now on ${target.out} is a link to the current build`,
    );
  }
  await rename(linkName, target.out);
  const removedBuilds = await pruneBuilds(target.buildsDir, finalDir);
  return { dir: finalDir, rewritten: changed.length, unchanged, dropped, changed, removedBuilds, movedAside };
}

/** Keeps the newest KEEP_BUILDS builds (the current always); removes older ones and stale partial builds. */
async function pruneBuilds(buildsDir: string, current: string): Promise<string[]> {
  const removed: string[] = [];
  const entries = (await readdir(buildsDir, { withFileTypes: true })).filter((e) => e.isDirectory());
  const builds = entries
    .filter((e) => /^\d{8}T\d+Z-/.test(e.name))
    .map((e) => e.name)
    .sort()
    .reverse();
  const keep = new Set([path.basename(current), ...builds.slice(0, KEEP_BUILDS)]);
  const hourAgo = Date.now() - 3600_000;
  for (const e of entries) {
    const full = path.join(buildsDir, e.name);
    const stale =
      e.name.startsWith('.partial-') || e.name.startsWith('plain-')
        ? ((await stat(full).catch(() => null))?.mtimeMs ?? 0) < hourAgo
        : !keep.has(e.name);
    if (!stale) continue;
    await rm(full, { recursive: true, force: true });
    removed.push(e.name);
  }
  return removed;
}

/** Removes a build that failed before it was published. */
export async function discardBuild(build: PreparedBuild): Promise<void> {
  await rm(build.dir, { recursive: true, force: true });
}
