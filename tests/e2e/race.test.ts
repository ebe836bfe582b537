// Race mode as a class sees it: open a race from a link, train, and compare the lanes at a glance.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, screenshot } from './browser';
import type { LabPage, NewPageOptions } from './browser';
import { openClassifier, raceCell, stepCount, trainSteps } from './classifierPage';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** The lesson's data and network (issue #7's table): 1:100 blobs, data seed 7, weights seed 3. */
const lesson = 'view=classifier&shape=blobs&ratio=100&size=2000&noise=0.8&dataSeed=7&modelSeed=3&hiddenLayers=2&width=16';
const threeLanes = `${lesson}&race=${encodeURIComponent('ce;focal:gamma=2,alpha=0.5;balanced-ce:auto')}`;

const open = (query: string, options: NewPageOptions = {}): Promise<LabPage> => openClassifier(browser, query, options);

describe('a race of losses', () => {
  it('opens from a link, trains three lanes in lockstep, and draws a boundary and a line per lane', async () => {
    const { page, errors, close } = await open(threeLanes, { width: 1920, height: 1080 });
    try {
      await expect.poll(() => page.getByTestId(/^race-boundary-\d$/).count()).toBe(3);
      const boundaries = [1, 2, 3].map((k) => page.getByTestId(`race-boundary-${k}`).locator('canvas').first());
      const before = await Promise.all(boundaries.map((canvas) => canvas.screenshot()));
      await trainSteps(page, 300);
      await page.waitForTimeout(300);
      const after = await Promise.all(boundaries.map((canvas) => canvas.screenshot()));
      after.forEach((image, k) => expect(image.equals(before[k] as Buffer), `lane ${k + 1}'s boundary moved`).toBe(false));
      for (const chart of ['recall', 'precision', 'pr-auc', 'ece', 'flips', 'loss']) {
        const lines = page.getByTestId(`race-time-${chart}`).locator('path[data-series^="lane-"]');
        await expect.poll(() => lines.count(), { message: chart }).toBe(3);
        for (let k = 0; k < 3; k++) expect((await lines.nth(k).getAttribute('d'))?.length ?? 0, `${chart}, lane ${k + 1}`).toBeGreaterThan(10);
      }
      // The point of the race, in numbers (issue #7): α from the ratio moves the operating point.
      expect(await raceCell(page, 'recall', 3)).toBeGreaterThan((await raceCell(page, 'recall', 1)) ?? 1);
      expect(await raceCell(page, 'precision', 3)).toBeLessThan((await raceCell(page, 'precision', 1)) ?? 0);
      // 20 minority test examples: counts and a 95 % Wilson interval beside every rate, and a warning.
      expect(await page.getByTestId('race-recall-1').textContent()).toMatch(/^0\.600 \(12\/20\)95 % interval 0\.387–0\.781$/);
      await expect(page.getByTestId('few-positives').textContent()).resolves.toMatch(/only 20 minority examples: recall moves in steps of 0\.050/);
      // At 1 : 100 with batches of 64 many batches hold no minority example at all.
      expect(await page.getByTestId('batch-counts').textContent()).toMatch(/of 64; \d+ % of the 300 batches since the start held none/);
      await screenshot(page, 'race-1920-en');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('gives lane 1 the numbers the single-network view shows after the same steps with the same seeds', async () => {
    const single = await open(`${lesson}&train=ce`);
    const race = await open(threeLanes);
    try {
      await trainSteps(single.page, 300);
      await trainSteps(race.page, 300);
      for (const id of ['recall', 'precision', 'f1', 'pr-auc', 'roc-auc', 'ece', 'brier']) {
        const raw = await single.page.getByTestId(`metric-${id}`).getAttribute('data-value');
        const shown = raw === '' || raw === null ? null : Number(Number(raw).toFixed(3));
        expect(await raceCell(race.page, id, 1), id).toBe(shown);
      }
      expect(single.errors).toEqual([]);
      expect(race.errors).toEqual([]);
    } finally {
      await single.close();
      await race.close();
    }
  });

  it('starts the race over when a lane is edited, and keeps the lanes in the link', async () => {
    const { page, errors, close } = await open(threeLanes);
    try {
      await trainSteps(page, 100);
      await page.getByTestId('race-loss-2').selectOption('dwb');
      await expect.poll(() => stepCount(page)).toBe(0);
      await expect.poll(() => page.url()).toContain(encodeURIComponent('dwb'));
      await page.getByTestId('race-add').click();
      await expect.poll(() => page.getByTestId(/^race-boundary-\d$/).count()).toBe(4);
      await expect(page.getByTestId('race-add').count()).resolves.toBe(0);
      await page.getByTestId('mode-single').check();
      await expect.poll(() => page.getByTestId('boundary').count()).toBe(1);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('says what it did with a bad race in a link', async () => {
    const { page, errors, close } = await open(`${lesson}&race=${encodeURIComponent('ce;focal:gamma=50;hinge;dwb;poly1;asl')}`);
    try {
      const notices = await page.getByTestId('notice').allTextContents();
      expect(notices.join('\n')).toMatch(/gamma/);
      expect(notices.join('\n')).toMatch(/hinge/);
      await expect.poll(() => page.getByTestId(/^race-boundary-\d$/).count()).toBe(4);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it.each([
    ['1280-en', 1280, 800, 'en-US'],
    ['1920-zh', 1920, 1080, 'zh-CN'],
    ['1280-zh', 1280, 800, 'zh-CN'],
  ] as const)('lays out and translates at %s', async (name, width, height, lang) => {
    const { page, errors, close } = await open(`${lesson}&race=${encodeURIComponent('focal:alpha=0.25;focal:alpha=0.5;focal:alpha=0.99')}`, {
      width,
      height,
      lang,
    });
    try {
      await trainSteps(page, 100);
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(scrollWidth).toBeLessThanOrEqual(width);
      await screenshot(page, `race-${name}`);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
