import { describe, expect, it } from 'vitest';
import { averagePrecision, prCurve, rocAuc, rocCurve } from './curves';

// Six points, deliberately unsorted. By score: 0.9(+) 0.8(−) 0.7(+) 0.6(+) 0.4(−) 0.2(−).
const scores = [0.4, 0.9, 0.2, 0.7, 0.8, 0.6];
const labels = [0, 1, 0, 1, 0, 1];

// Ties: positives {0.8, 0.5}, negatives {0.5, 0.5, 0.2}.
const tiedScores = [0.5, 0.8, 0.5, 0.2, 0.5];
const tiedLabels = [0, 1, 1, 0, 0];

describe('prCurve', () => {
  it('has one point per distinct score, by hand for six points', () => {
    expect(prCurve(scores, labels)).toEqual([
      { recall: 1 / 3, precision: 1, threshold: 0.9 },
      { recall: 1 / 3, precision: 1 / 2, threshold: 0.8 },
      { recall: 2 / 3, precision: 2 / 3, threshold: 0.7 },
      { recall: 1, precision: 3 / 4, threshold: 0.6 },
      { recall: 1, precision: 3 / 5, threshold: 0.4 },
      { recall: 1, precision: 1 / 2, threshold: 0.2 },
    ]);
  });

  it('takes the three points tied at 0.5 as one step', () => {
    expect(prCurve(tiedScores, tiedLabels)).toEqual([
      { recall: 1 / 2, precision: 1, threshold: 0.8 },
      { recall: 1, precision: 1 / 2, threshold: 0.5 },
      { recall: 1, precision: 2 / 5, threshold: 0.2 },
    ]);
  });

  it('with all scores equal is a single point at the prevalence', () => {
    expect(prCurve([0.3, 0.3, 0.3, 0.3], [1, 0, 0, 1])).toEqual([{ recall: 1, precision: 1 / 2, threshold: 0.3 }]);
  });

  it('is empty without minority points (recall undefined) and for empty input', () => {
    expect(prCurve([0.2, 0.7], [0, 0])).toEqual([]);
    expect(prCurve([], [])).toEqual([]);
  });

  it('with only minority points has precision 1 throughout', () => {
    expect(prCurve([0.5, 0.9, 0.5], [1, 1, 1])).toEqual([
      { recall: 1 / 3, precision: 1, threshold: 0.9 },
      { recall: 1, precision: 1, threshold: 0.5 },
    ]);
  });
});

describe('averagePrecision', () => {
  it('is Σ (R_k − R_{k−1}) P_k: 1/3·1 + 1/3·2/3 + 1/3·3/4 = 29/36 for six points', () => {
    expect(averagePrecision(scores, labels)).toBeCloseTo(29 / 36, 15);
  });

  it('with ties is 1/2·1 + 1/2·1/2 = 3/4, whatever the order of the tied points', () => {
    expect(averagePrecision(tiedScores, tiedLabels)).toBe(3 / 4);
    expect(averagePrecision([0.5, 0.5, 0.5, 0.8, 0.2], [1, 0, 0, 1, 0])).toBe(3 / 4);
    expect(averagePrecision([0.5, 0.5, 0.5, 0.8, 0.2], [0, 0, 1, 1, 0])).toBe(3 / 4);
  });

  it('is the mean precision at each positive’s rank: (1 + 2/3 + 3/4) / 3, not the trapezoid 55/72', () => {
    // Trapezoid from (0, 1): 1/3·1 + 1/3·(1/2 + 2/3)/2 + 1/3·(2/3 + 3/4)/2 = 55/72 ≈ 0.764.
    expect(averagePrecision(scores, labels)).toBeCloseTo((1 + 2 / 3 + 3 / 4) / 3, 15);
    expect(averagePrecision(scores, labels)).not.toBeCloseTo(55 / 72, 2);
  });

  it('is 1 for a perfect ranking and 1/3 when the single positive is ranked last of three', () => {
    expect(averagePrecision([0.9, 0.8, 0.1], [1, 1, 0])).toBe(1);
    expect(averagePrecision([0.1, 0.9, 0.5], [1, 0, 0])).toBe(1 / 3);
  });

  it('with all scores equal is the prevalence', () => {
    expect(averagePrecision([0.3, 0.3, 0.3, 0.3], [1, 0, 0, 0])).toBe(1 / 4);
  });

  it('is null without minority points and for empty input; 1 without majority points', () => {
    expect(averagePrecision([0.2, 0.7], [0, 0])).toBeNull();
    expect(averagePrecision([], [])).toBeNull();
    expect(averagePrecision([0.2, 0.7], [1, 1])).toBe(1);
  });
});

describe('rocCurve', () => {
  it('runs from (0, 0) at threshold +∞ to (1, 1), by hand for six points', () => {
    expect(rocCurve(scores, labels)).toEqual([
      { fpr: 0, tpr: 0, threshold: Infinity },
      { fpr: 0, tpr: 1 / 3, threshold: 0.9 },
      { fpr: 1 / 3, tpr: 1 / 3, threshold: 0.8 },
      { fpr: 1 / 3, tpr: 2 / 3, threshold: 0.7 },
      { fpr: 1 / 3, tpr: 1, threshold: 0.6 },
      { fpr: 2 / 3, tpr: 1, threshold: 0.4 },
      { fpr: 1, tpr: 1, threshold: 0.2 },
    ]);
  });

  it('makes one diagonal step for tied scores', () => {
    expect(rocCurve(tiedScores, tiedLabels)).toEqual([
      { fpr: 0, tpr: 0, threshold: Infinity },
      { fpr: 0, tpr: 1 / 2, threshold: 0.8 },
      { fpr: 2 / 3, tpr: 1, threshold: 0.5 },
      { fpr: 1, tpr: 1, threshold: 0.2 },
    ]);
  });

  it('with all scores equal is the chance diagonal from (0, 0) to (1, 1)', () => {
    expect(rocCurve([0.3, 0.3, 0.3], [1, 0, 0])).toEqual([
      { fpr: 0, tpr: 0, threshold: Infinity },
      { fpr: 1, tpr: 1, threshold: 0.3 },
    ]);
  });

  it('is empty unless both classes are present', () => {
    expect(rocCurve([0.2, 0.7], [0, 0])).toEqual([]);
    expect(rocCurve([0.2, 0.7], [1, 1])).toEqual([]);
    expect(rocCurve([], [])).toEqual([]);
  });
});

describe('rocAuc', () => {
  it('counts correctly ordered pairs: 3 + 2 + 2 of 9 = 7/9 for six points', () => {
    // Positives 0.9, 0.7, 0.6 against negatives 0.8, 0.4, 0.2.
    expect(rocAuc(scores, labels)).toBeCloseTo(7 / 9, 15);
  });

  it('counts a tied positive–negative pair as ½', () => {
    expect(rocAuc([0.5, 0.5], [1, 0])).toBe(0.5);
    // 0.8 beats all three negatives (3); 0.5 ties two (2 · ½) and beats 0.2 (1): 5 of 6.
    expect(rocAuc(tiedScores, tiedLabels)).toBeCloseTo(5 / 6, 15);
  });

  it('with all scores equal is 0.5', () => {
    expect(rocAuc([0.3, 0.3, 0.3, 0.3], [1, 0, 0, 1])).toBe(0.5);
  });

  it('is 1 for a perfect ranking and 0 for a reversed one', () => {
    expect(rocAuc([0.9, 0.8, 0.1], [1, 1, 0])).toBe(1);
    expect(rocAuc([0.1, 0.2, 0.9], [1, 1, 0])).toBe(0);
  });

  it('is null with one class only (all labels 0, all labels 1) and for empty input', () => {
    expect(rocAuc([0.2, 0.7], [0, 0])).toBeNull();
    expect(rocAuc([0.2, 0.7], [1, 1])).toBeNull();
    expect(rocAuc([], [])).toBeNull();
  });
});
