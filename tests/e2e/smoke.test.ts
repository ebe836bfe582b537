// First end-to-end check: the built app loads in Chromium and renders without errors.
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, newPage, screenshot } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

test('the built app loads with a title, a heading and no errors', async () => {
  const { page, errors, close } = await newPage(browser, { width: 1280, height: 800 });
  try {
    await page.goto(inject('baseURL'), { waitUntil: 'load' });
    const h1 = page.locator('h1').first();
    await h1.waitFor({ state: 'visible' }); // React renders after load
    expect((await page.title()).trim()).not.toBe('');
    expect((await h1.textContent())?.trim()).toBeTruthy();
    await page.waitForLoadState('networkidle'); // let lazy chunks and the service worker settle
    await screenshot(page, 'smoke');
    expect(errors).toEqual([]);
  } finally {
    await close();
  }
});
