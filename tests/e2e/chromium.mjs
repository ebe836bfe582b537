// Launching Debian's Chromium with playwright-core, shared by browser.ts (e2e) and bench/run.mjs.
// Plain JS so that the benchmark runs on Node 20 without a TypeScript loader.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

// Flags from /work/shared/STACK.md: no sandbox (we run as root in a container), no GPU here, and
// nothing that phones home (there is no internet, and it would add noise to timings).
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Starts headless Chromium. Playwright's launch() already runs it with a fresh, empty temporary
 * --user-data-dir that it deletes on close (it refuses that flag in `args`), and every
 * newContext() is a clean incognito-like profile, so no state leaks between runs.
 * @returns {Promise<import('playwright-core').Browser>}
 */
export async function launchChromium() {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`${CHROMIUM_PATH} not found: install it: apt-get install -y chromium`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}
