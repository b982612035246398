// Which IP addresses a fetcher must not reach unless told to: loopback, private, link-local, CGNAT,
// unique-local, multicast, reserved and documentation ranges, including IPv4 hidden in IPv6 forms.
// Pure: an address string in, a reason (or null) out.

type V4Range = readonly [base: number, prefix: number, label: string];

const V4_BLOCKED: readonly V4Range[] = [
  [v4(0, 0, 0, 0), 8, 'this-network (0.0.0.0/8)'],
  [v4(10, 0, 0, 0), 8, 'private (10.0.0.0/8)'],
  [v4(100, 64, 0, 0), 10, 'carrier-grade NAT (100.64.0.0/10)'],
  [v4(127, 0, 0, 0), 8, 'loopback (127.0.0.0/8)'],
  [v4(169, 254, 0, 0), 16, 'link-local (169.254.0.0/16)'],
  [v4(172, 16, 0, 0), 12, 'private (172.16.0.0/12)'],
  [v4(192, 0, 0, 0), 24, 'IETF protocol assignments (192.0.0.0/24)'],
  [v4(192, 0, 2, 0), 24, 'documentation (192.0.2.0/24)'],
  [v4(192, 88, 99, 0), 24, '6to4 relay anycast (192.88.99.0/24)'],
  [v4(192, 168, 0, 0), 16, 'private (192.168.0.0/16)'],
  [v4(198, 18, 0, 0), 15, 'benchmarking (198.18.0.0/15)'],
  [v4(198, 51, 100, 0), 24, 'documentation (198.51.100.0/24)'],
  [v4(203, 0, 113, 0), 24, 'documentation (203.0.113.0/24)'],
  [v4(224, 0, 0, 0), 4, 'multicast (224.0.0.0/4)'],
  [v4(240, 0, 0, 0), 4, 'reserved (240.0.0.0/4)'],
];

function v4(a: number, b: number, c: number, d: number): number {
  return ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;
}

function parseV4(address: string): number | null {
  const parts = address.split('.');
  if (parts.length !== 4) return null;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return null;
    const n = Number(part);
    if (n > 255) return null;
    value = value * 256 + n;
  }
  return value;
}

function v4Reason(value: number): string | null {
  for (const [base, prefix, label] of V4_BLOCKED) {
    const mask = prefix === 0 ? 0 : (~0 << (32 - prefix)) >>> 0;
    if (((value & mask) >>> 0) === base) return label;
  }
  return null;
}

/** Eight 16-bit groups, or null if not an IPv6 address. Accepts a dotted IPv4 tail and a %zone. */
function parseV6(address: string): number[] | null {
  let text = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (!text.includes(':')) return null;
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (tail) {
    const value = parseV4(tail[1] as string);
    if (value === null) return null;
    text = `${text.slice(0, tail.index)}${(value >>> 16).toString(16)}:${(value & 0xffff).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const parse = (s: string): number[] | null => {
    if (s === '') return [];
    const groups = s.split(':').map((g) => (/^[0-9a-fA-F]{1,4}$/.test(g) ? parseInt(g, 16) : NaN));
    return groups.some(Number.isNaN) ? null : groups;
  };
  const head = parse(halves[0] as string);
  const rest = halves.length === 2 ? parse(halves[1] as string) : [];
  if (head === null || rest === null) return null;
  if (halves.length === 1) return head.length === 8 ? head : null;
  const missing = 8 - head.length - rest.length;
  if (missing < 1) return null;
  return [...head, ...Array<number>(missing).fill(0), ...rest];
}

function v6Reason(g: number[]): string | null {
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = g;
  const embedded = ((g6 << 16) | g7) >>> 0;
  const firstSix = [g0, g1, g2, g3, g4, g5];
  if (firstSix.every((x) => x === 0)) {
    if (g6 === 0 && g7 === 0) return 'unspecified (::)';
    if (g6 === 0 && g7 === 1) return 'loopback (::1)';
    return withEmbedded('IPv4-compatible', embedded) ?? 'IPv4-compatible (::/96, deprecated)';
  }
  if (g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0xffff) {
    return withEmbedded('IPv4-mapped', embedded);
  }
  if (g0 === 0x64 && g1 === 0xff9b) return withEmbedded('NAT64', embedded);
  if (g0 === 0x2002) return withEmbedded('6to4', ((g1 << 16) | g2) >>> 0);
  if ((g0 & 0xfe00) === 0xfc00) return 'unique-local (fc00::/7)';
  if ((g0 & 0xffc0) === 0xfe80) return 'link-local (fe80::/10)';
  if ((g0 & 0xffc0) === 0xfec0) return 'site-local (fec0::/10, deprecated)';
  if ((g0 & 0xff00) === 0xff00) return 'multicast (ff00::/8)';
  if (g0 === 0x2001 && g1 === 0x0db8) return 'documentation (2001:db8::/32)';
  if (g0 === 0x0100 && g1 === 0 && g2 === 0 && g3 === 0) return 'discard-only (100::/64)';
  return null;
}

function withEmbedded(form: string, value: number): string | null {
  const reason = v4Reason(value);
  return reason === null ? null : `${form} form of ${reason}`;
}

export type AddressCheck = { readonly blocked: false } | { readonly blocked: true; readonly reason: string };

/**
 * Whether a literal IP address is one a public-web fetcher must refuse. A string that is not an IP
 * address is refused too: callers check resolved addresses, never names.
 */
export function checkAddress(address: string): AddressCheck {
  const v4value = parseV4(address);
  if (v4value !== null) {
    const reason = v4Reason(v4value);
    return reason === null ? { blocked: false } : { blocked: true, reason: `${address} is ${reason}` };
  }
  const groups = parseV6(address);
  if (groups === null) return { blocked: true, reason: `${address} is not an IP address` };
  const reason = v6Reason(groups);
  return reason === null ? { blocked: false } : { blocked: true, reason: `${address} is ${reason}` };
}

/** True for an IPv4 or IPv6 literal (brackets allowed), as found in URL.hostname. */
export function isIpLiteral(host: string): boolean {
  return parseV4(host) !== null || parseV6(host) !== null;
}
