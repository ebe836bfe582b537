import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The benchmark page (bench/page): the training loops side by side in Web Workers, plus the
// boundary map's paint. Built by bench/run.mjs into dist-bench/ and served like dist/. No React,
// no PWA: only what the measurements load. The wasm binaries come in through `?url` imports, so
// Vite fingerprints and emits them next to the workers that fetch them.
const root = fileURLToPath(new URL('./bench/page', import.meta.url));

export default defineConfig({
  root,
  base: './',
  // The page imports the app's own modules from src/; nothing comes from public/.
  publicDir: false,
  worker: { format: 'es' },
  build: {
    outDir: fileURLToPath(new URL('./dist-bench', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
  },
});
