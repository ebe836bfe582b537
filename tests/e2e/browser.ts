// Browser helpers for e2e tests: one Chromium per test file, one fresh context per page, and every
// console error / uncaught exception collected so that tests can assert the app ran cleanly.
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium.mjs';

export { launchChromium };

const SCREENSHOT_DIR = fileURLToPath(new URL('./screenshots/', import.meta.url)); // git-ignored

export interface NewPageOptions {
  width?: number;
  height?: number;
  /** BCP 47 tag, sets navigator.language and Accept-Language (e.g. to test translations). */
  lang?: string;
  /** 'block' keeps the service worker out, so that page.route sees every request. */
  serviceWorkers?: 'allow' | 'block';
  /** A phone: a touch screen and the mobile viewport behaviour. */
  isMobile?: boolean;
  hasTouch?: boolean;
}

export interface LabPage {
  page: Page;
  /** Console errors and uncaught page errors, in order; should stay empty. */
  errors: string[];
  close: () => Promise<void>;
}

export async function newPage(browser: Browser, options: NewPageOptions = {}): Promise<LabPage> {
  const { width = 1280, height = 800, lang = 'en-US', serviceWorkers = 'allow', isMobile = false, hasTouch = false } = options;
  // A context per page: the locale is per context, and no storage or service worker is shared.
  const context = await browser.newContext({ viewport: { width, height }, locale: lang, serviceWorkers, isMobile, hasTouch });
  const page = await context.newPage();
  return { page, errors: collectErrors(page), close: () => context.close() };
}

/** Collects the console errors and uncaught page errors of `page`, in order, into the returned array. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') {
      const { url, lineNumber } = message.location();
      errors.push(`console.error: ${message.text()}${url ? ` (${url}:${lineNumber})` : ''}`);
    }
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.stack ?? error.message}`));
  return errors;
}

/** Saves a full-page PNG as tests/e2e/screenshots/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const path = `${SCREENSHOT_DIR}${name.replace(/[^\w.-]+/g, '_')}.png`;
  await page.screenshot({ path, fullPage: true });
  return path;
}
