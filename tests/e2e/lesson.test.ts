// The guided lesson, clicked through as a teacher would in front of the class.
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, newPage, screenshot } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

it('walks from the loss curves to the trained network, one step at a time', async () => {
  const { page, errors, close } = await newPage(browser, { width: 1920, height: 1080 });
  try {
    await page.goto(new URL('./', inject('baseURL')).href);
    await page.getByTestId('lesson-open').click();
    expect(await page.getByTestId('lesson-title').textContent()).toContain('a hundred easy examples');
    expect(await page.getByTestId('toggle-focal').isChecked()).toBe(false);

    await page.getByTestId('lesson-next').click(); // class weights
    expect(await page.getByTestId('toggle-auto-alpha').isChecked()).toBe(true);
    expect(await page.getByTestId('value-alpha').textContent()).toBe('0.99');

    await page.getByTestId('lesson-next').click(); // focal loss
    expect(await page.getByTestId('toggle-focal').isChecked()).toBe(true);
    await screenshot(page, 'lesson-focal-1920x1080');

    for (let i = 0; i < 3; i++) await page.getByTestId('lesson-next').click(); // gradient, DWB, train with CE
    await page.getByTestId('backend-in-use').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('train-loss-ce').isChecked()).toBe(true);
    await expect.poll(() => new URL(page.url()).searchParams.get('lessonStep')).toBe('6');

    await page.getByTestId('lesson-next').click(); // same network, focal loss
    expect(await page.getByTestId('train-loss-focal').isChecked()).toBe(true);
    await page.getByTestId('lesson-back').click();
    expect(await page.getByTestId('train-loss-ce').isChecked()).toBe(true);

    await page.getByTestId('lesson-close').click();
    expect(await page.getByTestId('lesson-bar').count()).toBe(0);
    expect(errors).toEqual([]);
  } finally {
    await close();
  }
});

it('opens at the step a shared link names', async () => {
  const { page, close } = await newPage(browser, { lang: 'zh-CN' });
  try {
    await page.goto(new URL('./?lessonStep=3&losses=ce,focal', inject('baseURL')).href);
    expect(await page.getByTestId('lesson-title').textContent()).toBe('焦点损失:压低容易的样本');
  } finally {
    await close();
  }
});
