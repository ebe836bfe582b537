// "Export as a PyTorch script": the two files the classifier gives run in real PyTorch and start
// where the page starts (same data, initial weights and loss: the same loss at step 0).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser';
import { openClassifier } from './classifierPage';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const small = 'view=classifier&shape=blobs&ratio=20&size=1000&noise=0.8&dataSeed=7&modelSeed=3&hiddenLayers=1&width=8&batchSize=32';

/** Clicks the export and saves both downloads into a fresh folder, under the names the page gave them. */
async function exportRun(page: Page): Promise<string> {
  const folder = mkdtempSync(join(tmpdir(), 'imbalance-lab-pytorch-'));
  const downloads: Promise<void>[] = [];
  const saved = new Promise<void>((resolve) => {
    page.on('download', (download) => {
      downloads.push(download.saveAs(join(folder, download.suggestedFilename())));
      if (downloads.length === 2) resolve();
    });
  });
  await page.getByTestId('export-pytorch').click();
  await saved;
  await Promise.all(downloads);
  return folder;
}

/** The training losses the script prints, by step. */
function runScript(folder: string, steps: number): Map<number, number> {
  const output = execFileSync('/usr/bin/python3', [join(folder, 'train.py'), '--steps', String(steps)], { encoding: 'utf8', timeout: 60_000 });
  return new Map([...output.matchAll(/^step\s+(\d+)\s+training loss (\S+)$/gm)].map((m) => [Number(m[1]), Number(m[2])]));
}

/** The largest training loss of the run so far, as the history chart's legend shows it (3 significant digits). */
async function legendLoss(page: Page): Promise<number> {
  const text = (await page.locator('.classifier-charts').textContent()) ?? '';
  const match = /÷ ([\d.]+(?:e[-+]?\d+)?)/.exec(text);
  return match ? Number(match[1]) : Number.NaN;
}

describe('Export as a PyTorch script', () => {
  it('gives train.py and train.csv that run in PyTorch from the page’s starting loss', async () => {
    const { page, errors, close } = await openClassifier(browser, `${small}&train=focal&focal.gamma=2&autoAlpha=1`);
    try {
      await expect.poll(() => legendLoss(page), { timeout: 30_000 }).toBeGreaterThan(0);
      const folder = await exportRun(page);
      const csv = readFileSync(join(folder, 'train.csv'), 'utf8').trim().split('\n');
      expect(csv[0]).toBe('x,y,label');
      // As many rows as the training counts the page shows beside α.
      const counts = /([\d,]+) minority : ([\d,]+) majority/.exec((await page.getByTestId('derived-from-counts').textContent()) ?? '');
      const trained = counts ? Number(counts[1]?.replace(/,/g, '')) + Number(counts[2]?.replace(/,/g, '')) : Number.NaN;
      expect(csv.length - 1).toBe(trained);
      const losses = runScript(folder, 3);
      expect([...losses.keys()]).toEqual([0, 1, 3]);
      expect(losses.get(0)).toBeCloseTo(await legendLoss(page), 2);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('exports the lane asked for in a race', async () => {
    const race = encodeURIComponent('ce;dwb');
    const { page, errors, close } = await openClassifier(browser, `${small}&race=${race}`);
    try {
      await page.getByTestId('pytorch-lane').selectOption('1');
      const folder = await exportRun(page);
      const script = readFileSync(join(folder, 'train.py'), 'utf8');
      expect(script).toMatch(/DWB|Dynamically Weighted/);
      expect(runScript(folder, 1).size).toBe(2);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
