// "Works offline once loaded": the service worker precaches the app, its worker and the wasm files.
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, newPage } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

it('reloads and trains the classifier with the network cut off', async () => {
  const { page, errors, close } = await newPage(browser);
  try {
    const url = new URL('./?view=classifier&size=500', inject('baseURL')).href;
    await page.goto(url);
    await page.getByTestId('backend-in-use').waitFor({ timeout: 30_000 });
    // Wait until the service worker controls the page: only then is everything precached.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
      }
    });

    await page.context().setOffline(true);
    await page.reload();
    await page.getByTestId('backend-in-use').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('backend-in-use').textContent()).toContain('WebAssembly');
    await page.getByTestId('step-100').click();
    await expect.poll(async () => Number(await page.getByTestId('step-count').getAttribute('data-value')), { timeout: 30_000 }).toBe(100);

    await page.getByTestId('view-curves').click();
    await page.getByTestId('formula-focal').locator('.katex').waitFor({ timeout: 10_000 });
    expect(errors).toEqual([]);
  } finally {
    await close();
  }
});
