import { describe, expect, it } from 'vitest';
import { brierScore, calibrationErrorOfBins, expectedCalibrationError, reliabilityBins } from './calibration';

describe('brierScore', () => {
  it('is the mean squared error by hand: (0.1² + 0.2² + 0.6² + 0.6²) / 4 = 0.1925', () => {
    expect(brierScore([0.9, 0.2, 0.6, 0.4], [1, 0, 0, 1])).toBeCloseTo(0.1925, 15);
  });

  it('is 0 for confident correct scores and 1 for confident wrong ones', () => {
    expect(brierScore([1, 0], [1, 0])).toBe(0);
    expect(brierScore([0, 1], [1, 0])).toBe(1);
  });

  it('is defined with one class only and null for empty input', () => {
    expect(brierScore([0.5, 0.25], [0, 0])).toBeCloseTo((0.25 + 0.0625) / 2, 15);
    expect(brierScore([], [])).toBeNull();
  });
});

// Two bins: [0, 0.5) holds 0.1(−) 0.3(+); [0.5, 1] holds 0.6(+) 0.8(−) 0.9(+) 1.0(+).
const scores = [0.8, 0.1, 1, 0.6, 0.3, 0.9];
const labels = [0, 0, 1, 1, 1, 1];

describe('reliabilityBins', () => {
  it('by hand with two bins: mean scores 0.2 and 0.825, minority rates 1/2 and 3/4', () => {
    const [low, high] = reliabilityBins(scores, labels, 2);
    expect(low).toEqual({ lower: 0, upper: 0.5, count: 2, meanScore: expect.closeTo(0.2, 15), positiveRate: 0.5 });
    expect(high).toEqual({ lower: 0.5, upper: 1, count: 4, meanScore: expect.closeTo(0.825, 15), positiveRate: 0.75 });
  });

  it('defaults to ten equal-width bins with edges 0, 0.1, …, 1', () => {
    const bins = reliabilityBins([0.5], [1]);
    expect(bins).toHaveLength(10);
    expect(bins.map((bin) => bin.lower)).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]);
    expect(bins.map((bin) => bin.upper)).toEqual([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]);
  });

  it('puts a score on an edge in the bin above it, and a score of exactly 1 in the last bin', () => {
    const counts = reliabilityBins([0, 0.1, 0.3, 0.7, 1], [0, 0, 0, 0, 0]).map((bin) => bin.count);
    expect(counts).toEqual([1, 1, 0, 1, 0, 0, 0, 1, 0, 1]);
  });

  it('reports empty bins with count 0 and null means', () => {
    const bins = reliabilityBins([0.05, 0.95], [0, 1]);
    expect(bins[5]).toEqual({ lower: 0.5, upper: 0.6, count: 0, meanScore: null, positiveRate: null });
    expect(bins.filter((bin) => bin.count === 0)).toHaveLength(8);
  });

  it('for empty input is all empty bins', () => {
    const bins = reliabilityBins([], [], 4);
    expect(bins.map((bin) => [bin.count, bin.meanScore, bin.positiveRate])).toEqual(Array(4).fill([0, null, null]));
  });

  it('throws on a bin count that is not a positive integer', () => {
    expect(() => reliabilityBins([0.5], [1], 0)).toThrow(RangeError);
    expect(() => reliabilityBins([0.5], [1], 2.5)).toThrow(RangeError);
  });
});

describe('expectedCalibrationError', () => {
  it('by hand with two bins: 2/6·|0.5 − 0.2| + 4/6·|0.75 − 0.825| = 0.1 + 0.05 = 0.15', () => {
    expect(expectedCalibrationError(scores, labels, 2)).toBeCloseTo(0.15, 15);
  });

  it('with one bin is |minority rate − mean score|: |0.5 − 0.525| = 0.025', () => {
    expect(expectedCalibrationError([0.9, 0.2, 0.6, 0.4], [1, 0, 0, 1], 1)).toBeCloseTo(0.025, 15);
  });

  it('is 0 when the minority rate in each bin equals its mean score', () => {
    expect(expectedCalibrationError([0.25, 0.25, 0.25, 0.25, 0.75, 0.75, 0.75, 0.75], [1, 0, 0, 0, 1, 1, 1, 0])).toBe(0);
  });

  it('is null for empty input', () => {
    expect(expectedCalibrationError([], [])).toBeNull();
    expect(calibrationErrorOfBins([])).toBeNull();
  });
});
