// A lazily loaded view must survive a flaky network and a new deploy: "Try again" imports it
// afresh; a tab open during a deploy keeps its own build until the person reloads; a tab whose
// build was removed under it says that a new version is available and reloads into it.
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { en } from '../../src/i18n/en';
import { zh } from '../../src/i18n/zh';
import { collectErrors, launchChromium, newPage } from './browser';
import { DIST_DIR, serveStatic } from './staticServer.mjs';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const CLASSIFIER_CHUNK = /\/assets\/ClassifierView-[^/]*\.js$/;
const TEXT_FILES = new Set(['.html', '.js', '.css', '.json', '.webmanifest']);

/**
 * Turns a copy of dist/ into "the next version": every fingerprinted file under assets/ gets a new
 * name (the old names are gone, as after a real deploy), every reference follows, and sw.js lists
 * the new files with fresh revisions, so browsers see a new service worker.
 */
function deployNextVersion(root: string) {
  const assets = join(root, 'assets');
  const renames = new Map(readdirSync(assets).map((name) => [name, name.replace(/(\.\w+)$/, '-next$1')]));
  const escaped = [...renames.keys()].sort((a, b) => b.length - a.length).map((name) => name.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&'));
  const oldName = new RegExp(`(${escaped.join('|')})(?![\\w.])`, 'g');
  const files = readdirSync(root, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  for (const entry of files) {
    const path = join(entry.parentPath, entry.name);
    if (!TEXT_FILES.has(extname(path))) continue;
    writeFileSync(path, readFileSync(path, 'utf8').replace(oldName, (name) => renames.get(name) ?? name));
  }
  for (const [from, to] of renames) renameSync(join(assets, from), join(assets, to));
  const swPath = join(root, 'sw.js');
  const sw = readFileSync(swPath, 'utf8').replace(
    /\{url:"([^"]+)",revision:"[0-9a-f]+"\}/g,
    (_, url: string) => `{url:"${url}",revision:"${createHash('md5').update(readFileSync(join(root, url))).digest('hex')}"}`,
  );
  writeFileSync(swPath, sw);
}

const entryScript = (page: Page) =>
  page.evaluate(() => document.querySelector<HTMLScriptElement>('script[type="module"][src]')?.src ?? null).catch(() => null);

async function untilControlled(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
}

// What a browser logs by itself for a request that failed: expected here, and only this.
const failedLoad = (pattern: RegExp) => (error: string) => !(/Failed to load resource/.test(error) && pattern.test(error));

it('opens the classifier with "Try again" after its code failed to arrive (in Chinese)', async () => {
  const { page, errors, close } = await newPage(browser, { lang: 'zh-CN', serviceWorkers: 'block' });
  try {
    let requests = 0;
    await page.route(CLASSIFIER_CHUNK, (route) => (++requests === 1 ? route.abort('internetdisconnected') : route.continue()));
    await page.goto(inject('baseURL'));
    await page.getByTestId('view-classifier').click();

    const panelError = page.getByTestId('panel-error');
    await panelError.waitFor();
    expect(await panelError.getAttribute('data-reason')).toBe('load-failed');
    expect(await panelError.locator('p').textContent()).toBe(zh.update.viewLoadFailed);

    await panelError.getByRole('button', { name: zh.app.tryAgain }).click();
    await page.getByTestId('backend-in-use').waitFor({ timeout: 30_000 });
    expect(requests).toBe(2); // a fresh import(), not React.lazy's remembered failure
    expect(errors.filter(failedLoad(/ClassifierView|ERR_INTERNET_DISCONNECTED/))).toEqual([]);
  } finally {
    await close();
  }
});

it('keeps an open tab working through a deploy, reloads it into the new version on request, and a tab left behind says so', async () => {
  const root = mkdtempSync(join(tmpdir(), 'imbalance-lab-deploy-'));
  cpSync(DIST_DIR, root, { recursive: true });
  const server = await serveStatic(root);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  try {
    const first = await context.newPage();
    const second = await context.newPage();
    const errors = [first, second].map((page) => collectErrors(page));
    await first.goto(server.url);
    await untilControlled(first);
    await second.goto(server.url);
    await untilControlled(second);
    const oldEntry = await entryScript(first);
    expect(oldEntry).toMatch(/\/assets\/index-[^/]+\.js$/);

    deployNextVersion(root);
    await first.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration())?.update();
    });
    for (const page of [first, second]) {
      const banner = page.getByTestId('update-banner');
      await banner.waitFor({ timeout: 30_000 });
      expect(await banner.getAttribute('data-status')).toBe('waiting');
      expect(await banner.locator('p').textContent()).toBe(en.update.available);
    }

    // Not stranded: the new version waits, and the old worker serves this tab its own build.
    await first.getByTestId('view-classifier').click();
    await first.getByTestId('backend-in-use').waitFor({ timeout: 30_000 });

    // The person accepts the update in the first tab: it reloads into the new version.
    await first.getByTestId('update-reload').click();
    await expect.poll(() => entryScript(first), { timeout: 30_000 }).toMatch(/-next\.js$/);
    await first.getByTestId('backend-in-use').waitFor({ timeout: 30_000 });
    expect(await first.getByTestId('update-banner').count()).toBe(0);

    // The second tab was taken over, its build's files deleted: no reload under the person's hands,
    // but the classifier says why it cannot open, and a reload brings it.
    await expect.poll(() => second.getByTestId('update-banner').getAttribute('data-status')).toBe('took-over');
    expect(await entryScript(second)).toBe(oldEntry);
    await second.getByTestId('view-classifier').click();
    const panelError = second.locator('[data-testid="panel-error"][data-reason="new-version"]');
    await panelError.waitFor({ timeout: 10_000 });
    expect(await panelError.locator('p').textContent()).toBe(en.update.viewNeedsNewVersion);
    await panelError.getByRole('button', { name: en.update.reload }).click();
    await expect.poll(() => entryScript(second), { timeout: 30_000 }).toMatch(/-next\.js$/);
    await second.getByTestId('backend-in-use').waitFor({ timeout: 30_000 });

    expect(errors.flat().filter(failedLoad(/404/))).toEqual([]);
  } finally {
    await context.close();
    await server.close();
    rmSync(root, { recursive: true, force: true });
  }
}, 120_000);
