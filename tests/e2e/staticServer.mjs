// Tiny static file server for the built app, shared by the e2e globalSetup (serve.ts) and the
// benchmark (bench/run.mjs). Plain node:http rather than `vite preview` so that neither needs to
// load vite.config.ts (and its plugins): we test exactly the files a static host would serve, with
// the headers a static host would send (the served folder's `_headers`, i.e. public/_headers, which
// carries the Content-Security-Policy).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { headersForPath, parseHeadersFile } from '../../build/headersFile.mjs';

/** The repo's dist/ folder, wherever the caller runs from. */
export const DIST_DIR = resolve(fileURLToPath(new URL('../../dist', import.meta.url)));

// Browsers refuse module scripts, wasm streaming compilation and manifests served with the wrong type.
const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

/** Throws a clear message when the app has not been built. */
export function assertBuilt(root = DIST_DIR) {
  if (!existsSync(join(root, 'index.html'))) {
    throw new Error(`${join(root, 'index.html')} is missing: run npm run build first`);
  }
}

const HEADERS_FILE = '_headers';

/**
 * Serves `root` on 127.0.0.1 on a free port, with the headers of `root`/_headers when it has one.
 * @param {string} [root]
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function serveStatic(root = DIST_DIR) {
  assertBuilt(root);
  const base = resolve(root);
  const headerRules = existsSync(join(base, HEADERS_FILE)) ? parseHeadersFile(readFileSync(join(base, HEADERS_FILE), 'utf8')) : [];
  const server = createServer((req, res) => {
    void (async () => {
      try {
        const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
        let file = resolve(join(base, pathname));
        // Refuse anything that escapes the served folder (e.g. /../package.json).
        if (file !== base && !file.startsWith(base + sep)) {
          res.writeHead(403).end();
          return;
        }
        // Static hosts read the headers file; they do not publish it.
        if (file === join(base, HEADERS_FILE)) {
          res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
          return;
        }
        if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
        const body = await readFile(file);
        res.writeHead(200, {
          ...headersForPath(headerRules, pathname),
          'Content-Type': MIME[/** @type {keyof typeof MIME} */ (extname(file).toLowerCase())] ?? 'application/octet-stream',
          'Content-Length': body.length,
          // Every run must see the freshly built files, never a cached copy.
          'Cache-Control': 'no-store',
        });
        res.end(req.method === 'HEAD' ? undefined : body);
      } catch {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
      }
    })();
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok(undefined));
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no TCP address');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: () =>
      new Promise((ok) => {
        // Keep-alive sockets from the browser would otherwise hold close() open.
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
