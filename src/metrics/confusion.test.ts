import { describe, expect, it } from 'vitest';
import { confusionAt, thresholdMetrics } from './confusion';

// Six points, deliberately unsorted. By score: 0.9(+) 0.8(−) 0.7(+) 0.6(+) 0.4(−) 0.2(−).
const scores = [0.4, 0.9, 0.2, 0.7, 0.8, 0.6];
const labels = [0, 1, 0, 1, 0, 1];

describe('confusionAt', () => {
  it('counts by hand at 0.75: 0.9(+) and 0.8(−) are predicted minority, 0.7(+) and 0.6(+) are missed', () => {
    expect(confusionAt(scores, labels, 0.75)).toEqual({ tp: 1, fp: 1, tn: 2, fn: 2 });
  });

  it('predicts minority when score ≥ threshold: a score equal to the threshold is positive', () => {
    expect(confusionAt(scores, labels, 0.6)).toEqual({ tp: 3, fp: 1, tn: 2, fn: 0 });
    expect(confusionAt(scores, labels, 0.6000001)).toEqual({ tp: 2, fp: 1, tn: 2, fn: 1 });
  });

  it('at threshold 0 predicts every point minority', () => {
    expect(confusionAt(scores, labels, 0)).toEqual({ tp: 3, fp: 3, tn: 0, fn: 0 });
  });

  it('at threshold 1 predicts minority only for scores of exactly 1', () => {
    expect(confusionAt(scores, labels, 1)).toEqual({ tp: 0, fp: 0, tn: 3, fn: 3 });
    expect(confusionAt([1, 0.999, 1], [1, 1, 0], 1)).toEqual({ tp: 1, fp: 1, tn: 0, fn: 1 });
  });

  it('gives all zeros for empty input instead of throwing', () => {
    expect(confusionAt([], [], 0.5)).toEqual({ tp: 0, fp: 0, tn: 0, fn: 0 });
  });

  it('takes typed arrays, and only a label of exactly 1 as minority', () => {
    const typed = confusionAt(Float32Array.from([0.9, 0.1, 0.8]), Float32Array.from([1, 1, 2]), 0.5);
    expect(typed).toEqual({ tp: 1, fp: 1, tn: 0, fn: 1 });
  });

  it('throws on scores and labels of different lengths, and on a NaN score', () => {
    expect(() => confusionAt([0.1, 0.2], [1], 0.5)).toThrow(RangeError);
    expect(() => confusionAt([0.1, Number.NaN], [1, 0], 0.5)).toThrow(/NaN/);
  });
});

describe('thresholdMetrics', () => {
  it('matches the hand computation at threshold 0.75 (tp 1, fp 1, tn 2, fn 2)', () => {
    const m = thresholdMetrics({ tp: 1, fp: 1, tn: 2, fn: 2 });
    expect(m.minorityRecall).toBe(1 / 3);
    expect(m.precision).toBe(1 / 2);
    // Harmonic mean 2·(1/2)(1/3) / (1/2 + 1/3) = 2/5 = 2tp / (2tp + fp + fn).
    expect(m.f1).toBeCloseTo(2 / 5, 15);
    expect(m.specificity).toBe(2 / 3);
    expect(m.balancedAccuracy).toBeCloseTo(1 / 2, 15);
    expect(m.accuracy).toBe(1 / 2);
  });

  it('with nothing predicted minority: precision is null, recall and F1 are a real 0', () => {
    expect(thresholdMetrics({ tp: 0, fp: 0, tn: 3, fn: 3 })).toEqual({
      minorityRecall: 0,
      precision: null,
      f1: 0,
      specificity: 1,
      balancedAccuracy: 0.5,
      accuracy: 0.5,
    });
  });

  it('gives F1 = 0 when precision and recall are both defined and 0 (sklearn convention)', () => {
    const m = thresholdMetrics({ tp: 0, fp: 2, tn: 1, fn: 3 });
    expect(m.precision).toBe(0);
    expect(m.minorityRecall).toBe(0);
    expect(m.f1).toBe(0);
  });

  it('with no minority points (all labels 0): recall and balanced accuracy are null', () => {
    expect(thresholdMetrics({ tp: 0, fp: 2, tn: 4, fn: 0 })).toEqual({
      minorityRecall: null,
      precision: 0,
      f1: 0,
      specificity: 4 / 6,
      balancedAccuracy: null,
      accuracy: 4 / 6,
    });
    // Nothing to find and nothing predicted: F1 has nothing to score.
    const nothing = thresholdMetrics({ tp: 0, fp: 0, tn: 4, fn: 0 });
    expect(nothing.f1).toBeNull();
    expect(nothing.precision).toBeNull();
  });

  it('with no majority points (all labels 1): specificity and balanced accuracy are null', () => {
    expect(thresholdMetrics({ tp: 3, fp: 0, tn: 0, fn: 1 })).toEqual({
      minorityRecall: 3 / 4,
      precision: 1,
      f1: 6 / 7,
      specificity: null,
      balancedAccuracy: null,
      accuracy: 3 / 4,
    });
  });

  it('for empty input is null everywhere, never NaN', () => {
    expect(thresholdMetrics({ tp: 0, fp: 0, tn: 0, fn: 0 })).toEqual({
      minorityRecall: null,
      precision: null,
      f1: null,
      specificity: null,
      balancedAccuracy: null,
      accuracy: null,
    });
  });
});
