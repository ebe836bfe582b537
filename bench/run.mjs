// Benchmarks for the built app (run `npm run build` first): bundle size; how fast the curves
// follow the γ slider; the classifier view while it trains (longest task, threshold slider); and,
// on the bench page (bench/page, built here with vite.bench.config.ts), training steps/s of the
// app's worker next to a bare tfjs loop and a plain-TypeScript yardstick, grid predict + paint and
// tensor growth. All in headless Chromium. Prints a table and writes bench/results.json as
// [{ name, value, unit, target }], target being a string like "≤ 8", "= 0" or null.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, posix, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { assertBuilt, DIST_DIR, serveStatic } from '../tests/e2e/staticServer.mjs';
import { launchChromium } from '../tests/e2e/chromium.mjs';
import { classifierRows } from './classifierBench.mjs';
import { ms, openPage, quantile, sliderRun } from './measure.mjs';
import { buildBenchPage, removeBenchPage, trainingRows } from './trainingBench.mjs';

const RESULTS = fileURLToPath(new URL('./results.json', import.meta.url));
const WARM_UP_MOVES = 20;
const MEASURED_MOVES = 200;

/** @typedef {import('./measure.mjs').Row} Row */

// ---------------------------------------------------------------------------------------------
// Bundle size

/** @param {string} dir @returns {string[]} paths relative to dist/, with forward slashes */
function listFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(DIST_DIR, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

/** @param {string[]} files @returns {{ raw: number, gzip: number }} bytes */
function sizes(files) {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = readFileSync(join(DIST_DIR, file));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gzip };
}

// The PWA service worker and its registration script (workbox-window, loaded after the page) are
// not needed to use the app.
const isServiceWorker = (/** @type {string} */ file) =>
  /^(sw|registerSW)\.js$|^workbox-[\w-]+\.js$|^assets\/workbox-window\.[\w.-]+\.js$/.test(file);

/** Resolves a URL from index.html or a chunk to a dist/-relative path (null if external). */
function toDistPath(/** @type {string} */ url, /** @type {string} */ fromFile) {
  if (/^[a-z]+:|^\/\//i.test(url)) return null;
  const clean = url.split(/[?#]/)[0] ?? '';
  const joined = clean.startsWith('/') ? clean.slice(1) : posix.join(posix.dirname(fromFile), clean);
  return posix.normalize(joined);
}

/** @param {string} tag @returns {Map<string, string>} attribute name → value */
function attributes(tag) {
  const map = new Map();
  for (const m of tag.matchAll(/([\w:-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)) {
    map.set((m[1] ?? '').toLowerCase(), m[2] ?? m[3] ?? m[4] ?? '');
  }
  return map;
}

/**
 * The JS a visitor must download before the explorer is interactive: module scripts and
 * modulepreload links in index.html, plus (in case a preload link is missing) every chunk they
 * import statically. Dynamic import() chunks and workers are left out: they load later.
 */
function initialFiles() {
  const html = readFileSync(join(DIST_DIR, 'index.html'), 'utf8');
  const js = new Set();
  const css = new Set();
  for (const [tag] of html.matchAll(/<(?:script|link)\b[^>]*>/gi)) {
    const a = attributes(tag.replace(/^<\w+|\/?>$/g, ''));
    const isScript = /^<script/i.test(tag);
    const url = isScript ? a.get('src') : a.get('href');
    const file = url ? toDistPath(url, 'index.html') : null;
    if (!file || isServiceWorker(file)) continue;
    if (isScript && a.get('type') === 'module') js.add(file);
    else if (!isScript && a.get('rel') === 'modulepreload') js.add(file);
    else if (!isScript && a.get('rel') === 'stylesheet') css.add(file);
  }
  // Static imports in minified output look like `import{a as b}from"./x.js"` or `import"./x.js"`.
  const queue = [...js];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    const code = readFileSync(join(DIST_DIR, file), 'utf8');
    for (const m of code.matchAll(/(?:^|[\s;{}])(?:import|export)\s*(?:[\w$*{},\s]*?from\s*)?["']([^"']+\.m?js)["']/g)) {
      const dep = toDistPath(m[1] ?? '', file);
      if (dep && !js.has(dep)) {
        js.add(dep);
        queue.push(dep);
      }
    }
  }
  return { js: [...js], css: [...css] };
}

/** @returns {Row[]} */
function bundleRows() {
  const kB = (/** @type {number} */ bytes) => Math.round(bytes / 100) / 10; // kB = 1000 B, like Vite
  const files = listFiles(DIST_DIR);
  const assets = files.filter((f) => /\.(m?js|css)$/.test(f) && !isServiceWorker(f));
  const serviceWorker = files.filter(isServiceWorker);
  const wasm = files.filter((f) => f.endsWith('.wasm'));
  const initial = initialFiles();
  const all = sizes(assets);
  const initialJs = sizes(initial.js);
  const initialCss = sizes(initial.css);
  console.log(`initial JS: ${initial.js.join(', ') || '(none)'}`);
  /** @type {Row[]} */
  const rows = [
    { name: 'bundle JS+CSS total raw', value: kB(all.raw), unit: 'kB', target: null },
    { name: 'bundle JS+CSS total gzip', value: kB(all.gzip), unit: 'kB', target: null },
    { name: 'initial JS raw', value: kB(initialJs.raw), unit: 'kB', target: null },
    { name: 'initial JS gzip', value: kB(initialJs.gzip), unit: 'kB', target: '≤ 150' },
    { name: 'initial CSS gzip', value: kB(initialCss.gzip), unit: 'kB', target: null },
  ];
  if (wasm.length > 0) rows.push({ name: 'wasm raw', value: kB(sizes(wasm).raw), unit: 'kB', target: null });
  if (serviceWorker.length > 0) {
    console.log(`service worker: ${serviceWorker.join(', ')}`);
    rows.push({ name: 'service worker JS gzip', value: kB(sizes(serviceWorker).gzip), unit: 'kB', target: null });
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Slider-to-paint latency on the curve explorer (the classifier view: classifierBench.mjs)

/** @param {string} baseURL @returns {Promise<Row[]>} */
async function sliderRows(baseURL) {
  const browser = await launchChromium();
  try {
    const { page, errors } = await openPage(browser);
    await page.goto(baseURL, { waitUntil: 'networkidle' });
    // Every loss the app lists, read from its own picker: the bench keeps no list of its own.
    for (const box of await page.locator('.loss-picker input[type="checkbox"]').all()) await box.check();
    await page.locator('input[data-testid="slider-focal.gamma"]').waitFor({ state: 'visible' });
    await page.locator('path[data-loss]').first().waitFor({ state: 'attached' });
    await page.waitForTimeout(500); // let start-up work (fonts, deferred formulas) finish
    const { latencies, longTasks, unchanged } = await page.evaluate(sliderRun, {
      slider: 'input[data-testid="slider-focal.gamma"]',
      watch: { selector: 'path[data-loss]', attribute: 'd' },
      warmUp: WARM_UP_MOVES,
      moves: MEASURED_MOVES,
    });
    console.log(`slider: ${latencies.length} moves measured after ${WARM_UP_MOVES} warm-up moves, ${(await page.locator('path[data-loss]').count())} curves`);
    if (unchanged > 0) console.warn(`warning: ${unchanged} moves did not change the curves within 30 frames`);
    if (errors.length > 0) console.warn(`warning: the page logged errors:\n  ${errors.join('\n  ')}`);
    return [
      { name: 'curves slider-to-paint median', value: ms(quantile(latencies, 0.5)), unit: 'ms', target: null },
      { name: 'curves slider-to-paint p95', value: ms(quantile(latencies, 0.95)), unit: 'ms', target: '≤ 8' },
      { name: 'curves slider long tasks', value: longTasks.length, unit: 'count', target: null },
      { name: 'curves slider longest task', value: ms(Math.max(0, ...longTasks)), unit: 'ms', target: null },
    ];
  } finally {
    await browser.close();
  }
}

// ---------------------------------------------------------------------------------------------

/** Prints the rows as an aligned table, with a verdict where there is a target. */
function printTable(/** @type {Row[]} */ rows) {
  const meets = (/** @type {Row} */ r) => {
    const m = /^([≤≥=])\s*([\d.]+)$/.exec(r.target ?? '');
    if (!m) return '';
    const limit = Number(m[2]);
    const met = m[1] === '≤' ? r.value <= limit : m[1] === '≥' ? r.value >= limit : r.value === limit;
    return met ? 'ok' : 'MISSED';
  };
  const decimals = { kB: 1, ms: 2, '%': 1 };
  const shown = (/** @type {Row} */ r) => r.value.toFixed(decimals[/** @type {keyof typeof decimals} */ (r.unit)] ?? 0);
  const cells = [['metric', 'value', 'unit', 'target', 'met'], ...rows.map((r) => [r.name, shown(r), r.unit, r.target ?? '', meets(r)])];
  const widths = cells[0]?.map((_, c) => Math.max(...cells.map((row) => (row[c] ?? '').length))) ?? [];
  const line = (/** @type {string[]} */ row) =>
    row.map((cell, c) => (c === 1 ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0))).join('  ').trimEnd();
  console.log(['', line(cells[0] ?? []), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line), ''].join('\n'));
}

assertBuilt();
// Timings on a 2-core machine move with whatever else runs: say so next to the figures.
const [load = 0] = loadavg();
console.log(`load average ${load.toFixed(2)} on ${cpus().length} cores${load > cpus().length / 2 ? ' (busy machine: timings will be noisy)' : ''}`);
const rows = bundleRows();
const server = await serveStatic();
try {
  rows.push(...(await sliderRows(server.url)));
  rows.push(...(await classifierRows(server.url)));
} finally {
  await server.close();
}
await buildBenchPage();
try {
  rows.push(...(await trainingRows()));
} finally {
  removeBenchPage();
}
const [loadAfter = 0] = loadavg();
console.log(`load average ${loadAfter.toFixed(2)} at the end`);
printTable(rows);
writeFileSync(RESULTS, `${JSON.stringify(rows, null, 2)}\n`);
console.log(`wrote ${relative(process.cwd(), RESULTS) || RESULTS}`);
