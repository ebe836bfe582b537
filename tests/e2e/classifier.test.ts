// The live classifier as a class sees it: train on a skewed dataset, compare losses, break it, fix it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, screenshot } from './browser';
import type { LabPage } from './browser';
import { openClassifier, stepCount, trainSteps } from './classifierPage';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** A 1:100 dataset, a fixed network and seeds: the only thing a test changes is the loss. */
const lesson = 'view=classifier&shape=blobs&ratio=100&size=2000&noise=0.8&dataSeed=7&modelSeed=3&hiddenLayers=2&width=16';

const open = (query: string, options: { width?: number; height?: number } = {}): Promise<LabPage> => openClassifier(browser, query, options);

/** Chooses a weights file holding `value` as JSON, as a teacher would pick one. */
const loadWeights = (page: Page, value: unknown) =>
  page.getByTestId('load-weights').setInputFiles({ name: 'weights.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(value)) });

const metric = async (page: Page, id: string) => {
  const raw = await page.getByTestId(`metric-${id}`).getAttribute('data-value');
  return raw === '' || raw === null ? null : Number(raw);
};

describe('the live classifier', () => {
  it('trains in a worker on WebAssembly and shows its metrics', async () => {
    const { page, errors, close } = await open(`${lesson}&train=ce`);
    try {
      expect(await page.getByTestId('backend-in-use').textContent()).toContain('WebAssembly');
      await trainSteps(page, 200);
      const prAuc = await metric(page, 'pr-auc');
      expect(prAuc ?? Number.NaN).toBeGreaterThan(0);
      expect(prAuc ?? Number.NaN).toBeLessThanOrEqual(1);
      const [tp = 0, fn = 0, fp = 0, tn = 0] = await Promise.all(
        ['tp', 'fn', 'fp', 'tn'].map(async (cell) => Number(await page.getByTestId(`confusion-${cell}`).textContent())),
      );
      // The held-out test set has the training set's size and ratio: 20 minority, 1980 majority.
      expect(tp + fn + fp + tn).toBe(2000);
      expect(tp + fn).toBe(20);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('finds more of the minority with focal loss (α from the ratio) than with cross-entropy, same seeds', async () => {
    const recallAfter = async (query: string) => {
      const { page, close } = await open(`${lesson}&${query}`);
      try {
        await trainSteps(page, 300);
        return await metric(page, 'recall');
      } finally {
        await close();
      }
    };
    const crossEntropy = await recallAfter('train=ce');
    const focal = await recallAfter('train=focal&focal.gamma=2&autoAlpha=1');
    expect(focal ?? Number.NaN).toBeGreaterThan(crossEntropy ?? Number.NaN);
  });

  it('stops with a clear message when the loss becomes NaN, and recovers after a reset', async () => {
    // The losses are written to stay finite, so even SGD at the slider's top learning rate (10) settles
    // instead of blowing up; weights near the float32 limit are a sure way to get an infinite logit.
    const overflowing = {
      format: 'imbalance-lab-weights',
      version: 1,
      model: { hiddenLayers: [4], activation: 'relu', seed: 1 },
      layers: [
        { kernel: Array(8).fill(3e38), bias: Array(4).fill(3e38), inputs: 2, outputs: 4 },
        { kernel: [1, -1, 1, -1], bias: [0], inputs: 4, outputs: 1 },
      ],
    };
    const { page, errors, close } = await open(`${lesson}&train=ce`);
    try {
      await loadWeights(page, overflowing);
      await page.getByTestId('diverged').waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('diverged').textContent()).toMatch(/NaN/);
      expect(await page.getByTestId('value-hiddenLayers').textContent()).toBe('1');
      expect(await page.getByTestId('play').isDisabled()).toBe(true);
      // The rest of the page keeps working: reset the weights and train again.
      await page.getByTestId('reset').first().click();
      await page.getByTestId('diverged').waitFor({ state: 'detached' });
      await trainSteps(page, 100);
      expect(await page.getByTestId('diverged').count()).toBe(0);
      expect(await metric(page, 'pr-auc')).not.toBeNull();
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('saves trained weights and loads them back into a fresh page', async () => {
    const { page, close } = await open(`${lesson}&train=ce`);
    try {
      await trainSteps(page, 200);
      const trainedAuc = await metric(page, 'roc-auc');
      const download = page.waitForEvent('download');
      await page.getByTestId('download-weights').click();
      const file = await (await download).path();
      await page.getByTestId('reset').click();
      await expect.poll(() => stepCount(page)).toBe(0);
      await page.getByTestId('load-weights').setInputFiles(file);
      await expect.poll(() => metric(page, 'roc-auc'), { timeout: 10_000 }).toBeCloseTo(trainedAuc ?? Number.NaN, 6);
    } finally {
      await close();
    }
  });

  it('refuses a bad weights file before any setting changes', async () => {
    const { page, errors, close } = await open(`${lesson}&train=ce`);
    try {
      const evil = { activation: '<b class=pwn>evil</b>', hiddenLayers: [16, 16], seed: 3 };
      // Layers of the right shapes, so each file fails on its model alone.
      const widths = [2, 16, 16, 1];
      const layers = widths.slice(1).map((outputs, i) => {
        const inputs = widths[i] ?? 0;
        return { inputs, outputs, kernel: Array<number>(inputs * outputs).fill(0), bias: Array<number>(outputs).fill(0) };
      });
      for (const [model, problem] of [
        [{ ...evil }, /unknown activation/],
        [{ ...evil, activation: 'relu', seed: 1e300 }, /seed/],
        [{ ...evil, activation: 'relu', hiddenLayers: [5.5] }, /hidden layer/],
      ] as const) {
        const file = { format: 'imbalance-lab-weights', version: 1, model, layers };
        await loadWeights(page, file);
        await expect.poll(() => page.getByTestId('file-problem').textContent()).toMatch(problem);
      }
      const version2 = { format: 'imbalance-lab-weights', version: 2, model: { hiddenLayers: [16, 16], activation: 'tanh', seed: 3 }, layers: [] };
      await loadWeights(page, version2);
      await expect.poll(() => page.getByTestId('file-problem').textContent()).toMatch(/version 2/);
      // Nothing changed: the same network, the same link, and no worker error.
      expect(await page.getByTestId('value-width').textContent()).toBe('16');
      expect(page.url()).not.toMatch(/activation|pwn/);
      expect(await page.getByTestId('worker-error').count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('refuses a file too large to read, before reading it, and keeps its data', async () => {
    const { page, errors, close } = await open(`${lesson}&train=ce`);
    try {
      // 20 MB of blank lines froze the page for seconds before; now it is not even read.
      await page.getByTestId('import-csv').setInputFiles({ name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.alloc(20_000_000, '\n') });
      await expect.poll(() => page.getByTestId('file-problem').textContent()).toMatch(/20 MB; files up to 5 MB/);
      expect(await page.getByTestId('back-to-generated').count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('recovers from a worker error without a reload', async () => {
    const { page, close } = await open(`${lesson}&train=ce`);
    try {
      // Four points at the centre; a quarter is held out for testing, three train.
      await page.getByTestId('import-csv').setInputFiles({ name: 'p.csv', mimeType: 'text/csv', buffer: Buffer.from('x,y,label\n0,0,0\n0,0,1\n0,0,0\n0,0,1\n') });
      await page.getByTestId('back-to-generated').waitFor();
      const box = await page.getByTestId('boundary').locator('canvas').first().boundingBox();
      if (!box) throw new Error('no boundary canvas');
      await page.keyboard.down('Alt');
      for (let i = 0; i < 3; i++) await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      await page.keyboard.up('Alt');
      await expect.poll(() => page.locator('.custom-data').textContent()).toContain(' 0 ');
      await page.getByTestId('step-100').click();
      await page.getByTestId('worker-error').waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('worker-error').textContent()).toMatch(/empty/);
      await page.getByTestId('back-to-generated').click();
      await page.getByTestId('error-reset').click();
      await expect.poll(() => page.getByTestId('worker-error').count()).toBe(0);
      await trainSteps(page, 100);
      expect(await stepCount(page)).toBe(100);
    } finally {
      await close();
    }
  });

  it('handles Reset at once, even behind many queued +100 clicks on a slow backend', async () => {
    // A four-lane race on 20,000 points on the plain-JavaScript backend: +100 steps takes seconds.
    const race = encodeURIComponent('ce;focal;dwb;asl');
    const { page, close } = await open(`view=classifier&size=20000&hiddenLayers=3&width=32&batchSize=1024&backend=cpu&race=${race}`);
    try {
      for (let i = 0; i < 5; i++) await page.getByTestId('step-100').click();
      const clicked = Date.now();
      await page.getByTestId('reset').click();
      await expect.poll(() => stepCount(page), { timeout: 5000 }).toBe(0);
      expect(Date.now() - clicked).toBeLessThan(5000);
      // The queued steps belonged to the old weights: nothing trains on after the reset.
      await page.waitForTimeout(1500);
      expect(await stepCount(page)).toBe(0);
    } finally {
      await close();
    }
  });

  it('keeps training, and shows it, when the loss is changed mid-run', async () => {
    const { page, errors, close } = await open(`${lesson}&train=ce`);
    try {
      await trainSteps(page, 100);
      await page.getByTestId('train-loss-focal').check();
      await trainSteps(page, 100);
      expect(await stepCount(page)).toBe(200); // the weights were kept, not reset
      const legend = (await page.getByTestId('chart-history').locator('.chart-legend').textContent()) ?? '';
      expect(legend).toContain('Cross-entropy');
      expect(legend).toContain('Focal loss');
      expect(await page.getByTestId('chart-history').locator('path[data-series^="loss-"]').count()).toBe(2);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('restarts training on the backend the teacher picks', async () => {
    const { page, errors, close } = await open(`${lesson}&train=ce`);
    try {
      await page.getByTestId('backend-cpu').check();
      await expect.poll(async () => page.getByTestId('backend-in-use').textContent(), { timeout: 30_000 }).toContain('CPU');
      await trainSteps(page, 100);
      expect(await metric(page, 'pr-auc')).not.toBeNull();
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('names the line of a bad CSV file and keeps the data it had', async () => {
    const { page, close } = await open(`${lesson}&train=ce`);
    try {
      await page.getByTestId('import-csv').setInputFiles({
        name: 'points.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('x,y,label\n0.1,0.2,1\n0.3,oops,0\n'),
      });
      expect(await page.getByTestId('file-problem').textContent()).toContain('3');
      expect(await page.getByTestId('back-to-generated').count()).toBe(0);

      const good = ['x,y,label', ...Array.from({ length: 40 }, (_, i) => `${(i % 10) / 10},${i / 40},${i % 4 === 0 ? 1 : 0}`)];
      await page.getByTestId('import-csv').setInputFiles({ name: 'good.csv', mimeType: 'text/csv', buffer: Buffer.from(good.join('\n')) });
      await page.getByTestId('back-to-generated').waitFor();
      expect(await page.getByTestId('file-problem').count()).toBe(0);
    } finally {
      await close();
    }
  });

  it('takes α from the counts it trains on, so oversampling does not weight the minority twice', async () => {
    const { page, errors, close } = await open(`${lesson}&train=focal&autoAlpha=1`);
    try {
      const derived = page.getByTestId('derived-from-counts');
      await expect.poll(() => derived.textContent()).toMatch(/20 minority : 1,980 majority.*α = 0\.99\b/);
      await page.getByTestId('resampling-oversample').check();
      await expect.poll(() => derived.textContent()).toMatch(/1,980 minority : 1,980 majority.*α = 0\.5\b/);
      expect(await page.getByTestId('value-focal.alpha').textContent()).toBe('0.5');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('adds a minority point where the teacher shift-clicks', async () => {
    const { page, close } = await open(`${lesson}&train=ce`);
    try {
      const box = await page.getByTestId('boundary').locator('canvas').first().boundingBox();
      if (!box) throw new Error('no boundary canvas');
      await page.keyboard.down('Shift');
      await page.mouse.click(box.x + box.width * 0.3, box.y + box.height * 0.3);
      await page.keyboard.up('Shift');
      expect(await page.locator('.custom-data').textContent()).toContain('2001');
    } finally {
      await close();
    }
  });
});

describe('classifier screenshots for review', () => {
  for (const [width, height, lang] of [
    [1920, 1080, 'en'],
    [1280, 800, 'en'],
    [1280, 800, 'zh'],
  ] as const) {
    it(`renders after training at ${width}×${height} in ${lang}`, async () => {
      const { page, errors, close } = await open(`${lesson}&train=focal&autoAlpha=1&lang=${lang}`, { width, height });
      try {
        await trainSteps(page, 300);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        await screenshot(page, `classifier-${width}x${height}-${lang}`);
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    });
  }
});
