// The source registry (pure core): parse and serialise its YAML, add, remove and look up sources.
// registry-file.ts does the disk I/O. Ids are stable slugs of the outlet name, unique in a registry.
import { stringify } from 'yaml';
import type { z } from 'zod';
import { fail, ok, type Result } from '../errors.js';
import { lineOf, readYaml } from '../yaml-document.js';
import {
  DEFAULT_WEIGHT,
  registryFileSchema,
  type Registry,
  type SourceEntry,
  type SourceInput,
  type SourceKind,
  sourceInputSchema,
} from './registry-schema.js';
import { inferSourceKind, sameLocation, locationKey, matchScore } from './source-location.js';

export * from './registry-schema.js';
export { inferSourceKind } from './source-location.js';

const MAX_REPORTED_ISSUES = 5;

export function emptyRegistry(): Registry {
  return { sources: [] };
}

export function parseRegistry(yamlText: string, fileName: string): Result<Registry> {
  const read = readYaml(yamlText, fileName);
  if (!read.ok) return read;
  const { doc, lines } = read.value;
  const raw: unknown = read.value.value;
  const top = registryFileSchema.safeParse(raw);
  if (!top.success) {
    const issue = top.error.issues[0]!;
    const where = issue.path.length > 0 ? `field "${issue.path.join('.')}"` : 'top level';
    return fail(
      'config_error',
      `${fileName}: ${where}: ${describeIssue(issue)} (expected "version: 1" and a "sources:" list)`,
      fileName,
    );
  }
  const problems: string[] = [];
  let registry = emptyRegistry();
  (top.data.sources ?? []).forEach((item, index) => {
    const label = entryLabel(item, index);
    const parsed = sourceInputSchema.safeParse(item);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const line = lineOf(doc, lines, [
          'sources',
          index,
          ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
        ]);
        problems.push(`${fileName} line ${line}: ${label}, ${fieldOf(issue)}: ${describeIssue(issue, item)}`);
      }
      return;
    }
    const added = addSource(registry, parsed.data);
    if (!added.ok) {
      problems.push(`${fileName} line ${lineOf(doc, lines, ['sources', index])}: ${label}: ${added.message}`);
      return;
    }
    registry = added.value;
  });
  if (problems.length > 0) {
    const more = problems.length > MAX_REPORTED_ISSUES ? ` (and ${problems.length - MAX_REPORTED_ISSUES} more)` : '';
    return fail('config_error', problems.slice(0, MAX_REPORTED_ISSUES).join('; ') + more, fileName);
  }
  return ok(registry);
}

const HEADER = `# Tidings source registry: one entry per source.
# type: official | news | social | blog | research | aggregator; language: en | zh | other | mixed
# kind: feed | page | opml | urllist | file | directory; feedTitle: the title publishers credit.
# every: how often \`tidings watch\` polls it (minutes, or 30m, 2h, 1d; default watch's --every, 15).
`;

/** YAML with a fixed key order, so that a load-save round trip changes nothing. */
export function serializeRegistry(r: Registry): string {
  const sources = r.sources.map((s) => {
    const out: Record<string, unknown> = { id: s.id, name: s.name };
    if (s.url !== undefined) out.url = s.url;
    if (s.path !== undefined) out.path = s.path;
    out.kind = s.kind;
    out.type = s.type;
    out.language = s.language;
    if (s.feedTitle !== undefined) out.feedTitle = s.feedTitle;
    if (s.weight !== undefined) out.weight = s.weight;
    if (s.every !== undefined) out.every = s.every;
    return out;
  });
  return HEADER + stringify({ version: 1, sources }, { lineWidth: 0 });
}

/** What `tidings sources add` passes: id and kind are optional (derived from the name and URL/path). */
export type NewSource = SourceInput;

export function addSource(r: Registry, entry: NewSource): Result<Registry> {
  const parsed = sourceInputSchema.safeParse(entry);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return fail(
      'bad_input',
      `source "${entry.name ?? '?'}": ${fieldOf(issue)}: ${describeIssue(issue, entry)}`,
      entry.url ?? entry.path,
    );
  }
  const e = parsed.data;
  const location = (e.url ?? e.path)!;
  const kind: SourceKind = e.kind ?? inferSourceKind(location, e.url !== undefined);
  const twin = r.sources.find((s) => sameLocation(s, e));
  if (twin !== undefined) {
    return fail('bad_input', `source ${location} is already registered as "${twin.id}" (${twin.name})`, location);
  }
  if (e.id !== undefined && r.sources.some((s) => s.id === e.id)) {
    return fail('bad_input', `source id "${e.id}" is already taken; choose another id or leave it out`, e.id);
  }
  const id = e.id ?? uniqueId(r, slugFor(e.name, e.url));
  const source: SourceEntry = {
    id,
    name: e.name,
    ...(e.url !== undefined ? { url: e.url } : { path: e.path }),
    kind,
    type: e.type,
    language: e.language,
    ...(e.feedTitle !== undefined ? { feedTitle: e.feedTitle } : {}),
    // The default weight is left out so that the file stays short.
    ...(e.weight !== undefined && e.weight !== DEFAULT_WEIGHT ? { weight: e.weight } : {}),
    ...(e.every !== undefined ? { every: e.every } : {}),
  };
  return ok({ sources: [...r.sources, source] });
}

/** Removes the source with this id, URL or path. */
export function removeSource(r: Registry, idOrUrl: string): Result<Registry> {
  const key = idOrUrl.trim();
  const hit = r.sources.findIndex(
    (s) => s.id === key || s.url === key || s.path === key || locationKey(s) === locationKey({ url: key }),
  );
  if (hit < 0) return fail('not_found', `no source with id, URL or path "${key}" in the registry`, key);
  return ok({ sources: r.sources.filter((_, i) => i !== hit) });
}

/**
 * The source a URL or file path belongs to: an exact URL/path match first, else the source on the
 * same host (or the directory containing the path) with the longest shared path; ties go to the
 * earlier entry. Null if none.
 */
export function findSourceFor(r: Registry, urlOrPath: string): SourceEntry | null {
  let best: SourceEntry | null = null;
  let bestScore = 0;
  for (const s of r.sources) {
    const score = matchScore(s, urlOrPath);
    if (score > bestScore) {
      best = s;
      bestScore = score;
    }
  }
  return best;
}

/** Lowercase ASCII slug of an outlet name; for names with no Latin letters (中文), the URL's host. */
export function slugFor(name: string, url?: string): string {
  const slug = toSlug(name);
  if (slug !== '') return slug;
  if (url !== undefined && URL.canParse(url)) {
    const host = toSlug(new URL(url).hostname.replace(/^www\./, ''));
    if (host !== '') return host;
  }
  return 'source';
}

function toSlug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
}

function uniqueId(r: Registry, base: string): string {
  const taken = new Set(r.sources.map((s) => s.id));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

function entryLabel(item: unknown, index: number): string {
  const id = typeof item === 'object' && item !== null && 'id' in item ? (item as { id: unknown }).id : undefined;
  const name =
    typeof item === 'object' && item !== null && 'name' in item ? (item as { name: unknown }).name : undefined;
  const tag = typeof id === 'string' ? ` ("${id}")` : typeof name === 'string' ? ` ("${name}")` : '';
  return `source ${index + 1}${tag}`;
}

function fieldOf(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys')
    return `field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  return issue.path.length > 0 ? `field "${issue.path.map(String).join('.')}"` : 'entry';
}

/** Plain words for a zod issue; `input` is the entry checked, to tell a missing field from a bad one. */
function describeIssue(issue: z.core.$ZodIssue, input?: unknown): string {
  if (issue.code === 'unrecognized_keys') return 'unknown (check the spelling)';
  const key = issue.path[0];
  if (
    issue.code !== 'custom' &&
    issue.path.length === 1 &&
    typeof input === 'object' &&
    input !== null &&
    typeof key === 'string' &&
    !(key in input)
  )
    return 'missing';
  if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) return 'missing';
  if (issue.code === 'invalid_value') return `expected one of ${issue.values.map(String).join(', ')}`;
  return issue.message;
}

/** 1-based line of the node at `path`, or of its nearest existing ancestor. */
