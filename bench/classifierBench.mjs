// The classifier view of the built app while it trains, with one network and with a four-lane
// race: the longest main-thread task, and how fast the threshold slider repaints, with the real
// worker posting snapshots all the while.
import { launchChromium } from '../tests/e2e/chromium.mjs';
import { ms, openPage, quantile, sliderRun } from './measure.mjs';

/** @typedef {import('./measure.mjs').Row} Row */

/** The issue's workload, as a shared link: blobs 1 : 10, 2,000 points, seed 1; 2→16→16→1 tanh; Adam 0.01; focal γ 2 α 0.25. */
const SETTINGS = new URLSearchParams({
  view: 'classifier',
  shape: 'blobs',
  ratio: '10',
  size: '2000',
  noise: '0.3',
  dataSeed: '1',
  hiddenLayers: '2',
  width: '16',
  activation: 'tanh',
  optimizer: 'adam',
  learningRate: '0.01',
  batchSize: '256',
  train: 'focal',
  gamma: '2',
  alpha: '0.25',
  backend: 'wasm',
});
/** The race on the same workload: the lesson's comparison (cross-entropy, focal, α-CE, DWB). */
const RACE = 'ce;focal:alpha=0.25;balanced-ce:auto;dwb';
const TRAINING_MS = 5000;
const WARM_UP_MOVES = 10;
const MEASURED_MOVES = 100;

/** @param {string} baseURL @returns {Promise<Row[]>} */
export async function classifierRows(baseURL) {
  const single = await viewRows(baseURL, SETTINGS, 'classifier');
  const race = await viewRows(baseURL, new URLSearchParams({ ...Object.fromEntries(SETTINGS), race: RACE }), 'race');
  // The largest case a class meets: 20,000 points at 1 : 1000, every one drawn and evaluated.
  const large = await viewRows(baseURL, new URLSearchParams({ ...Object.fromEntries(SETTINGS), size: '20000', ratio: '1000', noise: '0.8' }), 'classifier 20k 1:1000');
  return [...single, ...race, ...large.filter((row) => /long tasks|longest task$/.test(row.name))];
}

/**
 * @param {string} baseURL
 * @param {URLSearchParams} settings
 * @param {string} view names the rows
 * @returns {Promise<Row[]>}
 */
async function viewRows(baseURL, settings, view) {
  const browser = await launchChromium();
  try {
    const { page, errors } = await openPage(browser);
    await page.goto(`${baseURL}?${settings}`, { waitUntil: 'networkidle' });
    await page.locator('[data-testid="play"]:not([disabled])').waitFor({ state: 'visible', timeout: 30_000 });
    await page.locator('input[data-testid="slider-threshold"]').waitFor({ state: 'visible' });
    await page.waitForTimeout(500); // let start-up work (the first snapshot, fonts) finish
    const backend = await page.locator('[data-testid="backend-in-use"]').textContent();
    const ratio = await page.locator('output[data-testid="value-ratio"]').first().textContent().catch(() => '?');
    const boundary = await page.locator('[data-testid="boundary"] canvas, [data-testid="race-boundary-1"] canvas').first().boundingBox();

    // Long tasks and frame gaps from before the click until TRAINING_MS after it.
    await page.evaluate(() => {
      const probe = { longTasks: /** @type {number[]} */ ([]), frames: 0, longestFrame: 0, stop: false };
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) probe.longTasks.push(entry.duration);
      }).observe({ type: 'longtask' });
      let last = performance.now();
      const tick = (/** @type {number} */ now) => {
        probe.frames++;
        probe.longestFrame = Math.max(probe.longestFrame, now - last);
        last = now;
        if (!probe.stop) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      Object.assign(window, { benchProbe: probe });
    });
    const stepAt = async () => Number(await page.locator('[data-testid="step-count"]').getAttribute('data-value'));
    const firstStep = await stepAt();
    const started = Date.now();
    await page.locator('[data-testid="play"]').click();
    await page.waitForTimeout(TRAINING_MS);
    const trained = { steps: (await stepAt()) - firstStep, seconds: (Date.now() - started) / 1000 };
    const probe = await page.evaluate(async () => {
      const p = /** @type {{ longTasks: number[], frames: number, longestFrame: number, stop: boolean }} */ (
        /** @type {unknown} */ (Reflect.get(window, 'benchProbe'))
      );
      await new Promise((resolve) => setTimeout(resolve, 100)); // let the observer deliver the last entries
      p.stop = true;
      return p;
    });
    if (trained.steps <= 0) throw new Error('the classifier did not train after a click on play');
    const running = await page.locator('[data-testid="pause"]').isVisible();
    if (!running) throw new Error('training stopped before the slider test');

    const slider = await page.evaluate(sliderRun, {
      slider: 'input[data-testid="slider-threshold"]',
      watch: { selector: 'output[data-testid="value-threshold"]', attribute: null },
      warmUp: WARM_UP_MOVES,
      moves: MEASURED_MOVES,
    });
    const stillRunning = await page.locator('[data-testid="pause"]').isVisible();
    await page.locator('[data-testid="pause"]').click().catch(() => undefined);

    console.log(
      `${view}: ${backend?.trim()}, ratio ${ratio?.trim()}, boundary ${boundary ? `${Math.round(boundary.width)} px` : 'not found'}; ` +
        `${trained.steps} steps in ${trained.seconds.toFixed(1)} s while the page showed ${probe.frames} frames (longest ${Math.round(probe.longestFrame)} ms)`,
    );
    console.log(`threshold slider: ${slider.latencies.length} moves measured after ${WARM_UP_MOVES} warm-up moves, training ${stillRunning ? 'still running' : 'STOPPED'} at the end`);
    if (slider.unchanged > 0) console.warn(`warning: ${slider.unchanged} moves did not change the threshold read-out within 30 frames`);
    if (errors.length > 0) console.warn(`warning: the ${view} page logged errors:\n  ${errors.join('\n  ')}`);
    return [
      { name: `${view} training: steps/s on the page`, value: Math.round(trained.steps / trained.seconds), unit: 'steps/s', target: null },
      { name: `${view} training: long tasks (> 50 ms)`, value: probe.longTasks.length, unit: 'count', target: null },
      { name: `${view} training: longest task`, value: ms(Math.max(0, ...probe.longTasks)), unit: 'ms', target: '≤ 50' },
      { name: `${view} training: longest frame`, value: ms(probe.longestFrame), unit: 'ms', target: null },
      { name: `${view}: threshold slider-to-paint median (training)`, value: ms(quantile(slider.latencies, 0.5)), unit: 'ms', target: null },
      { name: `${view}: threshold slider-to-paint p95 (training)`, value: ms(quantile(slider.latencies, 0.95)), unit: 'ms', target: '≤ 16' },
      { name: `${view}: threshold slider longest task (training)`, value: ms(Math.max(0, ...slider.longTasks)), unit: 'ms', target: null },
    ];
  } finally {
    await browser.close();
  }
}
