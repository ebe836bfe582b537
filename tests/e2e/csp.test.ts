// The shipped Content-Security-Policy (public/_headers) is what the browser gets, as a header and as
// a <meta>, and the app does all its work under it: KaTeX formulas (styles, inlined fonts), the
// service worker, and training on wasm in a module worker, with no violation reported.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { headersForPath, parseHeadersFile, policyForMeta } from '../../build/headersFile.mjs';
import { launchChromium, newPage } from './browser';

const HEADERS_FILE = fileURLToPath(new URL('../../public/_headers', import.meta.url));
const policy = headersForPath(parseHeadersFile(readFileSync(HEADERS_FILE, 'utf8')), '/')['Content-Security-Policy'];

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

declare global {
  interface Window {
    cspViolations?: string[];
  }
}

it('sends the policy of public/_headers as a header, and puts it in a <meta> before any script', async () => {
  expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
  const { page, close } = await newPage(browser);
  try {
    const response = await page.goto(inject('baseURL'));
    expect(response?.headers()['content-security-policy']).toBe(policy);
    const meta = await page.evaluate(() => {
      const element = document.querySelector('meta[http-equiv="Content-Security-Policy"]');
      const firstScript = document.querySelector('script, link[rel="modulepreload"], link[rel="stylesheet"]');
      return {
        content: element?.getAttribute('content'),
        beforeScripts: element !== null && firstScript !== null && (element.compareDocumentPosition(firstScript) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0,
      };
    });
    // frame-ancestors is ignored (with a console error) in a <meta>: it stays in the header only.
    expect(meta).toEqual({ content: policyForMeta(policy ?? ''), beforeScripts: true });
    expect(meta.content).not.toContain('frame-ancestors');
  } finally {
    await close();
  }
});

it('renders the formulas and trains the classifier on wasm with no policy violation', async () => {
  const { page, errors, close } = await newPage(browser);
  try {
    // Before the app's first script: every violation in the document. A worker's own violations
    // are not reported to the page, but what tfjs logs there when wasm is refused (warnings naming
    // the policy) is, and the fallback to another backend shows in the training bar.
    await page.addInitScript(() => {
      const seen: string[] = [];
      window.cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (event) => {
        seen.push(`${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'} in ${event.sourceFile}:${event.lineNumber}`);
      });
    });
    const workerProblems: string[] = [];
    page.on('worker', (worker) => {
      worker.on('console', (message) => {
        if (message.type() === 'error' || /content security policy/i.test(message.text())) workerProblems.push(message.text());
      });
    });
    await page.goto(inject('baseURL'));
    await page.getByTestId('formula-focal').locator('.katex').waitFor({ timeout: 15_000 });
    // KaTeX's stylesheet applied: its spans are laid out in KaTeX's fonts, not the page's.
    expect(await page.getByTestId('formula-focal').locator('.katex').evaluate((element) => getComputedStyle(element).fontFamily)).toMatch(/KaTeX_Main/);
    await page.evaluate(async () => {
      await document.fonts.ready;
      await navigator.serviceWorker.ready;
    });

    await page.getByTestId('view-classifier').click();
    const backend = page.getByTestId('backend-in-use');
    await backend.waitFor({ timeout: 30_000 });
    expect(await backend.textContent()).toContain('WebAssembly');
    await page.getByTestId('step-100').click();
    await expect.poll(async () => Number(await page.getByTestId('step-count').getAttribute('data-value')), { timeout: 30_000 }).toBe(100);

    expect(await page.evaluate(() => window.cspViolations)).toEqual([]);
    expect(workerProblems).toEqual([]);
    expect(errors).toEqual([]);
  } finally {
    await close();
  }
});

it('refuses to be framed (frame-ancestors, which only the header carries)', async () => {
  const { page, errors, close } = await newPage(browser);
  try {
    await page.setContent(`<iframe src="${inject('baseURL')}"></iframe>`);
    await expect.poll(() => errors.join('\n'), { timeout: 10_000 }).toMatch(/frame-ancestors 'none'/);
    const frame = page.frames()[1];
    expect(await frame?.evaluate(() => document.getElementById('root')).catch(() => null)).toBeFalsy();
  } finally {
    await close();
  }
});
