import { describe, expect, it } from 'vitest';
import { defaultState } from './paramTable';
import { lossParams } from './lossParams';

const settings = { ...defaultState(), alphaFromRatio: true, ratio: 100 };

describe('parameters derived from class counts', () => {
  it('follow the ratio slider when there is no training set (the curves)', () => {
    const params = lossParams(settings);
    expect(params.alpha).toBeCloseTo(100 / 101, 15);
    expect(params.wPos).toBeCloseTo(Math.log(100) + 1, 15);
    expect(params.wNeg).toBe(1);
    expect(params.priorPos).toBeCloseTo(1 / 101, 15);
  });

  it('follow the counts a network trains on: oversampled to 1:1 there is nothing left to re-weight', () => {
    const params = lossParams(settings, [1980, 1980]);
    expect(params.alpha).toBe(0.5);
    expect([params.wNeg, params.wPos]).toEqual([1, 1]);
    expect(params.priorPos).toBe(0.5);
    expect(lossParams(settings, [1980, 20]).alpha).toBeCloseTo(0.99, 15);
  });

  it('treat a missing class as balanced instead of dividing by zero', () => {
    const params = lossParams(settings, [50, 0]);
    expect([params.alpha, params.wNeg, params.wPos, params.priorPos]).toEqual([0.5, 1, 1, 0.5]);
  });

  it('leave α alone when it is not tied to the counts', () => {
    expect(lossParams({ ...settings, alphaFromRatio: false, alpha: 0.25 }, [1980, 20]).alpha).toBe(0.25);
  });
});
