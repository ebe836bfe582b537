// What the classifier tests (one network, race, lesson) do to the page: open it, train, read it.
import { expect, inject } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { newPage } from './browser';
import type { LabPage, NewPageOptions } from './browser';

/** Opens `?query` and waits until the training worker is ready. */
export async function openClassifier(browser: Browser, query: string, options: NewPageOptions = {}): Promise<LabPage> {
  const lab = await newPage(browser, options);
  await lab.page.goto(new URL(`./?${query}`, inject('baseURL')).href);
  await lab.page.getByTestId('backend-in-use').waitFor({ timeout: 30_000 });
  return lab;
}

export const stepCount = async (page: Page) => Number(await page.getByTestId('step-count').getAttribute('data-value'));

/**
 * "+100 steps" `steps / 100` times, waiting each time for the snapshot that follows, and calling
 * `after` then (e.g. to read a count that covers exactly those hundred steps).
 */
export async function trainSteps(page: Page, steps: number, after: () => Promise<void> = async () => undefined) {
  for (let done = 0; done < steps; done += 100) {
    const start = await stepCount(page);
    await page.getByTestId('step-100').click();
    await expect.poll(() => stepCount(page), { timeout: 30_000 }).toBe(start + 100);
    await after();
  }
}

/** The number a race table cell starts with ("0.600 (12/20)…" → 0.6), or null for "—". */
export async function raceCell(page: Page, row: string, lane: number): Promise<number | null> {
  const text = (await page.getByTestId(`race-${row}-${lane}`).textContent()) ?? '';
  const match = /^-?\d+(\.\d+)?/.exec(text.trim());
  return match ? Number(match[0]) : null;
}
