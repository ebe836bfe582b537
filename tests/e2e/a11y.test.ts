// Accessibility as axe-core sees it: both views, a race and every lesson step, in English and
// Chinese, with no serious or critical violation; and every chart with a text alternative.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { AxeResults } from 'axe-core';
import { en } from '../../src/i18n/en';
import { zh } from '../../src/i18n/zh';
import { lessonSteps } from '../../src/lesson/steps';
import { binaryLossIds } from '../../src/losses';
import { launchChromium, newPage } from './browser';
import type { LabPage } from './browser';
import { trainSteps } from './classifierPage';

let browser: Browser;
let axeSource: string;
beforeAll(async () => {
  browser = await launchChromium();
  axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
});
afterAll(async () => {
  await browser?.close();
});

const languages = [
  ['en', 'en-US'],
  ['zh', 'zh-CN'],
] as const;

/**
 * axe-core run in the page. The app's CSP (script-src 'self') refuses an injected <script>, so
 * axe's source is evaluated through the debugging protocol instead, which the CSP does not govern;
 * the page itself keeps its policy.
 */
async function seriousViolations(page: Page): Promise<string> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const results = await page.evaluate(() =>
    (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResults> } }).axe.run(document, {
      resultTypes: ['violations'],
    }),
  );
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) =>
      [
        `${v.id} (${v.impact}): ${v.help}`,
        ...v.nodes.slice(0, 8).map((node) => `  ${node.target.join(' ')}\n    ${(node.failureSummary ?? '').replace(/\n/g, '\n    ')}`),
        ...(v.nodes.length > 8 ? [`  … and ${v.nodes.length - 8} more`] : []),
      ].join('\n'),
    )
    .join('\n');
}

/**
 * Every chart on the page, with what is missing from its text alternative. A chart is a
 * figure.chart; its graphic is role="img" with a name and a description (ids that exist and hold
 * text: its read-out or a table of its numbers), or the figure is itself a table. Any <svg> or
 * <canvas> outside such a graphic must be hidden from assistive technology.
 */
async function chartsWithoutText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const hidden = (el: Element) => el.closest('[aria-hidden="true"]') !== null;
    const name = (el: Element) =>
      el.getAttribute('aria-label')?.trim() ||
      (el.getAttribute('aria-labelledby') ?? '')
        .split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent?.trim() ?? '')
        .join(' ')
        .trim();
    const where = (el: Element) => el.closest('[data-testid]')?.getAttribute('data-testid') ?? el.tagName;
    for (const figure of document.querySelectorAll('figure.chart')) {
      if (figure.querySelector('table')) continue;
      const graphics = [...figure.querySelectorAll('[role="img"]')];
      if (graphics.length === 0) problems.push(`${where(figure)}: no role="img"`);
      for (const graphic of graphics) {
        if (!name(graphic)) problems.push(`${where(graphic)}: no accessible name`);
        const ids = (graphic.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
        if (ids.length === 0) problems.push(`${where(graphic)}: no aria-describedby`);
        for (const id of ids) {
          const text = document.getElementById(id)?.textContent?.trim();
          if (!text) problems.push(`${where(graphic)}: aria-describedby="${id}" ${text === undefined ? 'is missing' : 'is empty'}`);
        }
      }
    }
    for (const el of document.querySelectorAll('svg, canvas')) {
      if (hidden(el) || el.closest('[role="img"]')) continue;
      problems.push(`${where(el)}: a visible <${el.tagName.toLowerCase()}> outside any role="img"`);
    }
    return problems;
  });
}

/** What is wrong with the page as it stands, in words ('' when nothing is). */
async function problems(page: Page, label: string): Promise<string> {
  // The formulas typeset after the charts (KaTeX loads on demand): audit the finished page.
  await page.waitForFunction(() => document.querySelector('[aria-busy="true"]') === null, undefined, { timeout: 15_000 });
  const axe = await seriousViolations(page);
  const charts = await chartsWithoutText(page);
  if (!axe && charts.length === 0) return '';
  return [`== ${label}`, axe, ...charts.map((c) => `chart without a text alternative: ${c}`)].filter(Boolean).join('\n');
}

async function check(page: Page, label: string) {
  expect(await problems(page, label)).toBe('');
}

async function open(query: string, lang: string, width = 1280, height = 800): Promise<LabPage> {
  const lab = await newPage(browser, { width, height, lang });
  await lab.page.goto(new URL(`./?${query}`, inject('baseURL')).href);
  return lab;
}

/** Small data, so that a hundred steps are quick and the charts have lines. */
const small = 'shape=blobs&ratio=100&size=2000&noise=0.8&dataSeed=7&modelSeed=3';

describe.each(languages)('accessibility in %s', (code, lang) => {
  it('the curve view, as it opens and with every loss on a log axis', async () => {
    const { page, errors, close } = await open(`lang=${code}`, lang);
    try {
      await page.getByTestId('chart-loss-pt-svg').locator('path[data-loss]').first().waitFor();
      await check(page, `curves, ${code}`);
      await page.goto(new URL(`./?losses=${binaryLossIds.join(',')}&log=1&lang=${code}`, inject('baseURL')).href);
      await expect.poll(() => page.getByTestId('chart-loss-pt-svg').locator('path[data-loss]').count()).toBe(binaryLossIds.length);
      await check(page, `curves with every loss, ${code}`);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('the classifier view after training', async () => {
    const { page, errors, close } = await open(`view=classifier&${small}&lang=${code}`, lang);
    try {
      await page.getByTestId('backend-in-use').waitFor({ timeout: 30_000 });
      await trainSteps(page, 100);
      await check(page, `classifier, ${code}`);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('a race after training, then in projector mode, with the QR code and the shortcuts open', async () => {
    const race = encodeURIComponent('ce;focal:alpha=0.5;balanced-ce:auto');
    const { page, errors, close } = await open(`view=classifier&${small}&race=${race}&lang=${code}`, lang, 1920, 1080);
    try {
      await page.getByTestId('backend-in-use').waitFor({ timeout: 30_000 });
      await trainSteps(page, 100);
      const found = [await problems(page, `race, ${code}`)];
      await page.getByTestId('projector').click();
      await expect.poll(() => page.locator('html.projector').count()).toBe(1);
      found.push(await problems(page, `race in projector mode, ${code}`));
      await page.getByTestId('qr-open').click();
      await page.getByTestId('qr-code').waitFor();
      found.push(await problems(page, `the QR code, ${code}`));
      await page.getByTestId('qr-close').click();
      await page.getByTestId('shortcuts-open').click();
      await page.getByTestId('shortcuts-dialog').waitFor();
      found.push(await problems(page, `the shortcuts, ${code}`));
      expect(found.filter(Boolean).join('\n')).toBe('');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('every lesson step, from its link and then "Next"', async () => {
    const strings = code === 'en' ? en : zh;
    const { page, errors, close } = await open(`lessonStep=1&lang=${code}`, lang);
    try {
      const found: string[] = [];
      for (const [i, step] of lessonSteps.entries()) {
        // Turning the page (no reload) is how a class walks the lesson, and it keeps the file quick.
        if (i > 0) await page.getByTestId('lesson-next').click();
        const title = (strings.guide.steps as Record<string, { title: string }>)[step.id]?.title;
        await expect.poll(() => page.getByTestId('lesson-title').textContent()).toBe(title);
        if (step.race) {
          await expect.poll(() => page.getByTestId(/^race-boundary-\d$/).count()).toBe(step.race.split(';').length);
        }
        if (step.settings.view === 'classifier') await page.getByTestId('backend-in-use').waitFor({ timeout: 30_000 });
        else await expect.poll(() => page.getByTestId('chart-loss-pt-svg').locator('path[data-loss]').count()).toBe(step.settings.losses?.length);
        found.push(await problems(page, `lesson step ${i + 1} (${step.id}), ${code}`));
      }
      expect(found.filter(Boolean).join('\n')).toBe('');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  }, 120_000);
});
