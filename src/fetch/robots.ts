// robots.txt (RFC 9309): parse into groups, pick the group for our product token, and decide a path
// by the longest matching rule (Allow wins a tie). Pure: text in, verdicts out.
import { assertNever } from '../errors.js';

export interface RobotsRule {
  readonly allow: boolean;
  /** Normalised pattern; `*` matches any run of characters, a trailing `$` anchors the end. */
  readonly pattern: string;
}

export interface RobotsGroup {
  /** Lower-cased user-agent values the group applies to ('*' for everyone). */
  readonly agents: readonly string[];
  readonly rules: readonly RobotsRule[];
  /** Seconds, when the group sets Crawl-delay (a non-standard but common extension). */
  readonly crawlDelaySeconds: number | null;
}

/** What the fetcher knows about one origin's robots.txt. */
export type RobotsPolicy =
  | { readonly kind: 'rules'; readonly groups: readonly RobotsGroup[] }
  | { readonly kind: 'allow-all'; readonly reason: string }
  | { readonly kind: 'disallow-all'; readonly reason: string };

export interface RobotsVerdict {
  readonly allowed: boolean;
  /** The rule that decided, e.g. 'Disallow: /private', or null when no rule matched. */
  readonly rule: string | null;
  readonly crawlDelaySeconds: number | null;
}

// RFC 9309 asks crawlers to parse at least 500 KiB; anything after that is ignored.
export const ROBOTS_MAX_BYTES = 512 * 1024;

export function parseRobots(text: string): RobotsGroup[] {
  const groups: Array<{ agents: string[]; rules: RobotsRule[]; crawlDelaySeconds: number | null }> = [];
  let current: (typeof groups)[number] | null = null;
  let lastWasAgent = false;
  for (const rawLine of text.slice(0, ROBOTS_MAX_BYTES).split(/\r\n|\r|\n/)) {
    const line = rawLine.replace(/#.*$/, '').trim();
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const key = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (key === 'user-agent') {
      // Consecutive user-agent lines share one group; one after rules starts a new group.
      if (current === null || !lastWasAgent) {
        current = { agents: [], rules: [], crawlDelaySeconds: null };
        groups.push(current);
      }
      current.agents.push(value.toLowerCase());
      lastWasAgent = true;
      continue;
    }
    lastWasAgent = false;
    if (current === null) continue; // rules before any user-agent line belong to no group
    if (key === 'allow' || key === 'disallow') {
      // An empty Disallow allows everything: it adds no rule.
      if (value !== '') current.rules.push({ allow: key === 'allow', pattern: normalisePath(value) });
    } else if (key === 'crawl-delay') {
      const seconds = Number(value);
      if (Number.isFinite(seconds) && seconds >= 0) current.crawlDelaySeconds = seconds;
    }
  }
  return groups;
}

/** The product token of a User-Agent string: 'TidingsBot/0.1 (+info)' -> 'tidingsbot'. */
export function productToken(userAgent: string): string {
  return (userAgent.trim().split(/[/\s]/)[0] ?? '').toLowerCase();
}

/** Groups naming our token are merged; only without one do the '*' groups apply. */
export function groupsFor(groups: readonly RobotsGroup[], token: string): RobotsGroup[] {
  const named = groups.filter((g) => g.agents.some((a) => a !== '*' && a !== '' && token.startsWith(a)));
  return named.length > 0 ? named : groups.filter((g) => g.agents.includes('*'));
}

export function robotsVerdict(policy: RobotsPolicy, userAgent: string, pathAndQuery: string): RobotsVerdict {
  switch (policy.kind) {
    case 'allow-all':
      return { allowed: true, rule: null, crawlDelaySeconds: null };
    case 'disallow-all':
      return { allowed: false, rule: policy.reason, crawlDelaySeconds: null };
    case 'rules':
      return verdictFromGroups(policy.groups, userAgent, pathAndQuery);
    default:
      return assertNever(policy, 'robots policy');
  }
}

function verdictFromGroups(all: readonly RobotsGroup[], userAgent: string, pathAndQuery: string): RobotsVerdict {
  const groups = groupsFor(all, productToken(userAgent));
  const delays = groups.map((g) => g.crawlDelaySeconds).filter((d): d is number => d !== null);
  const crawlDelaySeconds = delays.length > 0 ? Math.max(...delays) : null;
  const path = normalisePath(pathAndQuery === '' ? '/' : pathAndQuery);
  if (path === '/robots.txt') return { allowed: true, rule: null, crawlDelaySeconds };
  let best: RobotsRule | null = null;
  for (const group of groups) {
    for (const rule of group.rules) {
      if (!patternMatches(rule.pattern, path)) continue;
      if (
        best === null ||
        rule.pattern.length > best.pattern.length ||
        (rule.pattern.length === best.pattern.length && rule.allow)
      ) {
        best = rule;
      }
    }
  }
  if (best === null) return { allowed: true, rule: null, crawlDelaySeconds };
  return { allowed: best.allow, rule: `${best.allow ? 'Allow' : 'Disallow'}: ${best.pattern}`, crawlDelaySeconds };
}

export function patternMatches(pattern: string, path: string): boolean {
  const anchored = pattern.endsWith('$');
  const body = anchored ? pattern.slice(0, -1) : pattern;
  const parts = body.split('*');
  const first = parts[0] ?? '';
  if (!path.startsWith(first)) return false;
  let position = first.length;
  // Greedy-leftmost search is exact for '*' globs when the last piece is matched at the end.
  for (let i = 1; i < parts.length; i++) {
    const part = parts[i] as string;
    if (i === parts.length - 1 && anchored) {
      return path.length - part.length >= position && path.endsWith(part);
    }
    const found = path.indexOf(part, position);
    if (found === -1) return false;
    position = found + part.length;
  }
  return anchored ? position === path.length : true;
}

const UNRESERVED = /[A-Za-z0-9\-._~]/;

/** Percent-encodes non-ASCII (as UTF-8), upper-cases escapes and decodes escaped unreserved chars. */
export function normalisePath(path: string): string {
  let encoded = '';
  for (const ch of path) {
    encoded += ch.charCodeAt(0) > 0x7e || ch === ' ' ? encodeURIComponent(ch) : ch;
  }
  return encoded.replace(/%([0-9a-fA-F]{2})/g, (_, hex: string) => {
    const ch = String.fromCharCode(parseInt(hex, 16));
    return UNRESERVED.test(ch) ? ch : `%${hex.toUpperCase()}`;
  });
}
