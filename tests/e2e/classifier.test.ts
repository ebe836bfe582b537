// The live classifier as a class sees it: train on a skewed dataset, compare losses, break it, fix it.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, newPage, screenshot } from './browser';
import type { LabPage } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** A 1:100 dataset, a fixed network and seeds: the only thing a test changes is the loss. */
const lesson = 'view=classifier&shape=blobs&ratio=100&size=2000&noise=0.8&dataSeed=7&modelSeed=3&hiddenLayers=2&width=16';

async function open(query: string, options: { width?: number; height?: number } = {}): Promise<LabPage> {
  const lab = await newPage(browser, options);
  await lab.page.goto(new URL(`./?${query}`, inject('baseURL')).href);
  await lab.page.getByTestId('backend-in-use').waitFor({ timeout: 30_000 });
  return lab;
}

const stepCount = async (page: Page) => Number(await page.getByTestId('step-count').getAttribute('data-value'));

/** Trains exactly `steps` steps (in jumps of 100) and waits for the snapshot that follows. */
async function trainSteps(page: Page, steps: number) {
  const start = await stepCount(page);
  for (let done = 0; done < steps; done += 100) {
    await page.getByTestId('step-100').click();
    await expect.poll(() => stepCount(page), { timeout: 30_000 }).toBe(start + done + 100);
  }
}

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
      expect(prAuc).not.toBeNull();
      expect(prAuc!).toBeGreaterThan(0);
      expect(prAuc!).toBeLessThanOrEqual(1);
      const confusion = await Promise.all(
        ['tp', 'fn', 'fp', 'tn'].map(async (cell) => Number(await page.getByTestId(`confusion-${cell}`).textContent())),
      );
      // The held-out test set has the training set's size and ratio: 20 minority, 1980 majority.
      expect(confusion.reduce((a, b) => a + b, 0)).toBe(2000);
      expect(confusion[0]! + confusion[1]!).toBe(20);
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
    const focal = await recallAfter('train=focal&gamma=2&autoAlpha=1');
    expect(crossEntropy).not.toBeNull();
    expect(focal).not.toBeNull();
    expect(focal!).toBeGreaterThan(crossEntropy!);
  });

  it('stops with a clear message when the loss becomes NaN, and recovers after a reset', async () => {
    const { page, errors, close } = await open(
      `${lesson}&train=ce&optimizer=sgd&learningRate=10&activation=relu&hiddenLayers=3&width=32`,
    );
    try {
      await page.getByTestId('play').click();
      await page.getByTestId('diverged').waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('diverged').textContent()).toMatch(/NaN/);
      // The rest of the page keeps working: lower the learning rate, reset, train again.
      await page.getByTestId('slider-learningRate').focus();
      await page.keyboard.press('Home');
      await page.getByTestId('reset').first().click();
      expect(await page.getByTestId('diverged').count()).toBe(0);
      await trainSteps(page, 100);
      expect(await page.getByTestId('diverged').count()).toBe(0);
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
