/**
 * deploy/nginx.conf, deploy/headers.ts (what `vite preview` sends) and index.html's CSP meta tag
 * say the same thing.
 */
import { describe, expect, it } from 'vitest';
import { cacheControlFor, cspHeader, cspOfIndexHtml, FRAME_ANCESTORS, IMMUTABLE, MANIFEST_TYPE, REVALIDATE, securityHeaders } from '../../deploy/headers';
import { addHeaders, INDEX_HTML, NGINX_CONF, nginxCacheControl } from './nginx-conf';

const directives = (csp: string) => csp.split(';').map((d) => d.trim().replace(/\s+/g, ' ')).filter(Boolean);

// names as Vite and Workbox give them (assets/<name>-<8-character hash>.<ext>, workbox-<hex>.js)
const HASHED_PATHS = ['/assets/index-CLQGdj2K.js', '/assets/index-eoUlT7GF.css', '/assets/screen.worker-DjkSYftX.js', '/assets/workbox-window.prod.es5-Bd17z0YL.js', '/assets/rolldown-runtime-WkwZ5CU-.js', '/workbox-9c191d2f.js'];
const REVALIDATED_PATHS = ['/', '/index.html', '/sw.js', '/registerSW.js', '/manifest.webmanifest', '/icon-192.png', '/icon.svg', '/apple-touch-icon.png', '/robots.txt', '/assets/', '/workbox.js'];

describe('the server headers', () => {
  it("nginx's Content-Security-Policy is index.html's meta tag, directive for directive, plus frame-ancestors 'none'", () => {
    const meta = cspOfIndexHtml(INDEX_HTML);
    const nginx = addHeaders()['Content-Security-Policy']!;
    expect(directives(nginx)).toEqual([...directives(meta), FRAME_ANCESTORS]);
    expect(nginx).toBe(cspHeader(meta));
  });

  it('nginx sends exactly the headers vite preview sends (deploy/headers.ts), and each with "always" so errors carry them too', () => {
    const { 'Cache-Control': cache, ...rest } = addHeaders();
    expect(rest).toEqual(securityHeaders(cspOfIndexHtml(INDEX_HTML)));
    expect(cache).toBe('$tj_cache_control');
    expect(rest).toMatchObject({ 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' });
  });

  it('hashed files are kept a year (immutable) and the service worker, manifest, page and icons are revalidated, by nginx and preview alike', () => {
    for (const p of HASHED_PATHS) {
      expect(cacheControlFor(p), p).toBe(IMMUTABLE);
      expect(nginxCacheControl(p), p).toBe(IMMUTABLE);
    }
    for (const p of REVALIDATED_PATHS) {
      expect(cacheControlFor(p), p).toBe(REVALIDATE);
      expect(nginxCacheControl(p), p).toBe(REVALIDATE);
    }
  });

  it('nginx gives the manifest its MIME type and does not answer a missing file with the page', () => {
    expect(NGINX_CONF).toMatch(new RegExp(`location = /manifest\\.webmanifest \\{\\s*types \\{ \\}\\s*default_type ${MANIFEST_TYPE.replace('+', '\\+')};`));
    expect(NGINX_CONF).toMatch(/location \/ \{\s*try_files \$uri \$uri\/ =404;/);
    // no add_header inside a location: nginx would then drop every header of the server block there
    expect(NGINX_CONF).not.toMatch(/location[^{]*\{[^}]*add_header/);
  });

  it('a page without the meta tag is refused rather than served without a policy', () => {
    expect(() => cspOfIndexHtml('<html><head></head></html>')).toThrow(/no Content-Security-Policy/);
  });
});
