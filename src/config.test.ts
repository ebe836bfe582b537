import { describe, expect, it } from 'vitest';
import { lossStyles } from './config';
import { binaryLossIds } from './losses';

describe('loss styles', () => {
  it('give every loss its own dash, so colour is never the only cue', () => {
    const dashes = binaryLossIds.map((id) => lossStyles[id].dash);
    const solid = dashes.filter((dash) => dash === '');
    // Two solid lines at most (cross-entropy in black, focal in orange): far apart in lightness.
    expect(solid.length).toBeLessThanOrEqual(2);
    expect(new Set(dashes.filter((dash) => dash !== '')).size).toBe(dashes.length - solid.length);
  });

  it('give every loss its own colour', () => {
    expect(new Set(binaryLossIds.map((id) => lossStyles[id].color.toLowerCase())).size).toBe(binaryLossIds.length);
  });
});
