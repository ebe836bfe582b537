// The curve explorer as a teacher uses it: drag sliders, hover charts, share links, switch language.
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

async function open(query = '', options: { width?: number; height?: number; lang?: string } = {}): Promise<LabPage> {
  const lab = await newPage(browser, options);
  await lab.page.goto(new URL(query || './', inject('baseURL')).href);
  await lab.page.getByTestId('chart-loss-pt-svg').locator('path[data-loss]').first().waitFor();
  return lab;
}

const readNumber = async (page: Page, testId: string) =>
  Number(await page.getByTestId(testId).getAttribute('data-value'));

/** Focal loss at p_t = σ(x_t) for a positive example, written out independently of src/losses. */
function focalAt(xt: number, gamma: number, alpha: number) {
  const pt = 1 / (1 + Math.exp(-xt));
  return -alpha * (1 - pt) ** gamma * Math.log(pt);
}

/** The read-out heading states p_t; return the x_t it shows, to recompute expected values. */
async function cursorXt(page: Page) {
  const text = (await page.getByTestId('readout').locator('h2').textContent()) ?? '';
  const match = /x_t = (-?[\d.]+)/.exec(text);
  if (!match?.[1]) throw new Error(`no x_t in read-out heading: ${text}`);
  return Number(match[1]);
}

async function dragSlider(page: Page, testId: string, fraction: number) {
  await page.getByTestId(testId).scrollIntoViewIfNeeded();
  const box = await page.getByTestId(testId).boundingBox();
  if (!box) throw new Error(`${testId} is not visible`);
  const value = Number(await page.getByTestId(testId).inputValue());
  const max = Number(await page.getByTestId(testId).getAttribute('max'));
  const y = box.y + box.height / 2;
  // Grab the thumb where it is, then drag it in small steps, as a hand would.
  const thumbInset = 8;
  const xAt = (f: number) => box.x + thumbInset + f * (box.width - 2 * thumbInset);
  await page.mouse.move(xAt(value / max), y);
  await page.mouse.down();
  await page.mouse.move(xAt(fraction), y, { steps: 12 });
  await page.mouse.up();
}

describe('dragging the γ slider', () => {
  it('bends the focal curve and updates the read-out to the exact focal value', async () => {
    const { page, errors, close } = await open('?losses=ce,focal');
    try {
      const focalPath = page.getByTestId('chart-loss-pt-svg').locator('path[data-loss="focal"]');
      const ceBefore = await page.getByTestId('chart-loss-pt-svg').locator('path[data-loss="ce"]').getAttribute('d');
      const pathBefore = await focalPath.getAttribute('d');
      const xt = await cursorXt(page);
      expect(await readNumber(page, 'readout-focal-loss')).toBeCloseTo(focalAt(xt, 2, 0.25), 3);

      await dragSlider(page, 'slider-focal.gamma', 0.05);
      const gamma = Number(await page.getByTestId('value-focal.gamma').textContent());
      expect(gamma).toBeGreaterThan(0);
      expect(gamma).toBeLessThan(1);

      expect(await focalPath.getAttribute('d')).not.toBe(pathBefore);
      // Cross-entropy has no γ: its curve must not move.
      expect(await page.getByTestId('chart-loss-pt-svg').locator('path[data-loss="ce"]').getAttribute('d')).toBe(ceBefore);
      const shown = await readNumber(page, 'readout-focal-loss');
      const expected = focalAt(await cursorXt(page), gamma, 0.25);
      expect(Math.abs(shown - expected) / expected).toBeLessThan(2e-3); // x_t in the heading has 4 digits
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('moves in steps of 0.01 with the arrow keys', async () => {
    const { page, close } = await open();
    try {
      await page.getByTestId('slider-focal.gamma').focus();
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      expect(await page.getByTestId('value-focal.gamma').textContent()).toBe('2.02');
    } finally {
      await close();
    }
  });

  it('writes the new value into the address bar, so a reload restores it', async () => {
    const { page, close } = await open();
    try {
      await page.getByTestId('slider-focal.gamma').focus();
      await page.keyboard.press('End');
      await expect.poll(() => new URL(page.url()).searchParams.get('focal.gamma')).toBe('10');
      await page.reload();
      await page.getByTestId('value-focal.gamma').waitFor();
      expect(await page.getByTestId('value-focal.gamma').textContent()).toBe('10');
    } finally {
      await close();
    }
  });
});

describe('a shared link', () => {
  it('restores losses, parameters, the example class and the log axis', async () => {
    const { page, errors, close } = await open('?gamma=3&alpha=0.5&losses=focal,dwb&y=0&log=1&ratio=1000');
    try {
      expect(await page.getByTestId('value-focal.gamma').textContent()).toBe('3');
      expect(await page.getByTestId('value-focal.alpha').textContent()).toBe('0.5');
      expect(await page.getByTestId('value-ratio').textContent()).toBe('1 : 1000');
      expect(await page.getByTestId('toggle-log').isChecked()).toBe(true);
      expect(await page.getByTestId('example-class-0').isChecked()).toBe(true);
      expect(await page.getByTestId('readout').locator('tbody tr').count()).toBe(2);
      expect(await page.getByTestId('chart-loss-pt-svg').locator('path[data-loss]').count()).toBe(2);
      // For y = 0 the focal weight is 1 − α: the read-out must use it.
      const xt = await cursorXt(page);
      const expected = focalAt(xt, 3, 0.5);
      expect(Math.abs((await readNumber(page, 'readout-focal-loss')) - expected) / expected).toBeLessThan(2e-3);
      expect(await page.getByTestId('notices').count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('with bad values gets a polite notice, safe text, and a page that keeps working', async () => {
    const evil = encodeURIComponent('<img src=x onerror="window.__pwned=1">');
    const { page, errors, close } = await open(`?gamma=50&alpha=abc&losses=focal,${evil}&lang=xx&colour=red`);
    try {
      const notices = page.getByTestId('notice');
      expect(await notices.count()).toBe(5);
      const text = (await page.getByTestId('notices').textContent()) ?? '';
      expect(text).toContain('gamma=50');
      expect(text).toContain('10');
      expect(text).toContain('<img'); // shown as text…
      expect(await page.locator('.notices img').count()).toBe(0); // …never as markup
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(await page.getByTestId('value-focal.gamma').textContent()).toBe('10');
      expect(await page.getByTestId('value-focal.alpha').textContent()).toBe('0.25');

      await dragSlider(page, 'slider-focal.gamma', 0.2);
      expect(Number(await page.getByTestId('value-focal.gamma').textContent())).toBeLessThan(5);
      await page.getByRole('button', { name: 'Dismiss' }).click();
      expect(await page.getByTestId('notices').count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});

describe('the charts', () => {
  it('move the read-out to where the pointer is, and with the arrow keys', async () => {
    const { page, close } = await open();
    try {
      const overlay = page.getByTestId('chart-loss-pt-svg').locator('rect.overlay');
      const box = await overlay.boundingBox();
      if (!box) throw new Error('no overlay');
      await page.mouse.move(box.x + box.width * 0.25, box.y + box.height / 2);
      const heading = page.getByTestId('readout').locator('h2');
      const pt = Number(/p_t = ([\d.]+)/.exec((await heading.textContent()) ?? '')?.[1]);
      expect(pt).toBeGreaterThan(0.2);
      expect(pt).toBeLessThan(0.3);

      await page.getByTestId('chart-loss-pt-svg').focus();
      await page.keyboard.press('ArrowRight');
      const after = Number(/p_t = ([\d.]+)/.exec((await heading.textContent()) ?? '')?.[1]);
      expect(after).toBeCloseTo(pt + 0.01, 2);
    } finally {
      await close();
    }
  });

  it('draw a curve and a read-out row for every loss that is ticked', async () => {
    const { page, errors, close } = await open();
    try {
      for (const id of ['dwb', 'poly1', 'asl', 'la-ce']) await page.getByTestId(`toggle-${id}`).check();
      for (const chart of ['chart-loss-pt', 'chart-grad-pt', 'chart-loss-logit', 'chart-grad-logit']) {
        expect(await page.getByTestId(`${chart}-svg`).locator('path[data-loss]').count()).toBe(7);
      }
      expect(await page.getByTestId('readout').locator('tbody tr').count()).toBe(7);
      // DWB's regulariser makes it slightly negative for a confident correct example: shown honestly.
      await page.getByTestId('chart-loss-logit-svg').focus();
      await page.keyboard.press('End');
      expect(await readNumber(page, 'readout-dwb-loss')).toBeLessThan(0);
      await page.getByTestId('formula-focal').locator('.katex').waitFor();
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});

describe('DWB’s regulariser', () => {
  it('shows where the loss bottoms out, and with λ = 0 is the weighting alone', async () => {
    const { page, errors, close } = await open('./?losses=ce,dwb&y=0');
    try {
      // A majority example has weight 1: the minimum is at p_t = (1 + √5)/4 ≈ 0.81.
      await expect.poll(() => page.getByTestId('dwb-minimum').textContent()).toMatch(/p_t = 0\.81 \(L = -0\.097/);
      // …and marked on both loss charts, not on the push charts.
      await expect.poll(() => page.locator('[data-point="dwb-minimum"]').count()).toBe(2);
      expect(await page.getByTestId('chart-loss-pt').locator('[data-point="dwb-minimum"] text').textContent()).toBe('lowest');
      await dragSlider(page, 'slider-dwb.lambda', 0);
      await expect.poll(() => page.getByTestId('value-dwb.lambda').textContent()).toBe('0');
      await expect.poll(() => page.getByTestId('dwb-minimum').textContent()).toMatch(/λ = 0/);
      expect(await page.locator('[data-point="dwb-minimum"]').count()).toBe(0);
      // w = 1 and no regulariser: DWB is cross-entropy.
      expect(await readNumber(page, 'readout-dwb-loss')).toBeCloseTo(await readNumber(page, 'readout-ce-loss'), 12);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});

describe('Copy as PyTorch', () => {
  it('copies the loss at the slider’s values, and each loss keeps its own ε', async () => {
    const { page, errors, close } = await open('?losses=focal,poly1,label-smoothing&focal.gamma=0.5&poly1.epsilon=-1&label-smoothing.epsilon=0.2');
    try {
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
      await page.getByTestId('formula-focal').locator('summary').click();
      await page.getByTestId('copy-pytorch-focal').click();
      await expect.poll(() => page.getByTestId('copy-pytorch-focal').textContent()).toBe('Code copied');
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toContain('def loss_fn(logits, targets):');
      expect(copied).toMatch(/gamma = 0\.5\b/);
      expect(copied).toBe(await page.getByTestId('pytorch-focal').textContent());
      await page.getByTestId('formula-poly1').locator('summary').click();
      await page.getByTestId('formula-label-smoothing').locator('summary').click();
      expect(await page.getByTestId('pytorch-poly1').textContent()).toMatch(/epsilon = -1\.0\b/);
      expect(await page.getByTestId('pytorch-label-smoothing').textContent()).toMatch(/epsilon = 0\.2\b/);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});

describe('languages', () => {
  it('switch to Chinese from the header and keep it in the link', async () => {
    const { page, close } = await open();
    try {
      await page.getByTestId('lang-zh').click();
      // The Chinese strings load on first use: a moment later, the page is in Chinese.
      await expect.poll(() => page.locator('h1').textContent()).toBe('不平衡实验室');
      expect(await page.getByTestId('chart-loss-pt').locator('figcaption').textContent()).toBe('损失与真实类别置信度的关系');
      await expect.poll(() => new URL(page.url()).searchParams.get('lang')).toBe('zh');
    } finally {
      await close();
    }
  });

  it('follow a Chinese browser, and keep English after a reload once the teacher picks it', async () => {
    const { page, close } = await open('', { lang: 'zh-CN' });
    try {
      expect(await page.locator('h1').textContent()).toBe('不平衡实验室');
      await page.getByTestId('lang-en').click();
      await expect.poll(() => new URL(page.url()).searchParams.get('lang')).toBe('en');
      await page.reload();
      await page.locator('h1').waitFor();
      expect(await page.locator('h1').textContent()).toBe('Imbalance Lab');
    } finally {
      await close();
    }
  });

  it('open in Chinese from ?lang=zh', async () => {
    const { page, close } = await open('?lang=zh');
    try {
      expect(await page.locator('h1').textContent()).toBe('不平衡实验室');
      expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    } finally {
      await close();
    }
  });
});

describe('screenshots for review', () => {
  for (const [width, height] of [
    [1920, 1080],
    [1280, 800],
  ] as const) {
    for (const lang of ['en', 'zh']) {
      it(`renders at ${width}×${height} in ${lang} without errors`, async () => {
        const { page, errors, close } = await open(`?lang=${lang}&losses=ce,balanced-ce,focal,dwb`, { width, height });
        try {
          await page.getByTestId('formula-focal').locator('.katex').waitFor();
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          expect(overflow).toBeLessThanOrEqual(0);
          await screenshot(page, `explorer-${width}x${height}-${lang}`);
          expect(errors).toEqual([]);
        } finally {
          await close();
        }
      });
    }
  }
});
