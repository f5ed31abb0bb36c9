/**
 * deploy/nginx.conf run by a real nginx (Debian's, `apt-get install nginx-light`) on the loopback
 * interface with a self-signed certificate, serving a small stand-in for dist/. Skipped when nginx
 * or openssl is not installed (CI does not install them; test/deploy/headers.test.ts always runs).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMMUTABLE, MANIFEST_TYPE, REVALIDATE, securityHeaders, cspOfIndexHtml } from '../../deploy/headers';
import { INDEX_HTML, NGINX_CONF } from './nginx-conf';

const which = (cmd: string) => ['/usr/sbin', '/usr/bin', '/sbin', '/bin', '/usr/local/sbin', '/usr/local/bin'].map((d) => join(d, cmd)).find(existsSync);
const NGINX = which('nginx');
const OPENSSL = which('openssl');
const MIME_TYPES = '/etc/nginx/mime.types';
const available = !!NGINX && !!OPENSSL && existsSync(MIME_TYPES);

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

function get(port: number, path: string, tls = true): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = (tls ? httpsRequest : httpRequest)(
      { host: '127.0.0.1', port, path, headers: { host: 'subsidies.example.internal' }, rejectUnauthorized: false, servername: 'subsidies.example.internal' },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe.skipIf(!available)('deploy/nginx.conf in a real nginx', { timeout: 60_000 }, () => {
  let dir = '';
  let https = 0;
  let http = 0;
  let nginx: ChildProcess | undefined;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tj-nginx-'));
    https = await freePort();
    http = await freePort();
    // a stand-in for dist/, with names as the build gives them
    const root = join(dir, 'dist');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), INDEX_HTML);
    writeFileSync(join(root, 'sw.js'), 'self.addEventListener("install", () => {});\n');
    writeFileSync(join(root, 'workbox-9c191d2f.js'), '// workbox\n');
    writeFileSync(join(root, 'manifest.webmanifest'), '{"name":"天津残疾人两项补贴自查"}\n');
    writeFileSync(join(root, 'assets', 'index-CLQGdj2K.js'), 'console.log(1);\n');
    writeFileSync(join(root, 'icon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>\n');
    execFileSync(OPENSSL!, ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=subsidies.example.internal', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
    // the configuration as given, with only the lines marked CHANGE, the root and the ports made local
    const site = NGINX_CONF.replace(/listen 80;/, `listen 127.0.0.1:${http};`)
      .replace(/listen 443 ssl;/, `listen 127.0.0.1:${https} ssl;`)
      .replace(/\n\s*listen \[::\]:\d+( ssl)?;/g, '')
      .replace(/ssl_certificate\s+\S+;/, `ssl_certificate ${join(dir, 'cert.pem')};`)
      .replace(/ssl_certificate_key\s+\S+;/, `ssl_certificate_key ${join(dir, 'key.pem')};`)
      .replace(/root \S+;/, `root ${root};`);
    expect(site).not.toContain('/etc/ssl/tj-subsidies');
    const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `${t}_temp_path ${join(dir, t)};`).join(' ');
    writeFileSync(join(dir, 'nginx.conf'), `worker_processes 1;\nerror_log ${join(dir, 'error.log')};\npid ${join(dir, 'nginx.pid')};\nevents {}\nhttp {\ninclude ${MIME_TYPES};\ndefault_type application/octet-stream;\naccess_log off;\n${temp}\n${site}\n}\n`);
    // nginx's workers may run as another user: let them read the stand-in
    chmodSync(dir, 0o755);
    execFileSync(NGINX!, ['-t', '-q', '-p', dir, '-e', join(dir, 'error.log'), '-c', join(dir, 'nginx.conf')]);
    nginx = spawn(NGINX!, ['-p', dir, '-e', join(dir, 'error.log'), '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'], { stdio: 'ignore' });
    for (let i = 0; i < 100; i++) {
      try {
        await get(https, '/');
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    throw new Error(`nginx did not start: ${existsSync(join(dir, 'error.log')) ? readFileSync(join(dir, 'error.log'), 'utf8') : ''}`);
  }, 60_000);

  afterAll(async () => {
    if (nginx && nginx.exitCode === null) {
      const gone = new Promise((r) => nginx!.once('exit', r));
      nginx.kill('SIGQUIT');
      await gone;
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const expected = securityHeaders(cspOfIndexHtml(INDEX_HTML));
  const expectSecurityHeaders = (r: Reply) => {
    for (const [name, value] of Object.entries(expected)) expect(r.headers[name.toLowerCase()], name).toBe(value);
  };

  it('serves the page over HTTPS with the CSP (meta tag + frame-ancestors), nosniff, no-referrer, and revalidation', async () => {
    const r = await get(https, '/');
    expect(r.status).toBe(200);
    expect(r.body).toBe(INDEX_HTML);
    expectSecurityHeaders(r);
    expect(r.headers['content-security-policy']).toMatch(/; frame-ancestors 'none'$/);
    expect(r.headers['cache-control']).toBe(REVALIDATE);
    expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
  });

  it('has the service worker and the manifest revalidated on every load, the manifest as application/manifest+json', async () => {
    const sw = await get(https, '/sw.js');
    expect(sw.status).toBe(200);
    expect(sw.headers['cache-control']).toBe(REVALIDATE);
    expect(sw.headers['content-type']).toMatch(/^application\/javascript/);
    expectSecurityHeaders(sw);
    const manifest = await get(https, '/manifest.webmanifest');
    expect(manifest.status).toBe(200);
    expect(manifest.headers['content-type']).toMatch(new RegExp(`^${MANIFEST_TYPE.replace('+', '\\+')}`));
    expect(manifest.headers['cache-control']).toBe(REVALIDATE);
    expectSecurityHeaders(manifest);
  });

  it('lets browsers keep hashed files for a year', async () => {
    for (const p of ['/assets/index-CLQGdj2K.js', '/workbox-9c191d2f.js']) {
      const r = await get(https, p);
      expect(r.status, p).toBe(200);
      expect(r.headers['cache-control'], p).toBe(IMMUTABLE);
      expectSecurityHeaders(r);
    }
    expect((await get(https, '/icon.svg')).headers['cache-control']).toBe(REVALIDATE);
  });

  it('answers a missing script with 404 (not the page), still with the headers', async () => {
    const r = await get(https, '/assets/gone-AAAAAAAA.js');
    expect(r.status).toBe(404);
    expectSecurityHeaders(r);
  });

  it('redirects plain HTTP to HTTPS', async () => {
    const r = await get(http, '/index.html?from=bookmark', false);
    expect(r.status).toBe(301);
    expect(r.headers.location).toBe('https://subsidies.example.internal/index.html?from=bookmark');
  });
});
