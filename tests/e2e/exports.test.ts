// Exports for slides and handouts: every chart as a stand-alone SVG and a 2× PNG, the metric
// history and the race's results as CSV, each downloaded through the page's "Export ▾" menu.
import { readFile, mkdir, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium, newPage } from './browser';
import type { LabPage, NewPageOptions } from './browser';
import { openClassifier, raceCell, stepCount, trainSteps } from './classifierPage';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
  await mkdir(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

const SHOTS = '/tmp/shots/';
/** The lesson's data and network: 1:100 blobs, 20 minority test examples. */
const lesson = 'view=classifier&shape=blobs&ratio=100&size=2000&noise=0.8&dataSeed=7&modelSeed=3&hiddenLayers=2&width=16';
const threeLanes = `${lesson}&race=${encodeURIComponent('ce;focal:gamma=2,alpha=0.5;balanced-ce:auto')}`;
/** imbalance-lab_<what>_<which>_<local time to the minute>.<ext> */
const fileNamed = (what: string, which: string, extension: string) =>
  new RegExp(`^imbalance-lab_${what}_${which.replace(/\+/g, '\\+')}_\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}\\.${extension}$`);

interface Exported {
  name: string;
  bytes: Buffer;
}

/** Opens the "Export ▾" menu in `scope` and downloads one format through it. */
async function exportFrom(page: Page, scope: Locator, kind: 'svg' | 'png' | 'csv'): Promise<Exported> {
  const menu = scope.getByTestId('export-menu');
  await menu.scrollIntoViewIfNeeded();
  await menu.locator('summary').click();
  const [download] = await Promise.all([page.waitForEvent('download'), menu.getByTestId(`export-${kind}`).click()]);
  return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
}

/** Width and height from a PNG's IHDR chunk (bytes 16–23, big-endian). */
function pngSize(bytes: Buffer) {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The exported SVG as the page sees it: parsed, loaded as an <img>, and what it holds. */
async function openSvg(page: Page, text: string) {
  return page.evaluate(async (svg) => {
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
    const image = new Image();
    image.src = url;
    await image.decode();
    URL.revokeObjectURL(url);
    const root = doc.documentElement;
    const curves = [...doc.querySelectorAll('path')].filter((p) => (p.getAttribute('d') ?? '').length > 10);
    return {
      parserError: doc.querySelector('parsererror')?.textContent ?? null,
      naturalWidth: image.naturalWidth,
      naturalHeight: image.naturalHeight,
      width: Number(root.getAttribute('width')),
      height: Number(root.getAttribute('height')),
      viewBox: root.getAttribute('viewBox'),
      background: root.querySelector(':scope > rect')?.getAttribute('fill') ?? null,
      title: root.querySelector(':scope > title')?.textContent ?? null,
      titleLines: [...doc.querySelectorAll('text.export-title')].map((t) => t.textContent ?? ''),
      texts: [...doc.querySelectorAll('text')].map((t) => t.textContent ?? ''),
      curves: curves.length,
      series: [...doc.querySelectorAll('path[data-series], path[data-loss]')].map((p) => p.getAttribute('data-series') ?? p.getAttribute('data-loss')),
      images: doc.querySelectorAll('image').length,
      styleAttributes: doc.querySelectorAll('[style]').length,
      axisFontSize: doc.querySelector('.axis text')?.getAttribute('font-size') ?? doc.querySelector('.axis')?.getAttribute('font-size') ?? null,
    };
  }, text);
}

/** SVG and PNG of the chart in `scope`: the SVG opens, stands alone and holds curves; the PNG is it at 2×. */
async function checkDrawing(page: Page, scope: Locator, what: string, which: string, title: string) {
  const svg = await exportFrom(page, scope, 'svg');
  expect(svg.name).toMatch(fileNamed(what, which, 'svg'));
  const opened = await openSvg(page, svg.bytes.toString('utf8'));
  expect(opened.parserError).toBeNull();
  expect(opened.naturalWidth).toBeGreaterThan(0);
  expect(opened.naturalWidth).toBe(opened.width);
  expect(opened.viewBox).toBe(`0 0 ${opened.width} ${opened.height}`);
  expect(opened.background).toBe('#ffffff');
  expect(opened.title).toBe(title);
  // Drawn above the chart, in lines no wider than it when the title is long.
  expect(opened.titleLines.join(' ')).toBe(title);
  expect(opened.curves).toBeGreaterThan(0);
  expect(opened.styleAttributes).toBe(0);
  const png = await exportFrom(page, scope, 'png');
  expect(png.name).toMatch(fileNamed(what, which, 'png'));
  expect(pngSize(png.bytes)).toEqual({ width: 2 * opened.width, height: 2 * opened.height });
  return { svg: opened, png };
}

/** A CSV as rows of cells (the exports quote nothing these tests read). */
const csvRows = (bytes: Buffer) =>
  bytes
    .toString('utf8')
    .trimEnd()
    .split('\r\n')
    .map((line) => line.split(','));

const column = (rows: string[][], name: string) => {
  const index = rows[0]?.indexOf(name) ?? -1;
  expect(index, `column ${name}`).toBeGreaterThanOrEqual(0);
  return rows.slice(1).map((row) => row[index] ?? '');
};

async function openCurves(query: string, options: NewPageOptions = {}): Promise<LabPage> {
  const lab = await newPage(browser, options);
  await lab.page.goto(new URL(query, inject('baseURL')).href);
  await lab.page.getByTestId('chart-loss-pt-svg').locator('path[data-loss]').first().waitFor();
  return lab;
}

describe('exports', () => {
  it('exports each curve chart as an SVG that stands alone and a PNG at 2×', async () => {
    const { page, errors, close } = await openCurves('./?losses=ce,focal&gamma=3');
    try {
      const charts: [string, string][] = [
        ['chart-loss-pt', 'loss-vs-pt'],
        ['chart-grad-pt', 'push-vs-pt'],
        ['chart-loss-logit', 'loss-vs-logit'],
        ['chart-grad-logit', 'push-vs-logit'],
      ];
      for (const [testId, what] of charts) {
        const chart = page.getByTestId(testId);
        const { svg } = await checkDrawing(page, chart, what, 'ce+focal', await captionOf(chart));
        expect(svg.series).toEqual(['ce', 'focal']);
        // The stylesheet's axis font, copied onto the file; the legend names both losses.
        expect(Number(svg.axisFontSize)).toBeGreaterThan(10);
        expect(svg.texts).toEqual(expect.arrayContaining(['Cross-entropy', 'Focal loss']));
      }
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('exports the classifier charts, its boundary map, and its metric history as CSV', async () => {
    const { page, errors, close } = await openClassifier(browser, `${lesson}&train=focal`);
    try {
      await trainSteps(page, 300);
      for (const [testId, what] of [
        ['chart-pr', 'pr-curve'],
        ['chart-roc', 'roc-curve'],
        ['chart-reliability', 'reliability'],
        ['chart-history', 'metric-history'],
      ] as const) {
        const chart = page.getByTestId(testId);
        const { svg, png } = await checkDrawing(page, chart, what, 'focal', await captionOf(chart));
        if (testId === 'chart-history') {
          expect(svg.series).toEqual(['loss-focal', 'recall', 'pr-auc']);
          await writeFile(`${SHOTS}exported-history.png`, png.bytes);
        }
      }

      const boundary = page.getByTestId('boundary');
      const map = await checkDrawing(page, boundary, 'boundary', 'focal', 'Decision boundary: probability of the minority class');
      expect(map.svg.images).toBe(1);
      await writeFile(`${SHOTS}exported-boundary.png`, map.png.bytes);
      const mapSize = await boundary.locator('canvas').first().evaluate((c) => c.getBoundingClientRect().width);
      expect(map.svg.width).toBeGreaterThanOrEqual(mapSize);

      const csv = await exportFrom(page, page.getByTestId('chart-history'), 'csv');
      expect(csv.name).toMatch(fileNamed('metric-history', 'focal', 'csv'));
      const rows = csvRows(csv.bytes);
      expect(rows[0]).toEqual(['step', 'loss_id', 'loss', 'recall', 'precision', 'pr_auc', 'ece', 'flips']);
      // One row per snapshot: the start and after each "+100 steps".
      expect(column(rows, 'step')).toEqual(['0', '100', '200', '300']);
      expect(column(rows, 'loss_id')).toEqual(['focal', 'focal', 'focal', 'focal']);
      expect(Number(column(rows, 'step').at(-1))).toBe(await stepCount(page));
      // Unrounded: the last recall is the page's own number, every digit of it.
      expect(column(rows, 'recall').at(-1)).toBe(await page.getByTestId('metric-recall').getAttribute('data-value'));
      for (const loss of column(rows, 'loss')) expect(Number.isFinite(Number(loss)) && loss.length > 6).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('exports a race: its results as one CSV row per lane, its history, its charts and maps', async () => {
    const { page, errors, close } = await openClassifier(browser, threeLanes, { width: 1920, height: 1080 });
    try {
      await trainSteps(page, 200);
      const which = 'ce+focal+balanced-ce';
      const results = await exportFrom(page, page.locator('[data-testid="race-results"] + .export-menu'), 'csv');
      expect(results.name).toMatch(fileNamed('race-results', which, 'csv'));
      const rows = csvRows(results.bytes);
      expect(rows[0]?.slice(0, 6)).toEqual(['lane', 'loss', 'params', 'class_weighting', 'class_weighting_beta', 'threshold']);
      expect(column(rows, 'lane')).toEqual(['1', '2', '3']);
      expect(column(rows, 'loss')).toEqual(['ce', 'focal', 'balanced-ce']);
      expect(column(rows, 'params')[1]).toMatch(/^gamma=2;alpha=0\.5$|alpha=0\.5;gamma=2/);
      const recalls = column(rows, 'recall').map(Number);
      const tp = column(rows, 'tp').map(Number);
      const fn = column(rows, 'fn').map(Number);
      for (let k = 0; k < 3; k++) {
        expect(recalls[k]).toBeCloseTo(await raceCell(page, 'recall', k + 1) ?? Number.NaN, 3);
        expect(recalls[k]).toBe((tp[k] ?? 0) / ((tp[k] ?? 0) + (fn[k] ?? 0)));
      }

      const history = await exportFrom(page, page.getByTestId('race-time-recall'), 'csv');
      expect(history.name).toMatch(fileNamed('race-history', which, 'csv'));
      const historyRows = csvRows(history.bytes);
      expect(historyRows[0]?.slice(0, 4)).toEqual(['step', 'lane1_loss_id', 'lane1_loss', 'lane1_recall']);
      expect(column(historyRows, 'step')).toEqual(['0', '100', '200']);
      expect(column(historyRows, 'lane3_loss_id').at(-1)).toBe('balanced-ce');
      const latest = await page.getByTestId('race-latest-recall-2').getAttribute('data-value');
      expect(column(historyRows, 'lane2_recall').at(-1)).toBe(latest);

      const pr = await checkDrawing(page, page.getByTestId('race-pr'), 'race-pr-curve', which, await captionOf(page.getByTestId('race-pr')));
      expect(pr.svg.series).toEqual(['lane-1', 'lane-2', 'lane-3']);
      expect(pr.svg.texts.some((text) => text.startsWith('Lane 2 Focal loss'))).toBe(true);
      await writeFile(`${SHOTS}exported-race-pr.png`, pr.png.bytes);
      await checkDrawing(page, page.getByTestId('race-time-loss'), 'race-loss', which, await captionOf(page.getByTestId('race-time-loss')));
      const share = page.getByTestId('race-cdf-positives');
      await checkDrawing(page, share, 'race-loss-share-positives', which, await captionOf(share));
      const lane = page.getByTestId('race-boundary-2');
      const map = await checkDrawing(page, lane, 'boundary', 'lane-2-focal', `Decision boundary: probability of the minority class — ${await captionOf(lane)}`);
      expect(map.svg.images).toBe(1);
      // The long title wraps instead of widening the file: the map and its margins.
      const laneMap = await lane.locator('canvas').first().evaluate((c) => c.getBoundingClientRect().width);
      expect(map.svg.titleLines.length).toBeGreaterThan(1);
      expect(map.svg.width).toBeLessThanOrEqual(Math.ceil(Math.max(laneMap, 320) + 32));
      await writeFile(`${SHOTS}exported-race-boundary-2.png`, map.png.bytes);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('shows the export menu in English and Chinese at 1920×1080', async () => {
    for (const lang of ['en-US', 'zh-CN']) {
      const curves = await openCurves('./?losses=ce,focal', { width: 1920, height: 1080, lang });
      try {
        const chart = curves.page.getByTestId('chart-loss-pt');
        await chart.getByTestId('export-menu').locator('summary').click();
        await expect.poll(() => chart.getByTestId('export-png').isVisible()).toBe(true);
        await curves.page.screenshot({ path: `${SHOTS}export-curves-${lang}.png` });
        await curves.page.keyboard.press('Escape');
        const exported = await exportFrom(curves.page, chart, 'png');
        await writeFile(`${SHOTS}exported-loss-vs-pt-${lang}.png`, exported.bytes);
        await chart.getByTestId('export-menu').locator('summary').click();
        await expect.poll(() => chart.getByTestId('export-png').isVisible()).toBe(true);
        // Escape closes the menu and gives the focus back to it.
        await curves.page.keyboard.press('Escape');
        await expect.poll(() => chart.getByTestId('export-png').isVisible()).toBe(false);
        expect(curves.errors).toEqual([]);
      } finally {
        await curves.close();
      }
      const classifier = await openClassifier(browser, `${lesson}&train=focal`, { width: 1920, height: 1080, lang });
      try {
        await trainSteps(classifier.page, 100);
        const history = classifier.page.getByTestId('chart-history');
        await history.getByTestId('export-menu').locator('summary').click();
        await history.scrollIntoViewIfNeeded();
        await classifier.page.screenshot({ path: `${SHOTS}export-classifier-${lang}.png` });
        // A click elsewhere closes it.
        await classifier.page.mouse.click(5, 5);
        await expect.poll(() => history.getByTestId('export-csv').isVisible()).toBe(false);
        expect(classifier.errors).toEqual([]);
      } finally {
        await classifier.close();
      }
    }
  });
});

/** A chart's caption as plain text (a race lane's: its name), as the exported file's title repeats it. */
async function captionOf(chart: Locator) {
  return ((await chart.locator('figcaption').textContent()) ?? '').replace(/\s+/g, ' ').trim();
}
