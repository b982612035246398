// The headers every response carries, static or API, success or error. The site is built to run
// with no inline script or style (see the site layout), so its policy allows only our own files.

/** The site's Content-Security-Policy: our own scripts and styles only, images from anywhere. */
export const SITE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' https: http: data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

/**
 * The newsletter pages are e-mail material: mail clients ignore linked stylesheets, so that HTML
 * must carry its styles inline. Served here for preview, it gets a policy that allows inline
 * style (and nothing else inline): no script at all (default-src 'none' covers script-src), no
 * forms, no frames; images by URL as in the mail.
 */
export const NEWSLETTER_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' https: http: data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': SITE_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
};

/** The read-only API is public data: any origin may read it (but not send credentials). */
export const API_CORS_HEADERS: Readonly<Record<string, string>> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'ETag',
};

/**
 * Whether a site path (segments under the site root) is inline-styled hand-off material: newsletter
 * HTML, or a WeChat article export (the WeChat editor, like mail clients, keeps only inline styles).
 */
export function isNewsletterPage(segments: readonly string[]): boolean {
  const last = segments.at(-1) ?? '';
  if (segments[0] === 'newsletter') return segments.length > 1 && /\.html?$/i.test(last);
  return segments[0] === 'exports' && segments.length === 3 && last === 'wechat.html';
}
