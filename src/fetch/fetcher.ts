// The polite fetcher: robots.txt, per-host pacing and concurrency, blocked addresses, conditional GET
// from a disk cache, manual redirects, then decoding. Each step's rules live in their own module;
// this file wires them and owns the state of one fetcher (agents, robots per origin, cache).
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { join } from 'node:path';
import { fail, ok, type Failure, type Result } from '../errors.js';
import { checkAddress, isIpLiteral } from './address.js';
import { decodeBytes, type DocumentKind } from './decode.js';
import { HostGate } from './host-gate.js';
import { followReference } from './reference-policy.js';
import { HttpCache, type CachedResponse } from './http-cache.js';
import { BlockedAddressError, exchange, type ExchangeResponse } from './http-exchange.js';
import { failureForStatus } from './http-status.js';
import { loadRobotsPolicy, MAX_CRAWL_DELAY_MS } from './robots-loader.js';
import { ROBOTS_MAX_BYTES, robotsVerdict, type RobotsPolicy } from './robots.js';

export interface FetcherOptions {
  userAgent?: string;
  /** Disk cache of bodies and validators; null or absent = no cache. */
  cacheDir?: string | null;
  /** Hosts or IPs allowed even if loopback/private, e.g. ['127.0.0.1']. */
  allowHosts?: readonly string[];
  perHostIntervalMs?: number;
  perHostConcurrency?: number;
  concurrency?: number;
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  respectRobots?: boolean;
  /**
   * Consecutive failures to reach a host (refused, DNS, timeout, reset) after which its further
   * URLs fail at once, without a request ("host X unreachable: skipped after N failures").
   */
  maxHostFailures?: number;
  /** Failures to reach any host, in this fetcher's life (one run), after which every fetch fails at once. */
  maxUnreachableFetches?: number;
  /** Clock in ms since the epoch; injectable for tests. */
  now?: () => number;
  /**
   * Told each time a request is sent, the moment the host's turn and a slot are granted (before
   * connecting): the fetcher's own send times, which pacing is about (a server sees them later, by
   * however long connecting takes on a loaded machine).
   */
  onSend?: (event: { readonly url: string; readonly host: string; readonly at: number }) => void;
  /**
   * How long a robots.txt answer (2xx or 4xx) kept in the disk cache is used without asking again,
   * across runs (RFC 9309 section 2.4: at most 24 hours). 0: asked once per fetcher. Default 24 h.
   */
  robotsCacheMs?: number;
}

export interface FetchedResource {
  requestedUrl: string;
  /** The final URL after redirects. */
  url: string;
  /** The status of the body served: 200 also when it came from the cache after a 304. */
  status: number;
  contentType: string | null;
  charset: string;
  text: string;
  /** Bytes that could not be decoded (read as U+FFFD) or stray NULs dropped; 0 for a clean body. */
  replacedBytes: number;
  bytes: Uint8Array;
  fromCache: boolean;
  notModified: boolean;
  etag: string | null;
  lastModified: string | null;
  /** The Cache-Control header of this answer (the 304's own, when revalidated); null when absent. */
  cacheControl: string | null;
  fetchedAt: string;
}

export interface FetchOptions {
  kind?: DocumentKind;
}

export interface Fetcher {
  fetch(url: string, options?: FetchOptions): Promise<Result<FetchedResource>>;
  close(): Promise<void>;
}

export const DEFAULT_USER_AGENT = 'TidingsBot/0.1 (polite news reader; honours robots.txt)';
const DEFAULTS = {
  robotsCacheMs: 24 * 3600_000,
  perHostIntervalMs: 1000,
  perHostConcurrency: 2,
  concurrency: 8,
  timeoutMs: 30_000,
  maxBytes: 20 * 1024 * 1024,
  maxRedirects: 5,
  maxHostFailures: 3,
  maxUnreachableFetches: 100,
};

/** Failures that say the host could not be reached at all (an HTTP answer, even 404 or 500, is not one). */
const isUnreachable = (failure: Failure): boolean => failure.code === 'network_error' || failure.code === 'timeout';

const ACCEPT: Record<DocumentKind | 'any', string> = {
  html: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5',
  xml: 'application/rss+xml,application/atom+xml,application/rdf+xml,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.5',
  json: 'application/feed+json,application/json;q=0.9,*/*;q=0.5',
  text: 'text/plain,*/*;q=0.5',
  any: '*/*',
};

// Media types that are never text: refused before their body is downloaded.
const NON_TEXT =
  /^(image|audio|video|font)\/|^application\/(pdf|zip|gzip|x-gzip|x-tar|x-7z-compressed|vnd\.rar|wasm)\b/i;

const isRedirect = (status: number): boolean =>
  status === 301 || status === 302 || status === 303 || status === 307 || status === 308;

export function createFetcher(options: FetcherOptions = {}): Fetcher {
  return new PoliteFetcher(options);
}

class PoliteFetcher implements Fetcher {
  private readonly userAgent: string;
  private readonly allowHosts: ReadonlySet<string>;
  private readonly timeoutMs: number;
  private readonly maxBytes: number;
  private readonly maxRedirects: number;
  private readonly respectRobots: boolean;
  private readonly now: () => number;
  private readonly onSend: FetcherOptions['onSend'] | null;
  private readonly cache: HttpCache | null;
  /** robots.txt answers across runs (beside the page cache, never used for conditional GETs). */
  private readonly robotsCache: HttpCache | null;
  private readonly robotsCacheMs: number;
  private readonly gate: HostGate;
  private readonly agents = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };
  private readonly lookup: LookupFunction;
  /** One robots.txt load per origin; failed loads (unreachable) are dropped so a later call retries. */
  private readonly robots = new Map<string, Promise<Result<RobotsPolicy>>>();
  private closed = false;
  private readonly maxHostFailures: number;
  private readonly maxUnreachableFetches: number;
  /** Per host: failures to reach it in a row (reset by any answer). */
  private readonly hostFailures = new Map<string, { count: number; last: string }>();
  private unreachableFetches = 0;

  constructor(options: FetcherOptions) {
    this.userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
    this.allowHosts = new Set((options.allowHosts ?? []).map(normaliseHost));
    this.timeoutMs = options.timeoutMs ?? DEFAULTS.timeoutMs;
    this.maxBytes = options.maxBytes ?? DEFAULTS.maxBytes;
    this.maxRedirects = options.maxRedirects ?? DEFAULTS.maxRedirects;
    this.respectRobots = options.respectRobots ?? true;
    this.maxHostFailures = options.maxHostFailures ?? DEFAULTS.maxHostFailures;
    this.maxUnreachableFetches = options.maxUnreachableFetches ?? DEFAULTS.maxUnreachableFetches;
    this.now = options.now ?? Date.now;
    this.onSend = options.onSend ?? null;
    this.cache = options.cacheDir ? new HttpCache(options.cacheDir) : null;
    this.robotsCacheMs = options.robotsCacheMs ?? DEFAULTS.robotsCacheMs;
    this.robotsCache =
      options.cacheDir && this.robotsCacheMs > 0 ? new HttpCache(join(options.cacheDir, 'robots')) : null;
    this.gate = new HostGate({
      intervalMs: options.perHostIntervalMs ?? DEFAULTS.perHostIntervalMs,
      perHostConcurrency: options.perHostConcurrency ?? DEFAULTS.perHostConcurrency,
      concurrency: options.concurrency ?? DEFAULTS.concurrency,
      now: this.now,
    });
    this.lookup = guardedLookup(this.allowHosts);
  }

  async fetch(requestedUrl: string, options: FetchOptions = {}): Promise<Result<FetchedResource>> {
    if (this.closed) throw new Error(`fetch(${requestedUrl}) called after the fetcher was closed`);
    const parsed = parseHttpUrl(requestedUrl);
    if (!parsed.ok) return parsed;
    let current = parsed.value;
    const chain = [current.href];
    for (;;) {
      const hop = await this.request(current, options.kind);
      if (!hop.ok) return viaRedirect(hop, requestedUrl, current.href);
      const { response, cached } = hop.value;
      if (isRedirect(response.status)) {
        const next = this.nextHop(current, response.headers.location, chain);
        if (!next.ok) return next;
        current = next.value;
        chain.push(current.href);
        continue;
      }
      const result = await this.finish(requestedUrl, current, response, cached, options.kind);
      return result.ok ? result : viaRedirect(result, requestedUrl, current.href);
    }
  }

  /** One hop: address and robots checks, then a paced, possibly conditional, GET. */
  private async request(
    url: URL,
    kind: DocumentKind | undefined,
  ): Promise<Result<{ response: ExchangeResponse; cached: CachedResponse | null }>> {
    const blocked = this.checkHost(url);
    if (blocked !== null) return blocked;
    if (this.respectRobots) {
      const allowed = await this.checkRobots(url);
      if (!allowed.ok) return allowed;
    }
    const cached = this.cache === null ? null : await this.cache.get(url.href);
    const headers: Record<string, string> = { accept: ACCEPT[kind ?? 'any'] };
    if (cached?.etag) headers['if-none-match'] = cached.etag;
    if (cached?.lastModified) headers['if-modified-since'] = cached.lastModified;
    const response = await this.send(url, headers, this.maxBytes, false);
    return response.ok ? ok({ response: response.value, cached }) : response;
  }

  private async send(
    url: URL,
    extraHeaders: Record<string, string>,
    maxBytes: number,
    truncate: boolean,
  ): Promise<Result<ExchangeResponse>> {
    const host = url.hostname;
    const before = this.budgetFailure(url);
    if (before !== null) return before;
    // A request that waited for its turn while the host was found dead gives the turn up.
    const release = await this.gate.acquireUnless(host, () => this.budgetFailure(url) !== null);
    if (release === null) return this.budgetFailure(url) ?? fail('network_error', `${url.href} was skipped`, url.href);
    this.onSend?.({ url: url.href, host, at: performance.now() });
    try {
      const result = await exchange({
        url,
        headers: { 'user-agent': this.userAgent, 'accept-encoding': 'gzip, deflate, br', ...extraHeaders },
        timeoutMs: this.timeoutMs,
        maxBytes,
        truncate,
        agents: this.agents,
        lookup: this.lookup,
        wantBody: (status, headers) => status >= 200 && status < 300 && !NON_TEXT.test(headers['content-type'] ?? ''),
      });
      this.recordReach(host, result);
      return result;
    } finally {
      release();
    }
  }

  /** Counts a failure to reach a host; any answer from it clears its count. */
  private recordReach(host: string, result: Result<ExchangeResponse>): void {
    if (result.ok || !isUnreachable(result)) {
      this.hostFailures.delete(host);
      return;
    }
    this.unreachableFetches++;
    const seen = this.hostFailures.get(host);
    this.hostFailures.set(host, { count: (seen?.count ?? 0) + 1, last: result.message });
  }

  /** The failure a request meets without being sent: its host is dead, or the run's budget is spent. */
  private budgetFailure(url: URL): Failure | null {
    const dead = this.hostFailures.get(url.hostname);
    if (dead !== undefined && dead.count >= this.maxHostFailures) {
      return fail(
        'network_error',
        `${url.href} was not fetched: host ${url.hostname} unreachable: skipped after ${dead.count} failures (the last: ${dead.last})`,
        url.href,
      );
    }
    if (this.unreachableFetches >= this.maxUnreachableFetches) {
      return fail(
        'network_error',
        `${url.href} was not fetched: the run's fetch budget is spent (${this.unreachableFetches} fetches could not reach their host)`,
        url.href,
      );
    }
    return null;
  }

  private nextHop(current: URL, location: string | undefined, chain: readonly string[]): Result<URL> {
    const from = current.href;
    if (!location) return fail('http_error', `${from} answered with a redirect but no Location header`, from);
    // The one reference policy (fetch/reference-policy.ts): a redirect leads to http(s) only.
    const followed = followReference(location, from, 'redirect');
    if (!followed.ok) {
      return followed.code === 'bad_input'
        ? fail('http_error', `${from} redirected to an invalid address "${location}"`, from)
        : fail(followed.code, followed.message, from);
    }
    const next = new URL(followed.value);
    const first = chain[0] ?? from;
    if (chain.includes(next.href)) {
      return fail('redirect_loop', `${first} redirects in a loop: ${[...chain, next.href].join(' -> ')}`, first);
    }
    if (chain.length > this.maxRedirects) {
      return fail(
        'redirect_loop',
        `${first} redirected more than ${this.maxRedirects} times: ${[...chain, next.href].join(' -> ')}`,
        first,
      );
    }
    return ok(next);
  }

  private async finish(
    requestedUrl: string,
    url: URL,
    response: ExchangeResponse,
    cached: CachedResponse | null,
    kind: DocumentKind | undefined,
  ): Promise<Result<FetchedResource>> {
    const href = url.href;
    const fetchedAt = new Date(this.now()).toISOString();
    const etag = header(response.headers.etag);
    const lastModified = header(response.headers['last-modified']);
    const cacheControl = header(response.headers['cache-control']);
    if (response.status === 304) {
      if (cached === null)
        return fail('http_error', `${href} answered 304 Not Modified, but nothing was cached for it`, href);
      const refreshed: CachedResponse = {
        ...cached,
        etag: etag ?? cached.etag,
        lastModified: lastModified ?? cached.lastModified,
        fetchedAt,
      };
      const resource = resourceFrom(requestedUrl, refreshed, kind, true, cacheControl);
      if (resource.ok) await this.store(refreshed, true);
      return resource;
    }
    const failure = failureForStatus(href, response.status, header(response.headers['retry-after']));
    if (failure !== null) return failure;
    const contentType = header(response.headers['content-type']);
    if (response.body === null) {
      return fail(
        'unsupported',
        `${href} is ${contentType ?? 'of an unknown type'}, not a text document; it was not downloaded`,
        href,
      );
    }
    const entry: CachedResponse = {
      url: href,
      status: response.status,
      contentType,
      etag,
      lastModified,
      fetchedAt,
      bytes: response.body,
    };
    const resource = resourceFrom(requestedUrl, entry, kind, false, cacheControl);
    if (resource.ok && response.status === 200) await this.store(entry);
    return resource;
  }

  /** Keeps an answer for the next conditional GET; `revalidated`: a 304, whose body is already on disk. */
  private async store(entry: CachedResponse, revalidated = false): Promise<void> {
    if (this.cache === null) return;
    try {
      if (revalidated) await this.cache.refresh(entry);
      else await this.cache.put(entry);
    } catch {
      // The cache only saves bandwidth next time; a full or read-only disk must not fail this fetch.
    }
  }

  /** Refuses literal private/loopback IPs up front; names are vetted at connect time by the lookup hook. */
  private checkHost(url: URL): Failure | null {
    const host = normaliseHost(url.hostname);
    if (this.allowHosts.has(host) || !isIpLiteral(host)) return null;
    const check = checkAddress(host);
    if (!check.blocked) return null;
    return fail(
      'blocked_address',
      `${url.href} was refused: ${check.reason}; add it to allowHosts to fetch it`,
      url.href,
    );
  }

  private async checkRobots(url: URL): Promise<Result<true>> {
    const origin = url.origin;
    let pending = this.robots.get(origin);
    if (pending === undefined) {
      pending = this.loadRobots(url);
      this.robots.set(origin, pending);
    }
    const policy = await pending;
    if (!policy.ok) {
      if (this.robots.get(origin) === pending) this.robots.delete(origin);
      return fail(
        policy.code,
        `${url.href} was not fetched because its robots.txt could not be read: ${policy.message}`,
        url.href,
      );
    }
    const verdict = robotsVerdict(policy.value, this.userAgent, url.pathname + url.search);
    if (verdict.allowed) return ok(true);
    return fail(
      'robots_disallowed',
      `${url.href} is disallowed by ${origin}/robots.txt (${verdict.rule ?? 'no rule'})`,
      url.href,
    );
  }

  private async loadRobots(url: URL): Promise<Result<RobotsPolicy>> {
    const policy = await loadRobotsPolicy(url, (robotsUrl) => {
      const blocked = this.checkHost(robotsUrl);
      return blocked !== null ? Promise.resolve(blocked) : this.robotsAnswer(robotsUrl);
    });
    if (policy.ok) {
      const delay = robotsVerdict(policy.value, this.userAgent, '/').crawlDelaySeconds;
      if (delay !== null) this.gate.setMinInterval(url.hostname, Math.min(delay * 1000, MAX_CRAWL_DELAY_MS));
    }
    return policy;
  }

  /**
   * robots.txt from the disk cache when asked less than robotsCacheMs ago, else from the host (a 2xx
   * or 4xx answer is kept; a 5xx or 429, the site asking us to stay away, and redirects are not).
   * A poller started every few minutes then asks each host for its feed only, not its robots.txt too.
   */
  private async robotsAnswer(robotsUrl: URL): Promise<Result<ExchangeResponse>> {
    const kept = this.robotsCache === null ? null : await this.robotsCache.get(robotsUrl.href);
    if (
      kept !== null &&
      this.now() - Date.parse(kept.fetchedAt) < this.robotsCacheMs &&
      this.now() >= Date.parse(kept.fetchedAt)
    ) {
      return ok({ status: kept.status, headers: {}, body: kept.bytes });
    }
    const answer = await this.send(robotsUrl, { accept: 'text/plain,*/*;q=0.5' }, ROBOTS_MAX_BYTES, true);
    if (
      this.robotsCache !== null &&
      answer.ok &&
      ((answer.value.status >= 200 && answer.value.status < 300) ||
        (answer.value.status >= 400 && answer.value.status < 500 && answer.value.status !== 429))
    ) {
      const { status, body } = answer.value;
      try {
        await this.robotsCache.put({
          url: robotsUrl.href,
          status,
          contentType: null,
          etag: null,
          lastModified: null,
          fetchedAt: new Date(this.now()).toISOString(),
          bytes: body ?? new Uint8Array(),
        });
      } catch {
        // Only a saving: a read-only disk asks again next run.
      }
    }
    return answer;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.agents.http.destroy();
    this.agents.https.destroy();
  }
}

function parseHttpUrl(input: string): Result<URL> {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return fail('bad_input', `"${input}" is not a valid URL`, input);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return fail('unsupported', `${input} uses the ${url.protocol} scheme; only http and https can be fetched`, input);
  }
  url.hash = '';
  return ok(url);
}

/** When a hop after a redirect fails, say which URL the caller asked for (keeping what else it carries, e.g. Retry-After). */
function viaRedirect(failure: Failure, requestedUrl: string, hopUrl: string): Failure {
  if (hopUrl === requestedUrl || hopUrl === safeHref(requestedUrl)) return failure;
  return {
    ...failure,
    message: `${failure.message} (reached by redirect from ${requestedUrl})`,
    subject: requestedUrl,
  };
}

function safeHref(input: string): string {
  try {
    const url = new URL(input.trim());
    url.hash = '';
    return url.href;
  } catch {
    return input;
  }
}

function resourceFrom(
  requestedUrl: string,
  entry: CachedResponse,
  kind: DocumentKind | undefined,
  notModified: boolean,
  cacheControl: string | null,
): Result<FetchedResource> {
  const decoded = decodeBytes(entry.bytes, { contentType: entry.contentType, kind });
  if (!decoded.ok) return fail(decoded.code, `${entry.url}: ${decoded.message}`, entry.url);
  return ok({
    requestedUrl,
    url: entry.url,
    status: entry.status,
    contentType: entry.contentType,
    charset: decoded.value.charset,
    text: decoded.value.text,
    replacedBytes: decoded.value.replaced,
    bytes: entry.bytes,
    fromCache: notModified,
    notModified,
    etag: entry.etag,
    lastModified: entry.lastModified,
    cacheControl,
    fetchedAt: entry.fetchedAt,
  });
}

function header(value: string | string[] | undefined): string | null {
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined || first === '' ? null : first;
}

function normaliseHost(host: string): string {
  return host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '');
}

/**
 * A DNS lookup that refuses names resolving to a blocked address (any of them, so a name cannot
 * pair a public and a private answer). Runs at connect time, so the address checked is the one used.
 */
function guardedLookup(allowHosts: ReadonlySet<string>): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) {
        callback(error, '', 0);
        return;
      }
      if (!allowHosts.has(normaliseHost(hostname))) {
        for (const { address } of addresses) {
          if (allowHosts.has(normaliseHost(address))) continue;
          const check = checkAddress(address);
          if (check.blocked) {
            callback(
              new BlockedAddressError(`${hostname} resolves to ${check.reason}; add it to allowHosts to fetch it`),
              '',
              0,
            );
            return;
          }
        }
      }
      const first = addresses[0];
      if (options.all) callback(null, addresses);
      else if (first === undefined)
        callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), '', 0);
      else callback(null, first.address, first.family);
    });
  };
}
