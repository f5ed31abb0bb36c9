/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { readFileSync } from 'node:fs';
import { cacheControlFor, cspOfIndexHtml, MANIFEST_TYPE, securityHeaders } from './deploy/headers';

/**
 * index.html carries a strict Content-Security-Policy (no inline script). The dev server's React
 * refresh preamble is an inline script, so the meta tag is dropped while serving in dev only;
 * every build keeps it.
 */
const cspOnlyInBuild: Plugin = {
  name: 'csp-only-in-build',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\s*/, ''),
};

/**
 * `vite preview` (which the end-to-end tests run against) sends the headers a production server
 * must send (deploy/headers.ts, the same as deploy/nginx.conf): the CSP as a header with
 * frame-ancestors, nosniff, no-referrer, and cache headers by file. Set before Vite's static file
 * server runs, which keeps headers already set.
 */
const productionHeadersInPreview: Plugin = {
  name: 'production-headers-in-preview',
  configurePreviewServer(server) {
    const headers = securityHeaders(cspOfIndexHtml(readFileSync(new URL('./index.html', import.meta.url), 'utf8')));
    server.middlewares.use((req, res, next) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
      res.setHeader('Cache-Control', cacheControlFor(path));
      if (path.endsWith('.webmanifest')) res.setHeader('Content-Type', MANIFEST_TYPE);
      next();
    });
  },
};

export default defineConfig({
  plugins: [
    react(),
    cspOnlyInBuild,
    productionHeadersInPreview,
    VitePWA({
      strategies: 'generateSW',
      registerType: 'prompt',
      // registered from src/pwa/register.ts (no inline script)
      injectRegister: false,
      includeAssets: ['icon.svg', 'robots.txt', 'apple-touch-icon.png'],
      manifest: {
        id: '/',
        name: '天津残疾人两项补贴自查',
        short_name: '两项补贴自查',
        description: '天津市困难残疾人生活补贴和重度残疾人护理补贴自查工具：看能领哪项补贴、每月多少、为什么，以及告知期限。离线可用，数据只保存在本设备上。',
        lang: 'zh-CN',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        theme_color: '#0b5394',
        background_color: '#ffffff',
        categories: ['government', 'utilities'],
        icons: [
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icon-maskable-192.png', sizes: '192x192', type: 'image/png', purpose: 'maskable' },
          { src: '/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // everything the app can load: every JS chunk (lazy screens, the roster worker), CSS, HTML, icons
        globPatterns: ['**/*.{js,mjs,css,html,svg,png,ico,webmanifest,json,txt,woff2}'],
        maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
        cleanupOutdatedCaches: true,
        navigateFallback: 'index.html',
        // an update waits until the user chooses to reload; the first install takes control at once
        // (clientsClaim runs on activation, which for an update only happens after that choice)
        skipWaiting: false,
        clientsClaim: true,
      },
      devOptions: { enabled: false },
    }),
  ],
  build: { target: 'es2022', reportCompressedSize: true, sourcemap: false },
  worker: { format: 'es' },
  test: {
    include: ['test/**/*.test.{ts,tsx}', 'src/**/*.test.{ts,tsx}'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    setupFiles: ['test/setup.ts'],
  },
});
