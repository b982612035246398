// Which IP addresses a fetcher must not reach unless told to: loopback, private, link-local, CGNAT,
// unique-local, multicast, reserved and documentation ranges, including IPv4 hidden in IPv6 forms.
// Pure: an address string in, a reason (or null) out. Parsing and range membership are Node's own
// (node:net isIP and BlockList); what is ours is the list of ranges, their names, and reading the
// IPv4 address out of the IPv6 forms that carry one (NAT64, 6to4, IPv4-compatible).

import { BlockList, isIP } from 'node:net';

type Range = readonly [network: string, prefix: number, label: string];

const V4_RANGES: readonly Range[] = [
  ['0.0.0.0', 8, 'this-network (0.0.0.0/8)'],
  ['10.0.0.0', 8, 'private (10.0.0.0/8)'],
  ['100.64.0.0', 10, 'carrier-grade NAT (100.64.0.0/10)'],
  ['127.0.0.0', 8, 'loopback (127.0.0.0/8)'],
  ['169.254.0.0', 16, 'link-local (169.254.0.0/16)'],
  ['172.16.0.0', 12, 'private (172.16.0.0/12)'],
  ['192.0.0.0', 24, 'IETF protocol assignments (192.0.0.0/24)'],
  ['192.0.2.0', 24, 'documentation (192.0.2.0/24)'],
  ['192.88.99.0', 24, '6to4 relay anycast (192.88.99.0/24)'],
  ['192.168.0.0', 16, 'private (192.168.0.0/16)'],
  ['198.18.0.0', 15, 'benchmarking (198.18.0.0/15)'],
  ['198.51.100.0', 24, 'documentation (198.51.100.0/24)'],
  ['203.0.113.0', 24, 'documentation (203.0.113.0/24)'],
  ['224.0.0.0', 4, 'multicast (224.0.0.0/4)'],
  ['240.0.0.0', 4, 'reserved (240.0.0.0/4)'],
];

// Checked in this order: the two single addresses before the IPv4-compatible ::/96 that holds them.
const V6_RANGES: readonly Range[] = [
  ['::', 128, 'unspecified (::)'],
  ['::1', 128, 'loopback (::1)'],
  ['fc00::', 7, 'unique-local (fc00::/7)'],
  ['fe80::', 10, 'link-local (fe80::/10)'],
  ['fec0::', 10, 'site-local (fec0::/10, deprecated)'],
  ['ff00::', 8, 'multicast (ff00::/8)'],
  ['2001:db8::', 32, 'documentation (2001:db8::/32)'],
  ['100::', 64, 'discard-only (100::/64)'],
];

/** IPv6 forms that carry an IPv4 address, and which 16-bit groups hold it. */
const EMBEDDING: ReadonlyArray<
  readonly [network: string, prefix: number, form: string, groups: readonly [number, number]]
> = [
  ['::ffff:0:0', 96, 'IPv4-mapped', [6, 7]],
  ['64:ff9b::', 96, 'NAT64', [6, 7]],
  ['2002::', 16, '6to4', [1, 2]],
  ['::', 96, 'IPv4-compatible', [6, 7]],
];

/** One BlockList per named range, so a match says which range it was. */
function lists<T extends readonly [string, number, ...unknown[]]>(
  ranges: readonly T[],
  family: 'ipv4' | 'ipv6',
): Array<{ list: BlockList; range: T }> {
  return ranges.map((range) => {
    const list = new BlockList();
    list.addSubnet(range[0], range[1], family);
    return { list, range };
  });
}
const V4 = lists(V4_RANGES, 'ipv4');
const V6 = lists(V6_RANGES, 'ipv6');
const EMBEDDED = lists(EMBEDDING, 'ipv6');

/** The address without URL brackets or a zone (fe80::1%eth0). */
const bare = (address: string): string => address.replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, '');

function v4Reason(address: string): string | null {
  return V4.find((r) => r.list.check(address, 'ipv4'))?.range[2] ?? null;
}

/** The eight 16-bit groups of a valid IPv6 address (a dotted IPv4 tail counts as two). */
function groupsOf(address: string): number[] {
  const tail = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(address);
  const text = tail
    ? `${address.slice(0, tail.index)}${((Number(tail[1]) << 8) | Number(tail[2])).toString(16)}:${((Number(tail[3]) << 8) | Number(tail[4])).toString(16)}`
    : address;
  const [head = '', rest] = text.split('::');
  const part = (s: string | undefined) => (s ? s.split(':').map((g) => parseInt(g, 16)) : []);
  const h = part(head);
  const r = part(rest);
  return rest === undefined ? h : [...h, ...Array<number>(8 - h.length - r.length).fill(0), ...r];
}

function v6Reason(address: string): string | null {
  const named = V6.find((r) => r.list.check(address, 'ipv6'));
  if (named) return named.range[2];
  const embedding = EMBEDDED.find((r) => r.list.check(address, 'ipv6'));
  if (!embedding) return null;
  const [, , form, [hi, lo]] = embedding.range;
  const g = groupsOf(address);
  const v4 = [g[hi]! >> 8, g[hi]! & 0xff, g[lo]! >> 8, g[lo]! & 0xff].join('.');
  const reason = v4Reason(v4);
  if (reason !== null) return `${form} form of ${reason}`;
  return form === 'IPv4-compatible' ? 'IPv4-compatible (::/96, deprecated)' : null;
}

export type AddressCheck = { readonly blocked: false } | { readonly blocked: true; readonly reason: string };

/**
 * Whether a literal IP address is one a public-web fetcher must refuse. A string that is not an IP
 * address is refused too: callers check resolved addresses, never names.
 */
export function checkAddress(address: string): AddressCheck {
  const ip = bare(address);
  const family = isIP(ip);
  const reason = family === 4 ? v4Reason(ip) : family === 6 ? v6Reason(ip) : 'not an IP address';
  return reason === null ? { blocked: false } : { blocked: true, reason: `${address} is ${reason}` };
}

/** True for an IPv4 or IPv6 literal (brackets allowed), as found in URL.hostname. */
export function isIpLiteral(host: string): boolean {
  return isIP(bare(host)) !== 0;
}
