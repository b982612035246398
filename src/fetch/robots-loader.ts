// Getting an origin's robots.txt and turning the answer into a policy (RFC 9309 section 2.3):
// 2xx -> its rules; 4xx -> no restrictions; 5xx and 429 -> the site is treated as closed for this
// run; more than five redirects -> unavailable (no restrictions). Network failures are returned as
// Failures, not policies, so the fetcher can retry later instead of remembering a transient outage.
import { ok, type Result } from '../errors.js';
import type { ExchangeResponse } from './http-exchange.js';
import { parseRobots, type RobotsPolicy } from './robots.js';

/** A robots.txt Crawl-delay above this is capped: one hostile file must not stall a whole run. */
export const MAX_CRAWL_DELAY_MS = 30_000;

const MAX_ROBOTS_REDIRECTS = 5;

export async function loadRobotsPolicy(
  pageUrl: URL,
  get: (robotsUrl: URL) => Promise<Result<ExchangeResponse>>,
): Promise<Result<RobotsPolicy>> {
  let url = new URL('/robots.txt', pageUrl.origin);
  for (let hop = 0; hop <= MAX_ROBOTS_REDIRECTS; hop++) {
    const response = await get(url);
    if (!response.ok) return response;
    const { status, headers, body } = response.value;
    const location = headers.location;
    if (status >= 300 && status < 400 && location !== undefined) {
      try {
        url = new URL(location, url);
      } catch {
        return ok({ kind: 'allow-all', reason: `${url.href} redirected to an invalid address` });
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        return ok({ kind: 'allow-all', reason: `${pageUrl.origin}/robots.txt redirected off the web` });
      }
      continue;
    }
    return ok(policyForResponse(url.href, status, body));
  }
  return ok({
    kind: 'allow-all',
    reason: `${pageUrl.origin}/robots.txt redirected more than ${MAX_ROBOTS_REDIRECTS} times`,
  });
}

/** Pure: the policy implied by a final robots.txt response. */
export function policyForResponse(robotsUrl: string, status: number, body: Uint8Array | null): RobotsPolicy {
  if (status >= 200 && status < 300) {
    // RFC 9309: robots.txt is UTF-8; invalid bytes become U+FFFD and simply match nothing.
    const text = new TextDecoder('utf-8').decode(body ?? new Uint8Array());
    return { kind: 'rules', groups: parseRobots(text) };
  }
  // A rate-limited robots.txt is treated like a server error: the site is asking us to back off.
  if (status === 429 || status >= 500) {
    return {
      kind: 'disallow-all',
      reason: `${robotsUrl} answered HTTP ${status}, so the whole site is treated as disallowed for now`,
    };
  }
  if (status >= 400) return { kind: 'allow-all', reason: `${robotsUrl} answered HTTP ${status}: no restrictions` };
  return { kind: 'disallow-all', reason: `${robotsUrl} answered an unexpected HTTP ${status}` };
}
