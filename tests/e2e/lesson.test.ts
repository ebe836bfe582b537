// The guided lesson, walked as a teacher would in front of the class: every step's settings, and
// every claim its words make, checked on screen with that step's seeds.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { en } from '../../src/i18n/en';
import { zh } from '../../src/i18n/zh';
import { lessonSteps } from '../../src/lesson/steps';
import { launchChromium, newPage, screenshot } from './browser';
import { raceCell, stepCount, trainSteps } from './classifierPage';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** The lesson's "Train to step N", until the network stops there. */
async function trainTo(page: Page, target: number) {
  await page.getByTestId('backend-in-use').waitFor({ timeout: 30_000 });
  await page.getByTestId('train-to').click();
  await expect.poll(() => stepCount(page), { timeout: 90_000 }).toBe(target);
  await page.getByTestId('play').waitFor();
}

/** A race table cell's number; every cell a claim reads must hold one. */
async function cell(page: Page, row: string, lane: number): Promise<number> {
  const value = await raceCell(page, row, lane);
  if (value === null) throw new Error(`race-${row}-${lane} holds no number`);
  return value;
}

const readout = async (page: Page, id: string) => Number(await page.getByTestId(`readout-${id}`).getAttribute('data-value'));
const title = (strings: typeof en | typeof zh, id: string) => (strings.guide.steps as Record<string, { title: string }>)[id]?.title;

/**
 * The most examples that crossed p_t = 0.5 in one hundred steps, in either lane, over ten hundreds
 * after the first (in which most examples leave the random start whatever the learning rate).
 */
async function mostFlips(page: Page): Promise<number> {
  let most = 0;
  await page.getByTestId('backend-in-use').waitFor({ timeout: 30_000 });
  await trainSteps(page, 1000, async () => {
    if ((await stepCount(page)) <= 100) return;
    for (const k of [1, 2]) {
      const raw = await page.getByTestId(`race-latest-flips-${k}`).getAttribute('data-value');
      if (raw) most = Math.max(most, Number(raw));
    }
  });
  return most;
}

/** What each step's words claim, as numbers on screen (the words quote these, rounded). */
const claims: Record<string, (page: Page) => Promise<void>> = {
  async problem(page) {
    expect(await page.getByTestId('toggle-focal').isChecked()).toBe(false);
    expect(await readout(page, 'ce-loss')).toBeCloseTo(0.105, 3);
  },
  async classWeights(page) {
    expect(await page.getByTestId('value-balanced-ce.alpha').textContent()).toBe('0.99');
    expect(await readout(page, 'balanced-ce-loss')).toBeCloseTo(0.00104, 5);
  },
  async operatingPoint(page) {
    await trainTo(page, 1000);
    expect([await cell(page, 'recall', 1), await cell(page, 'recall', 2)]).toEqual([0.52, 0.929]);
    expect([await cell(page, 'precision', 1), await cell(page, 'precision', 2)]).toEqual([0.88, 0.212]);
    expect([await cell(page, 'pr-auc', 1), await cell(page, 'pr-auc', 2)]).toEqual([0.764, 0.764]);
    // Cross-entropy at a threshold of about 0.01 reaches lane 2's recall at about lane 2's precision.
    // "threshold 0.007, precision 0.203 (…)", in either language: the cell's first two numbers.
    const row = (await page.getByTestId('race-lane-one-same-recall-2').textContent()) ?? '';
    const [, threshold = 'NaN', precision = 'NaN'] = /(\d+\.\d+)\D+(\d+\.\d+)/.exec(row) ?? [];
    expect(Number(threshold)).toBeCloseTo(0.01, 2);
    expect(Math.abs(Number(precision) - 0.212)).toBeLessThan(0.02);
  },
  async focal(page) {
    expect(await page.getByTestId('value-focal.gamma').textContent()).toBe('2');
    expect(await page.getByTestId('value-focal.alpha').textContent()).toBe('0.5');
    expect((await readout(page, 'focal-loss')) / (await readout(page, 'ce-loss'))).toBeCloseTo(0.005, 6);
  },
  async gradient(page) {
    expect(await readout(page, 'ce-push')).toBeCloseTo(0.1, 6);
    expect(await readout(page, 'focal-push')).toBeCloseTo(0.00145, 5);
  },
  async linAlpha(page) {
    await trainTo(page, 3000);
    const recall = [await cell(page, 'recall', 1), await cell(page, 'recall', 2), await cell(page, 'recall', 3)];
    expect(recall.map((r) => r.toFixed(2))).toEqual(['0.47', '0.58', '0.94']);
    const precision = [await cell(page, 'precision', 1), await cell(page, 'precision', 2), await cell(page, 'precision', 3)];
    expect(precision[0]).toBeGreaterThan(precision[1] ?? 1);
    expect(precision[1]).toBeGreaterThan(precision[2] ?? 1);
    for (const k of [1, 2, 3]) expect((await cell(page, 'pr-auc', k)).toFixed(2)).toBe('0.76');
  },
  async race(page) {
    await trainTo(page, 1000);
    const recall = await Promise.all([1, 2, 3, 4].map((k) => cell(page, 'recall', k)));
    expect(recall.map((r) => r.toFixed(2))).toEqual(['0.52', '0.49', '0.93', '0.91']);
    for (const k of [1, 2, 3, 4]) expect(await cell(page, 'pr-auc', k)).toBe(0.764);
  },
  async rareRegions(page) {
    await trainTo(page, 1000);
    expect([(await cell(page, 'pr-auc', 1)).toFixed(2), (await cell(page, 'pr-auc', 2)).toFixed(2)]).toEqual(['0.86', '0.97']);
    await trainSteps(page, 2000);
    expect([(await cell(page, 'pr-auc', 1)).toFixed(2), (await cell(page, 'pr-auc', 2)).toFixed(2)]).toEqual(['0.99', '0.99']);
  },
  async flipsFast(page) {
    expect(await mostFlips(page)).toBeGreaterThanOrEqual(200); // "after that, hundreds can still cross in a hundred steps"
  },
  async flipsSlow(page) {
    expect(await mostFlips(page)).toBeLessThanOrEqual(60); // "after the first hundred steps, at most a few dozen"
  },
  async dwb(page) {
    await expect.poll(() => page.getByTestId('race-lane-2').getByTestId('derived-from-counts').textContent()).toMatch(/w₊ = 5\.6/);
    await trainTo(page, 3000);
    expect([(await cell(page, 'recall', 1)).toFixed(2), (await cell(page, 'recall', 2)).toFixed(2)]).toEqual(['0.57', '0.71']);
    expect([(await cell(page, 'ece', 1)).toFixed(2), (await cell(page, 'ece', 2)).toFixed(2)]).toEqual(['0.00', '0.19']);
    expect(Math.abs((await cell(page, 'pr-auc', 1)) - (await cell(page, 'pr-auc', 2)))).toBeLessThan(0.005);
  },
  async resampling(page) {
    const metric = async (id: string) => Number(await page.getByTestId(`metric-${id}`).getAttribute('data-value'));
    await trainTo(page, 1000);
    expect([(await metric('recall')).toFixed(3), (await metric('precision')).toFixed(2), (await metric('pr-auc')).toFixed(2)]).toEqual([
      '0.955',
      '0.13',
      '0.76',
    ]);
    for (const [resampling, precision] of [
      ['undersample', '0.16'],
      ['smote', '0.15'],
    ] as const) {
      await page.getByTestId(`resampling-${resampling}`).check();
      await page.getByTestId('reset').click();
      await expect.poll(() => stepCount(page)).toBe(0);
      await trainTo(page, 1000);
      expect((await metric('precision')).toFixed(2), resampling).toBe(precision);
    }
  },
  async summary() {},
};

describe('the guided lesson', () => {
  it('has a check for every step', () => {
    expect(Object.keys(claims)).toEqual(lessonSteps.map((step) => step.id));
  });

  it.each([
    ['English', 'en-US', en],
    ['Chinese', 'zh-CN', zh],
  ] as const)('walks every step in %s, from fresh weights, and every claim holds on screen', async (_, lang, strings) => {
    const { page, errors, close } = await newPage(browser, { width: 1920, height: 1080, lang });
    try {
      await page.goto(new URL('./', inject('baseURL')).href);
      await page.getByTestId('lesson-open').click();
      for (const [i, step] of lessonSteps.entries()) {
        if (i > 0) await page.getByTestId('lesson-next').click();
        expect(await page.getByTestId('lesson-title').textContent()).toBe(title(strings, step.id));
        await expect.poll(() => new URL(page.url()).searchParams.get('lessonStep')).toBe(String(i + 1));
        if (step.trainTo || step.race) {
          await page.getByTestId('backend-in-use').waitFor({ timeout: 30_000 });
          await expect.poll(() => stepCount(page)).toBe(0); // every training step starts from fresh weights
        }
        await claims[step.id]?.(page);
        await screenshot(page, `lesson-${i + 1}-${step.id}-${strings === en ? 'en' : 'zh'}-trained`);
      }
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  }, 600_000);

  it('opens each step from its link, with that step’s settings, in Chinese', async () => {
    const { page, errors, close } = await newPage(browser, { width: 1920, height: 1080, lang: 'zh-CN' });
    try {
      for (const [i, step] of lessonSteps.entries()) {
        await page.goto(new URL(`./?lessonStep=${i + 1}`, inject('baseURL')).href);
        expect(await page.getByTestId('lesson-title').textContent()).toBe(title(zh, step.id));
        if (step.race) {
          await expect.poll(() => page.getByTestId(/^race-boundary-\d$/).count()).toBe(step.race.split(';').length);
        }
        if (step.trainTo) expect(await page.getByTestId('train-to').textContent()).toContain(`训练到第 ${step.trainTo.toLocaleString('en-US')} 步`);
        if (step.id === 'classWeights') expect(await page.getByTestId('value-balanced-ce.alpha').textContent()).toBe('0.99');
        await screenshot(page, `lesson-${i + 1}-${step.id}-zh`);
      }
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  }, 300_000);
});
