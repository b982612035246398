// One spelling per address, so the same article reached through two feeds, with tracking
// parameters, or with a different host case is recognised as already seen.

const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'gbraid',
  'wbraid',
  'yclid',
  'msclkid',
  'twclid',
  'igshid',
  'mc_cid',
  'mc_eid',
  'ref',
  'ref_src',
  'ref_url',
  'referrer',
  'source',
  'src',
  'via',
  'share',
  'share_source',
  'share_medium',
  'spm',
  'scm',
  'from',
  'isappinstalled',
  'wxshare_count',
  'timestamp',
  'utm',
  'cmpid',
  'ncid',
  'ocid',
  '_hsenc',
  '_hsmi',
  'hsctatracking',
  'oly_anon_id',
  'oly_enc_id',
  'vero_id',
  'mkt_tok',
  'sr_share',
  'chksm',
  'scene',
  'sessionid',
  'clicktime',
  'enterid',
]);

function isTrackingParam(name: string): boolean {
  const n = name.toLowerCase();
  return n.startsWith('utm_') || n.startsWith('pk_') || n.startsWith('mtm_') || TRACKING_PARAMS.has(n);
}

/**
 * The normalised form of an http(s) or file URL: lower-case scheme and host, no default port,
 * no fragment, no tracking parameters, remaining parameters sorted, no trailing slash on paths.
 * Returns the input unchanged when it is not a URL.
 */
export function canonicalUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return raw.trim();
  }
  url.hash = '';
  if (url.protocol === 'http:' || url.protocol === 'https:') {
    const kept = [...url.searchParams.entries()].filter(([k]) => !isTrackingParam(k));
    kept.sort(([a, av], [b, bv]) => (a === b ? av.localeCompare(bv) : a < b ? -1 : 1));
    url.search = '';
    for (const [k, v] of kept) url.searchParams.append(k, v);
    if (url.pathname.length > 1 && url.pathname.endsWith('/')) url.pathname = url.pathname.replace(/\/+$/, '');
  }
  return url.toString();
}
