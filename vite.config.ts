import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

// Relative base so the built app works from any folder or static host (and offline, via the
// service worker that precaches every emitted asset).
export default defineConfig({
  base: './',
  plugins: [
    react(),
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: 'script-defer',
      workbox: {
        // Take over the page that installed it, so the first visit is already offline-ready.
        clientsClaim: true,
        skipWaiting: true,
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
  // ES-module workers can split: the webgl backend loads only when someone asks for it.
  worker: { format: 'es' },
});
