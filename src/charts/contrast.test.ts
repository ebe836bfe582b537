import { readFileSync } from 'node:fs';
import { hcl } from 'd3';
import { describe, expect, it } from 'vitest';
import { lossStyles } from '../config';
import { binaryLossIds } from '../losses';
import { contrastRatio, readableOn, TEXT_CONTRAST } from './contrast';

describe('text in a loss colour', () => {
  it('measures contrast as WCAG 2 does', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 6);
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 6);
    expect(contrastRatio('#D55E00', '#D55E00')).toBe(1);
    // Okabe–Ito vermillion on white: 3.87 (axe-core reported 3.86 for the focal-loss note), short of 4.5.
    expect(contrastRatio('#D55E00', '#ffffff')).toBeCloseTo(3.87, 2);
  });

  it('is readable on white for every loss, in the loss’s own hue', () => {
    for (const id of binaryLossIds) {
      const { color } = lossStyles[id];
      const text = readableOn(color);
      expect(contrastRatio(text, '#ffffff'), id).toBeGreaterThanOrEqual(TEXT_CONTRAST);
      const [a, b] = [hcl(color), hcl(text)];
      if (a.c > 10) expect(Math.abs(((a.h - b.h + 540) % 360) - 180), `${id}: hue`).toBeLessThan(8);
    }
  });

  it('keeps a colour that is already readable, and darkens no further than it must', () => {
    expect(readableOn('#1b1f24')).toBe('#1b1f24');
    expect(readableOn('#0072B2')).toBe('#0072b2');
    const text = hcl(readableOn('#D55E00'));
    text.l += 1;
    expect(contrastRatio(text.formatHex(), '#ffffff')).toBeLessThan(TEXT_CONTRAST);
  });

  it('gives the stylesheet’s accent (the focal-loss note) focal loss’s hue, readable on white', () => {
    const css = readFileSync(new URL('../styles.css', import.meta.url), 'utf8');
    const accent = /--accent:\s*(#[0-9a-f]{6})/i.exec(css)?.[1];
    expect(accent?.toLowerCase()).toBe(readableOn(lossStyles.focal.color));
  });
});
