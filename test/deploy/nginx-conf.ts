/** Reads the parts of deploy/nginx.conf that the tests compare with deploy/headers.ts. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
export const NGINX_CONF = readFileSync(join(ROOT, 'deploy', 'nginx.conf'), 'utf8');
export const INDEX_HTML = readFileSync(join(ROOT, 'index.html'), 'utf8');

/** Lines without comments. */
const lines = (conf: string) => conf.split('\n').map((l) => l.replace(/(^|\s)#.*$/, '').trim()).filter(Boolean);

/** `add_header NAME VALUE always;` lines of the server block, by name (values unquoted). */
export function addHeaders(conf = NGINX_CONF): Record<string, string> {
  const out: Record<string, string> = {};
  for (const l of lines(conf)) {
    const m = /^add_header\s+(\S+)\s+(?:"([^"]*)"|(\S+))\s+always;$/.exec(l);
    if (m) out[m[1]!] = m[2] ?? m[3]!;
    else if (l.startsWith('add_header')) throw new Error(`add_header without "always" or not understood: ${l}`);
  }
  return out;
}

/** The `map $uri $tj_cache_control` entries: a default and [regex, value] pairs, in order. */
export function cacheMap(conf = NGINX_CONF): { fallback: string; rules: [RegExp, string][] } {
  const block = /map \$uri \$tj_cache_control \{\n([\s\S]*?)\n\}/.exec(conf);
  if (!block) throw new Error('no map $uri $tj_cache_control');
  let fallback = '';
  const rules: [RegExp, string][] = [];
  for (const l of lines(block[1]!)) {
    const m = /^(default|"~([^"]+)")\s+"([^"]*)";$/.exec(l);
    if (!m) throw new Error(`map line not understood: ${l}`);
    if (m[1] === 'default') fallback = m[3]!;
    else rules.push([new RegExp(m[2]!), m[3]!]);
  }
  return { fallback, rules };
}

export function nginxCacheControl(path: string, conf = NGINX_CONF): string {
  const { fallback, rules } = cacheMap(conf);
  return rules.find(([re]) => re.test(path))?.[1] ?? fallback;
}
