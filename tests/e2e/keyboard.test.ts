// The classroom from the keyboard: Space trains and pauses, ← and → turn the lesson's pages, "?"
// lists the shortcuts, and none of it fires while a field or a control has the keys. Also "Copy
// link" (the state, not the address bar) and prefers-reduced-motion.
import { mkdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { en } from '../../src/i18n/en';
import { zh } from '../../src/i18n/zh';
import { lessonSteps } from '../../src/lesson/steps';
import { shortcuts } from '../../src/panels/useShortcuts';
import { collectErrors, launchChromium } from './browser';
import type { LabPage } from './browser';
import { openClassifier, stepCount } from './classifierPage';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** A page in a context of its own, with whatever the context needs (permissions, reduced motion). */
async function open(query: string, options: BrowserContextOptions = {}): Promise<LabPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US', ...options });
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto(new URL(`./?${query}`, inject('baseURL')).href);
  await page.locator('.layout').waitFor();
  return { page, errors, close: () => context.close() };
}

const lessonTitle = (id: string) => (en.guide.steps as Record<string, { title: string }>)[id]?.title;
const activeTestId = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName);
const dialogOpen = (page: Page) => page.getByTestId('shortcuts-dialog').evaluate((d: HTMLDialogElement) => d.open);
/** Nothing has focus: where a teacher is after clicking the page's background. */
const blur = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
/** Long enough for the worker to have run (and reported) hundreds of steps had training started. */
const settle = (page: Page) => page.waitForTimeout(800);

describe('Space', () => {
  for (const [name, query] of [
    ['one network', 'view=classifier'],
    ['a race', 'view=classifier&race=ce;focal:gamma=2,alpha=0.5'],
  ] as const) {
    it(`trains and pauses ${name}`, async () => {
      const { page, errors, close } = await openClassifier(browser, query);
      try {
        expect(await page.getByTestId('play').getAttribute('aria-keyshortcuts')).toBe('Space');
        await page.keyboard.press(' ');
        await page.getByTestId('pause').waitFor();
        await expect.poll(() => stepCount(page), { timeout: 30_000 }).toBeGreaterThan(0);
        // Space does not scroll the page while it trains.
        expect(await page.evaluate(() => window.scrollY)).toBe(0);
        await page.keyboard.press(' ');
        await page.getByTestId('play').waitFor();
        const paused = await stepCount(page);
        await settle(page);
        expect(await stepCount(page)).toBe(paused);
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    });
  }

  it('on a focused slider, button or checkbox is that control’s, and trains nothing', async () => {
    const { page, errors, close } = await openClassifier(browser, 'view=classifier');
    try {
      const rate = await page.getByTestId('value-learningRate').textContent();
      await page.getByTestId('slider-learningRate').focus();
      await page.keyboard.press(' ');
      // The view's own tab: pressing it again changes nothing.
      await page.getByTestId('view-classifier').focus();
      await page.keyboard.press(' ');
      const testPoints = page.getByTestId('toggle-test-points');
      const shown = await testPoints.isChecked();
      await testPoints.focus();
      await page.keyboard.press(' ');
      expect(await testPoints.isChecked()).toBe(!shown);
      await settle(page);
      expect(await stepCount(page)).toBe(0);
      expect(await page.getByTestId('play').isVisible()).toBe(true);
      expect(await page.getByTestId('value-learningRate').textContent()).toBe(rate);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});

describe('← and →', () => {
  it('move through the lesson, and each step’s settings apply', async () => {
    const { page, errors, close } = await open('lessonStep=1');
    try {
      expect(await page.getByTestId('lesson-title').textContent()).toBe(lessonTitle('problem'));
      // On the first step there is no step before it.
      await page.keyboard.press('ArrowLeft');
      expect(await page.getByTestId('lesson-title').textContent()).toBe(lessonTitle('problem'));

      await page.keyboard.press('ArrowRight');
      expect(await page.getByTestId('lesson-title').textContent()).toBe(lessonTitle('classWeights'));
      expect(await page.getByTestId('toggle-balanced-ce').isChecked()).toBe(true);
      expect(await page.getByTestId('value-balanced-ce.alpha').textContent()).toBe('0.99');
      await expect.poll(() => new URL(page.url()).searchParams.get('lessonStep')).toBe('2');

      // Step 3 is a race of two lanes on the classifier, trained to step 1,000.
      await page.keyboard.press('ArrowRight');
      expect(await page.getByTestId('lesson-title').textContent()).toBe(lessonTitle('operatingPoint'));
      await page.getByTestId('race-loss-2').waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('race-loss-3').count()).toBe(0);
      await page.getByTestId('train-to').waitFor();
      expect(await page.getByTestId('train-to').getAttribute('aria-keyshortcuts')).toBe('Space');

      await page.keyboard.press('ArrowLeft');
      expect(await page.getByTestId('lesson-title').textContent()).toBe(lessonTitle('classWeights'));
      await page.getByTestId('chart-loss-pt').waitFor();
      expect(await page.getByTestId('race-loss-1').count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('stay with a focused slider, which keeps its own arrow keys, and with a focused chart', async () => {
    const { page, errors, close } = await open('lessonStep=2');
    try {
      const ratio = await page.getByTestId('value-ratio').textContent();
      await page.getByTestId('slider-ratio').focus();
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('ArrowLeft');
      expect(await page.getByTestId('value-ratio').textContent()).not.toBe(ratio);
      await page.getByTestId('chart-loss-pt-svg').focus();
      await page.keyboard.press('ArrowRight');
      expect(await page.getByTestId('lesson-title').textContent()).toBe(lessonTitle('classWeights'));
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('do nothing to the lesson while it is closed', async () => {
    const { page, close } = await open('');
    try {
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowLeft');
      expect(await page.getByTestId('lesson-bar').count()).toBe(0);
      expect(new URL(page.url()).searchParams.get('lessonStep')).toBeNull();
    } finally {
      await close();
    }
  });
});

describe('typing in a field', () => {
  it('never triggers a shortcut, whatever the field', async () => {
    // Step 12 trains one network from "Train to step 1,000", and has a step before and after it.
    const { page, errors, close } = await openClassifier(browser, 'lessonStep=12');
    try {
      const title = lessonTitle(lessonSteps[11]?.id ?? '');
      // The app has no text field of its own today; any field a later version adds is one of these.
      await page.evaluate(() => {
        const fields = [document.createElement('input'), document.createElement('textarea'), document.createElement('div')];
        fields[2]?.setAttribute('contenteditable', 'true');
        fields.forEach((field, i) => {
          field.setAttribute('data-testid', `field-${i}`);
          document.querySelector('.lesson-bar')?.append(field);
        });
      });
      for (const i of [0, 1, 2]) {
        const field = page.getByTestId(`field-${i}`);
        await field.focus();
        await page.keyboard.type('a ?b');
        for (const key of ['ArrowLeft', 'ArrowRight', ' ', '?']) await page.keyboard.press(key);
        const typed = await field.evaluate((el) => (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement ? el.value : el.textContent));
        expect(typed?.replace(/\u00a0/g, ' ')).toBe('a ?b ?');
      }
      await settle(page);
      expect(await page.getByTestId('lesson-title').textContent()).toBe(title);
      expect(await dialogOpen(page)).toBe(false);
      expect(await stepCount(page)).toBe(0);
      expect(await page.getByTestId('train-to').isVisible()).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});

describe('the "?" overlay', () => {
  it('opens with focus inside, lists every shortcut, and Esc closes it with focus returned', async () => {
    const { page, errors, close } = await open('');
    try {
      await page.getByTestId('share').focus();
      await page.keyboard.press('?');
      await expect.poll(() => dialogOpen(page)).toBe(true);
      expect(await page.evaluate(() => document.activeElement?.closest('dialog')?.getAttribute('data-testid'))).toBe('shortcuts-dialog');
      const dialog = page.getByRole('dialog', { name: en.shortcuts.title });
      expect(await dialog.isVisible()).toBe(true);
      for (const { id } of shortcuts) {
        expect(await page.getByTestId(`shortcut-${id}`).textContent()).toBe(`${en.shortcuts[id].key}${en.shortcuts[id].action}`);
      }
      // A modal dialog: the page's shortcuts wait behind it.
      await page.keyboard.press('?');
      await page.keyboard.press('Escape');
      expect(await dialogOpen(page)).toBe(false);
      expect(await activeTestId(page)).toBe('share');

      // Its button, and Close.
      await page.getByTestId('shortcuts-open').click();
      expect(await dialogOpen(page)).toBe(true);
      await page.getByTestId('shortcuts-close').click();
      expect(await dialogOpen(page)).toBe(false);
      expect(await activeTestId(page)).toBe('shortcuts-open');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  for (const [lang, strings] of [['en', en], ['zh', zh]] as const) {
    it(`reads in ${lang === 'en' ? 'English' : 'Chinese'} at 1920×1080`, async () => {
      const { page, errors, close } = await open(`lessonStep=1&lang=${lang}`, { viewport: { width: 1920, height: 1080 } });
      try {
        await blur(page);
        await page.keyboard.press('?');
        const dialog = page.getByRole('dialog', { name: strings.shortcuts.title });
        await dialog.waitFor();
        expect(await page.getByTestId('shortcut-trainPause').locator('kbd').textContent()).toBe(strings.shortcuts.trainPause.key);
        // The whole dialog on screen, its rows on one line each at projector size.
        const box = await dialog.boundingBox();
        expect(box && box.y >= 0 && box.y + box.height <= 1080).toBe(true);
        await mkdir('/tmp/shots', { recursive: true });
        await page.screenshot({ path: `/tmp/shots/shortcuts-${lang}-1920.png` });
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    });
  }
});

describe('Copy link', () => {
  it('right after a slider moves, copies the new value, not the address bar of a moment ago', async () => {
    const { page, errors, close } = await open('view=curves', { permissions: ['clipboard-read', 'clipboard-write'] });
    try {
      await page.getByTestId('slider-focal.gamma').waitFor();
      // Move γ and press the button within one task each, long before the address bar follows
      // (200 ms): what the page showed when the button was pressed is what the link must hold.
      const atClick = await page.evaluate(async () => {
        const slider = document.querySelector<HTMLInputElement>('[data-testid="slider-focal.gamma"]');
        if (!slider) throw new Error('no γ slider');
        slider.focus();
        const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
        setValue?.call(slider, String(Number(slider.max)));
        slider.dispatchEvent(new Event('input', { bubbles: true }));
        await new Promise((resolve) => setTimeout(resolve, 0));
        document.querySelector<HTMLButtonElement>('[data-testid="share"]')?.click();
        return { search: window.location.search, shown: document.querySelector('[data-testid="value-focal.gamma"]')?.textContent };
      });
      // The address bar had not caught up: the old way would have copied the previous γ.
      expect(new URLSearchParams(atClick.search).get('focal.gamma')).toBeNull();
      await expect.poll(() => page.getByTestId('share').textContent()).toBe(en.controls.copied);
      const copied = new URL(await page.evaluate(() => navigator.clipboard.readText()));
      expect(copied.searchParams.get('focal.gamma')).toBe(atClick.shown);
      // …and it is the link the address bar then settles on.
      await expect.poll(() => page.url()).toBe(copied.href);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});

describe('prefers-reduced-motion', () => {
  /**
   * The elements and pseudo-elements of the page that move (a transition or an animation longer
   * than 0 s), and the durations of a probe: an element with an inline transition and animation,
   * as a later version might add, that the stylesheet must still stop.
   */
  const motion = (page: Page) =>
    page.evaluate(() => {
      const probe = document.createElement('div');
      probe.style.transition = 'opacity 1s';
      probe.style.animation = 'spin 2s infinite';
      document.body.append(probe);
      const probeStyle = getComputedStyle(probe);
      const probed = [probeStyle.transitionDuration, probeStyle.animationDuration];
      probe.remove();
      const moving: string[] = [];
      for (const el of document.querySelectorAll('*')) {
        for (const pseudo of [null, '::before', '::after']) {
          const style = getComputedStyle(el, pseudo);
          for (const value of [style.transitionDuration, style.animationDuration]) {
            if (value.split(',').some((d) => parseFloat(d) > 0)) moving.push(`${el.tagName}.${el.className}${pseudo ?? ''}: ${value}`);
          }
        }
      }
      return { moving, probed };
    });
  const still = { moving: [], probed: ['0s', '0s'] };

  it('turns every transition and animation off, on both views and with the dialog open', async () => {
    const { page, errors, close } = await open('', { reducedMotion: 'reduce' });
    try {
      expect(await page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches)).toBe(true);
      expect(await motion(page)).toEqual(still);
      await page.getByTestId('shortcuts-open').click();
      expect(await page.getByTestId('shortcuts-dialog').evaluate((d) => getComputedStyle(d, '::backdrop').transitionDuration)).toBe('0s');
      expect(await motion(page)).toEqual(still);
      await page.keyboard.press('Escape');
      await page.getByTestId('view-classifier').click();
      await page.getByTestId('backend-in-use').waitFor({ timeout: 30_000 });
      expect(await motion(page)).toEqual(still);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('leaves motion alone for everyone else', async () => {
    const { page, close } = await open('', { reducedMotion: 'no-preference' });
    try {
      expect((await motion(page)).probed).toEqual(['1s', '2s']);
    } finally {
      await close();
    }
  });
});
