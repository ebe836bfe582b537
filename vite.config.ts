import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { headersForPath, parseHeadersFile, policyForMeta } from './build/headersFile.mjs';

// public/_headers is where the response headers, the Content-Security-Policy among them, are
// written; a static host sends them, and so do `vite preview` and the e2e server.
const hostHeaders = headersForPath(
  parseHeadersFile(readFileSync(fileURLToPath(new URL('./public/_headers', import.meta.url)), 'utf8')),
  '/',
);
const contentSecurityPolicy = hostHeaders['Content-Security-Policy'];
if (contentSecurityPolicy === undefined) throw new Error('public/_headers sets no Content-Security-Policy for /');

/**
 * The same policy as a <meta> in the built index.html, for hosts that ignore _headers (a <meta>
 * cannot forbid framing, so frame-ancestors stays in the header only). Build only: the dev server
 * injects inline scripts and style elements for hot reloading, which the policy forbids.
 */
function contentSecurityPolicyMeta(policy: string): Plugin {
  return {
    name: 'content-security-policy-meta',
    apply: 'build',
    transformIndexHtml: () => [
      // First in <head>: a policy applies only to what comes after it.
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: policyForMeta(policy) }, injectTo: 'head-prepend' },
    ],
  };
}

// Relative base so the built app works from any folder or static host (and offline, via the
// service worker that precaches every emitted asset).
export default defineConfig({
  base: './',
  plugins: [
    react(),
    contentSecurityPolicyMeta(contentSecurityPolicy),
    VitePWA({
      // Updates wait for the person. With skipWaiting, a new deploy's service worker took over the
      // open tabs at once and its precache cleanup deleted the old build's files, so their next lazy
      // import (the classifier, its worker, KaTeX) failed. Now the new version installs and waits,
      // the old worker keeps serving the open tabs their own build, and src/pwa/serviceWorker.ts
      // registers it and offers "Reload": only then does the new worker activate (the settings
      // survive in the URL). Tabs it claims at that moment have lost their chunks: their views say
      // so and offer a reload (ErrorBoundary). clientsClaim stays: a first visit has no old worker,
      // the new one activates at once and takes over the page, which is then offline-ready.
      registerType: 'prompt',
      injectRegister: false,
      workbox: {
        clientsClaim: true,
        skipWaiting: false,
        globPatterns: ['**/*.{js,css,html,svg,png,woff2,wasm,json}'],
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
      },
      manifest: {
        name: 'Imbalance Lab',
        short_name: 'Imbalance Lab',
        description: 'See why focal loss works: class-imbalance losses, live in the browser.',
        theme_color: '#1b1f24',
        background_color: '#ffffff',
        display: 'standalone',
        icons: [{ src: 'icon.svg', sizes: 'any', type: 'image/svg+xml' }],
      },
    }),
  ],
  build: { target: 'es2022', sourcemap: false },
  preview: { headers: hostHeaders },
  // ES-module workers can split: the webgl backend loads only when someone asks for it.
  worker: { format: 'es' },
});
