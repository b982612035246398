// The one rule for following an address found inside a document (threat model: docs/threat-model.md).
//
// What the user typed on the command line and what `sources.yaml` names are trusted: they may name
// local files and directories. Everything read from the network is not: a fetched OPML list, URL
// list, feed or page, and anything reached through one, may only lead to http(s) addresses. A
// remote list naming `file:///home/me/.ssh/id_rsa` or `/dev/zero` must never make us read it, and a
// fetched page must never make a local path its public address.
//
// Every expansion goes through `followReference`: OPML entries, URL list lines and feed item links
// (pipeline/inputs.ts), rel=canonical and og:url (pipeline/candidate.ts) and redirects
// (fetch/fetcher.ts). Readers may resolve what they find however they like; this gate decides.

import { fail, ok, type Result } from '../errors.js';

/** What kind of reference it is: names it in messages, and sets what it may lead to. */
export type ReferenceKind = 'list entry' | 'feed item link' | 'canonical link' | 'redirect';

/** True for a document whose content came from the network (and so is untrusted). */
export function isNetworkLocation(location: string): boolean {
  return /^https?:\/\//i.test(location.trim());
}

/**
 * The absolute address `ref` leads to, when `base` (the address of the document it was found in)
 * may lead there:
 * - from a document read from the network (http(s) base): http(s) only;
 * - from a local document the user named (file: base): a list entry (OPML, URL list) may also name
 *   a local file; feed item links, canonical links and redirects are http(s) only (a public address
 *   is what they are for).
 * Anything else (another scheme, an unparseable or relative-without-base reference) is refused
 * with a message naming the reference, where it was found and why.
 */
export function followReference(ref: string, base: string | null, kind: ReferenceKind): Result<string> {
  const raw = ref.trim();
  const where = base ?? 'the input';
  const shown = clip(raw);
  let url: URL;
  try {
    url = base ? new URL(raw, base) : new URL(raw);
  } catch {
    return fail('bad_input', `${where}: ${kind} "${shown}" is not an address`, raw);
  }
  url.hash = kind === 'redirect' ? '' : url.hash;
  if (url.protocol === 'http:' || url.protocol === 'https:') return ok(url.href);
  if (url.protocol === 'file:') {
    if (base !== null && isNetworkLocation(base)) {
      return fail(
        'blocked_address',
        `${where}: ${kind} "${shown}" names a local file; what is read from the network may only name http(s) addresses`,
        raw,
      );
    }
    if (kind === 'list entry' && base !== null && base.startsWith('file:')) return ok(url.href);
    return fail(
      'unsupported',
      `${where}: ${kind} "${shown}" is a local file; only http(s) addresses are followed here`,
      raw,
    );
  }
  return fail(
    'unsupported',
    `${where}: ${kind} "${shown}" uses ${url.protocol.replace(/:$/, '')}:, not http or https`,
    raw,
  );
}

function clip(s: string): string {
  return s.length > 120 ? `${s.slice(0, 117)}...` : s;
}
