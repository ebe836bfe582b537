// The classroom: projector mode keeps each view's key figure and headline numbers above the 1080 px
// fold in large type; a phone gets one column it can use by touch; the QR code opens the view shown.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import jsQR from 'jsqr';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, newPage, screenshot } from './browser';
import { stepCount } from './classifierPage';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const race4 = `view=classifier&race=${encodeURIComponent('ce;focal:alpha=0.5;balanced-ce:auto;focal:auto')}`;

async function open(query: string, options: Parameters<typeof newPage>[1] = {}) {
  const lab = await newPage(browser, options);
  await lab.page.goto(new URL(`./?${query}`, inject('baseURL')).href);
  return lab;
}

/** The bottom edge, in CSS px from the top of the page, of every element `selector` matches. */
const bottoms = (page: Page, selector: string) =>
  page.locator(selector).evaluateAll((elements) => elements.map((e) => e.getBoundingClientRect().bottom + window.scrollY));

const fontPx = (page: Page, selector: string) =>
  page.locator(selector).evaluateAll((elements) => elements.map((e) => Number.parseFloat(getComputedStyle(e).fontSize)));

describe('projector mode at 1920×1080', () => {
  it('shows the four curve charts above the fold, body text ≥ 20 px, axis text ≥ 18 px, curves ≥ 3 px', async () => {
    const { page, errors, close } = await open('projector=1', { width: 1920, height: 1080 });
    try {
      await page.locator('path[data-loss]').first().waitFor();
      const charts = await bottoms(page, '.chart-grid .chart svg');
      expect(charts).toHaveLength(4);
      for (const bottom of charts) expect(bottom).toBeLessThanOrEqual(1080);
      for (const px of await fontPx(page, '.readout td, .controls label, .lesson p')) expect(px).toBeGreaterThanOrEqual(20);
      for (const px of await fontPx(page, '.axis .tick text, .axis-title')) expect(px).toBeGreaterThanOrEqual(18);
      const strokes = await page.locator('path[data-loss]').evaluateAll((paths) => paths.map((p) => Number.parseFloat(getComputedStyle(p).strokeWidth)));
      for (const width of strokes) expect(width).toBeGreaterThanOrEqual(3);
      expect(await page.getByTestId('projector').getAttribute('aria-pressed')).toBe('true');
      await screenshot(page, 'projector-curves-1920-en');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('shows the boundary map and the headline numbers of one network above the fold', async () => {
    const { page, errors, close } = await open('projector=1&view=classifier', { width: 1920, height: 1080, lang: 'zh-CN' });
    try {
      await page.getByTestId('backend-in-use').waitFor({ timeout: 30_000 });
      for (const bottom of await bottoms(page, '.boundary-box')) expect(bottom).toBeLessThanOrEqual(1080);
      for (const id of ['recall', 'precision', 'pr-auc']) {
        for (const bottom of await bottoms(page, `[data-testid="metric-${id}"]`)) expect(bottom).toBeLessThanOrEqual(1080);
      }
      await screenshot(page, 'projector-classifier-1920-zh');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('shows all four lanes of a race and their recall and precision above the fold', async () => {
    const { page, errors, close } = await open(`projector=1&${race4}`, { width: 1920, height: 1080 });
    try {
      await page.getByTestId('backend-in-use').waitFor({ timeout: 30_000 });
      const maps = await bottoms(page, '[data-testid^="race-boundary-"]');
      expect(maps).toHaveLength(4);
      for (const bottom of maps) expect(bottom).toBeLessThanOrEqual(1080);
      for (const bottom of await bottoms(page, '[data-testid^="race-recall-"], [data-testid^="race-precision-"]')) expect(bottom).toBeLessThanOrEqual(1080);
      await screenshot(page, 'projector-race-1920-en');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('keeps body text at 20 px at 1280×800 too, and is switched off from the header', async () => {
    const { page, errors, close } = await open('projector=1', { width: 1280, height: 800, lang: 'zh-CN' });
    try {
      await page.locator('path[data-loss]').first().waitFor();
      for (const px of await fontPx(page, '.readout td, .controls label')) expect(px).toBeGreaterThanOrEqual(20);
      await screenshot(page, 'projector-curves-1280-zh');
      await page.getByTestId('projector').click();
      await expect.poll(() => new URL(page.url()).searchParams.get('projector')).toBeNull();
      expect(await page.evaluate(() => document.documentElement.classList.contains('projector'))).toBe(false);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});

describe('a phone (390×844, touch)', () => {
  const phone = { width: 390, height: 844, isMobile: true, hasTouch: true };

  for (const [name, query] of [
    ['curves', 'lang=zh'],
    ['classifier', 'view=classifier'],
    ['race', race4],
    ['lesson step 3', 'lessonStep=3'],
  ] as const) {
    it(`has no sideways scrolling: ${name}`, async () => {
      const { page, errors, close } = await open(query, phone);
      try {
        await page.locator('.main').first().waitFor();
        await page.waitForTimeout(500);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
        await screenshot(page, `phone-${name.replace(/\s/g, '-')}`);
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    });
  }

  it('trains, and moves a slider, by touch', async () => {
    const { page, errors, close } = await open('view=classifier&size=2000', phone);
    try {
      await page.getByTestId('backend-in-use').waitFor({ timeout: 30_000 });
      await page.getByTestId('step-100').tap();
      await expect.poll(() => stepCount(page), { timeout: 30_000 }).toBe(100);
      const slider = page.getByTestId('slider-focal.gamma');
      await slider.scrollIntoViewIfNeeded();
      const box = await slider.boundingBox();
      if (!box) throw new Error('no γ slider');
      expect(box.height).toBeGreaterThanOrEqual(40); // a finger's target
      await page.touchscreen.tap(box.x + box.width * 0.9, box.y + box.height / 2);
      await expect.poll(async () => Number(await page.getByTestId('value-focal.gamma').textContent())).toBeGreaterThan(5);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});

/** Draws the QR code's SVG on a canvas in the page and decodes its pixels. */
async function decodeQr(page: Page): Promise<string | null> {
  const size = 480;
  const pixels = await page.getByTestId('qr-code').evaluate(async (svg, size) => {
    const source = new XMLSerializer().serializeToString(svg);
    const url = URL.createObjectURL(new Blob([source], { type: 'image/svg+xml' }));
    const image = new Image(size, size);
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = size;
    canvas.height = size;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2d canvas');
    context.drawImage(image, 0, 0, size, size);
    URL.revokeObjectURL(url);
    return Array.from(context.getImageData(0, 0, size, size).data);
  }, size);
  return jsQR(Uint8ClampedArray.from(pixels), size, size)?.data ?? null;
}

describe('the QR code', () => {
  it('opens the view on screen, including a change made a moment before', async () => {
    const { page, errors, close } = await open('projector=1&losses=ce,focal', { width: 1920, height: 1080 });
    try {
      await page.locator('path[data-loss]').first().waitFor();
      await page.getByTestId('slider-focal.gamma').focus();
      await page.keyboard.press('ArrowRight');
      await page.getByTestId('qr-open').click();
      await page.getByTestId('qr-code').waitFor();
      const decoded = await decodeQr(page);
      expect(decoded).not.toBeNull();
      const link = new URL(decoded ?? '');
      expect(link.origin + link.pathname).toBe(new URL('./', inject('baseURL')).href);
      expect(link.searchParams.get('focal.gamma')).toBe('2.01');
      expect(link.searchParams.get('projector')).toBe('1');
      expect(await page.getByTestId('qr-url').textContent()).toBe(decoded);
      // Large enough to scan from the back of a room: at least 60 % of the screen's height.
      const box = await page.getByTestId('qr-code').boundingBox();
      expect(box?.height ?? 0).toBeGreaterThanOrEqual(0.6 * 1080);
      await screenshot(page, 'projector-qr-1920-en');
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByTestId('qr-dialog').isVisible()).toBe(false);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
