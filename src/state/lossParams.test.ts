import { describe, expect, it } from 'vitest';
import { defaultState } from './paramTable';
import { lossParams } from './lossParams';

const settings = { ...defaultState(), alphaFromRatio: true, ratio: 100 };

describe('parameters derived from class counts', () => {
  it('follow the ratio slider when there is no training set (the curves)', () => {
    const params = lossParams(settings);
    expect(params.focal.alpha).toBeCloseTo(100 / 101, 15);
    expect(params['balanced-ce'].alpha).toBeCloseTo(100 / 101, 15);
    expect(params.dwb.wPos).toBeCloseTo(Math.log(100) + 1, 15);
    expect(params.dwb.wNeg).toBe(1);
    expect(params['la-ce'].priorPos).toBeCloseTo(1 / 101, 15);
  });

  it('follow the counts a network trains on: oversampled to 1:1 there is nothing left to re-weight', () => {
    const params = lossParams(settings, [1980, 1980]);
    expect(params.focal.alpha).toBe(0.5);
    expect([params.dwb.wNeg, params.dwb.wPos]).toEqual([1, 1]);
    expect(params['la-ce'].priorPos).toBe(0.5);
    expect(lossParams(settings, [1980, 20]).focal.alpha).toBeCloseTo(0.99, 15);
  });

  it('treat a missing class as balanced instead of dividing by zero', () => {
    const params = lossParams(settings, [50, 0]);
    expect([params.focal.alpha, params.dwb.wNeg, params.dwb.wPos, params['la-ce'].priorPos]).toEqual([0.5, 1, 1, 0.5]);
  });

  it('leave α alone when it is not tied to the counts', () => {
    const untied = { ...settings, alphaFromRatio: false };
    untied.lossSettings = { ...untied.lossSettings, focal: { gamma: 2, alpha: 0.3 } };
    expect(lossParams(untied, [1980, 20]).focal.alpha).toBe(0.3);
  });

  it('keep each loss its own parameters: focal’s γ does not move Poly-1’s ε or DWB’s λ', () => {
    const moved = { ...settings, lossSettings: { ...settings.lossSettings, focal: { gamma: 5, alpha: 0.25 } } };
    const params = lossParams(moved);
    expect(params.focal.gamma).toBe(5);
    expect(params.poly1).toEqual({ epsilon: 1 });
    expect(params.dwb.lambda).toBe(1);
  });
});
