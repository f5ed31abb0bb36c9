/**
 * The HTTP headers the app needs from whatever serves dist/, in one place: `vite preview` (and so
 * every end-to-end test) sends them through vite.config.ts, and deploy/nginx.conf says the same
 * (test/deploy/headers.test.ts compares them line by line).
 *
 * The Content-Security-Policy is the one in index.html's meta tag, plus `frame-ancestors 'none'`,
 * which only works as a header (a meta tag cannot stop the page being framed).
 */

/** The policy of index.html's `<meta http-equiv="Content-Security-Policy">`. */
export function cspOfIndexHtml(html: string): string {
  const m = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html);
  if (!m) throw new Error('index.html has no Content-Security-Policy meta tag');
  return m[1]!.trim();
}

export const FRAME_ANCESTORS = "frame-ancestors 'none'";

/** The Content-Security-Policy header: the meta tag's policy plus frame-ancestors. */
export const cspHeader = (metaPolicy: string): string => `${metaPolicy.replace(/;\s*$/, '')}; ${FRAME_ANCESTORS}`;

/** Headers for every response. */
export const securityHeaders = (metaPolicy: string): Record<string, string> => ({
  'Content-Security-Policy': cspHeader(metaPolicy),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  // for browsers that predate frame-ancestors
  'X-Frame-Options': 'DENY',
});

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

/**
 * Files whose name carries a hash of their content (Vite's assets/, Workbox's runtime) never change
 * under the same name, so browsers may keep them a year without asking. Everything else — index.html,
 * sw.js, manifest.webmanifest, the icons — is checked with the server on every load (`no-cache`
 * still lets the browser reuse its copy when the server answers 304), so a new version is seen on
 * the next visit; the service worker then precaches it.
 */
export const HASHED = /^\/(assets\/.+-[\w-]{8,}\.\w+|workbox-[0-9a-f]{8,}\.js)$/;

export const cacheControlFor = (path: string): string => (HASHED.test(path) ? IMMUTABLE : REVALIDATE);

/** The web app manifest's MIME type (Debian's mime.types does not know .webmanifest). */
export const MANIFEST_TYPE = 'application/manifest+json';
