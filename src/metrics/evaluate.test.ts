import { describe, expect, it } from 'vitest';
import * as metrics from './index';
import { evaluate } from './evaluate';

// By score: 0.9(+) 0.8(−) 0.7(+) 0.6(+) 0.4(−) 0.2(−).
const scores = [0.4, 0.9, 0.2, 0.7, 0.8, 0.6];
const labels = [0, 1, 0, 1, 0, 1];

describe('evaluate', () => {
  it('gathers the hand-computed values for six points at threshold 0.75', () => {
    const result = evaluate(scores, labels, 0.75);
    expect(result.threshold).toBe(0.75);
    expect(result.confusion).toEqual({ tp: 1, fp: 1, tn: 2, fn: 2 });
    expect(result.thresholdMetrics.minorityRecall).toBe(1 / 3);
    expect(result.thresholdMetrics.precision).toBe(1 / 2);
    expect(result.averagePrecision).toBeCloseTo(29 / 36, 15);
    expect(result.rocAuc).toBeCloseTo(7 / 9, 15);
    // (0.4² + 0.1² + 0.2² + 0.3² + 0.8² + 0.4²) / 6 = 1.1 / 6.
    expect(result.brier).toBeCloseTo(1.1 / 6, 15);
    expect(result.reliability).toHaveLength(10);
    expect(result.prCurve).toHaveLength(6);
    expect(result.rocCurve).toHaveLength(7);
  });

  it('agrees with the separate functions, including a custom bin count', () => {
    const result = evaluate(scores, labels, 0.5, 4);
    expect(result).toEqual({
      threshold: 0.5,
      confusion: metrics.confusionAt(scores, labels, 0.5),
      thresholdMetrics: metrics.thresholdMetrics(metrics.confusionAt(scores, labels, 0.5)),
      averagePrecision: metrics.averagePrecision(scores, labels),
      rocAuc: metrics.rocAuc(scores, labels),
      brier: metrics.brierScore(scores, labels),
      ece: metrics.expectedCalibrationError(scores, labels, 4),
      reliability: metrics.reliabilityBins(scores, labels, 4),
      prCurve: metrics.prCurve(scores, labels),
      rocCurve: metrics.rocCurve(scores, labels),
    });
  });

  it('for empty input returns zeros, nulls and empty curves without throwing', () => {
    const result = evaluate([], [], 0.5);
    expect(result.confusion).toEqual({ tp: 0, fp: 0, tn: 0, fn: 0 });
    expect(Object.values(result.thresholdMetrics).every((value) => value === null)).toBe(true);
    expect([result.averagePrecision, result.rocAuc, result.brier, result.ece]).toEqual([null, null, null, null]);
    expect(result.reliability.every((bin) => bin.count === 0 && bin.meanScore === null)).toBe(true);
    expect([result.prCurve, result.rocCurve]).toEqual([[], []]);
  });

  it('with all labels 0 keeps the calibration numbers and nulls the ranking ones', () => {
    const result = evaluate([0.1, 0.3], [0, 0], 0.2);
    expect(result.averagePrecision).toBeNull();
    expect(result.rocAuc).toBeNull();
    expect(result.thresholdMetrics.minorityRecall).toBeNull();
    expect(result.brier).toBeCloseTo((0.01 + 0.09) / 2, 15);
    // Bins [0.1, 0.2) and [0.3, 0.4), each with minority rate 0: ECE = ½·0.1 + ½·0.3.
    expect(result.ece).toBeCloseTo(0.2, 15);
  });

  it('handles 20,000 points: one curve point per distinct score, ROC from (0,0) to (1,1)', () => {
    // Speed is measured by `npm run bench`, not asserted here.
    const n = 20_000;
    const many = Float64Array.from({ length: n }, (_, i) => ((i * 7919) % n) / n);
    const manyLabels = Uint8Array.from({ length: n }, (_, i) => (i % 10 === 0 ? 1 : 0));
    const result = evaluate(many, manyLabels, 0.5);
    expect(result.prCurve).toHaveLength(n);
    expect(result.rocCurve[0]).toMatchObject({ fpr: 0, tpr: 0 });
    expect(result.rocCurve.at(-1)).toMatchObject({ fpr: 1, tpr: 1 });
  });
});
