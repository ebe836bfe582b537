import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import fixture from '../../tests/fixtures/binary-losses.json';
import { alphaFromRatio, dwbLogRatio, effectiveNumber, inverseFrequency, ldamMargins } from './classWeights';
import { isWithinReferenceTolerance } from './testSupport';

interface ClassWeightsVector {
  counts: number[];
  beta: number;
  inverseFrequency: number[];
  dwbLogRatio: number[];
  effectiveNumber: number[];
  alphaFromRatio?: number;
}

const rows = fixture.classWeights as ClassWeightsVector[];
const allClose = (actual: number[], expected: number[]) =>
  actual.length === expected.length && actual.every((a, j) => isWithinReferenceTolerance(a, expected[j] ?? NaN));
const sum = (values: number[]) => values.reduce((total, v) => total + v, 0);

describe('class weights match every reference row', () => {
  it('has two-class and multi-class rows', () => {
    expect(rows.map((r) => r.counts.length)).toEqual([2, 2, 2, 3]);
  });

  it.each(rows)('counts $counts, β = $beta', (row) => {
    expect(inverseFrequency(row.counts), 'inverseFrequency').toSatisfy((w: number[]) => allClose(w, row.inverseFrequency));
    expect(dwbLogRatio(row.counts), 'dwbLogRatio').toSatisfy((w: number[]) => allClose(w, row.dwbLogRatio));
    expect(effectiveNumber(row.counts, row.beta), 'effectiveNumber').toSatisfy((w: number[]) =>
      allClose(w, row.effectiveNumber),
    );
    if (row.counts.length === 2) {
      const [nNeg = NaN, nPos = NaN] = row.counts;
      expect(alphaFromRatio(nNeg, nPos)).toSatisfy((a: number) => isWithinReferenceTolerance(a, row.alphaFromRatio ?? NaN));
    } else {
      expect(row.alphaFromRatio, 'alphaFromRatio is two-class only').toBeUndefined();
    }
  });
});

describe('effective-number weights', () => {
  it('are all 1 for β = 0 (every class counts as one example)', () => {
    expect(effectiveNumber([1000, 10, 1], 0)).toEqual([1, 1, 1]);
  });

  it('at β = 1 are proportional to 1 / n_j (inverse frequency), the β → 1 limit', () => {
    // 1/990 : 1/10, rescaled to sum to 2.
    expect(effectiveNumber([990, 10], 1)).toSatisfy((w: number[]) => allClose(w, [0.02, 1.98]));
    const [, nearOne = NaN] = effectiveNumber([990, 10], 1 - 1e-12);
    expect(Math.abs(nearOne - 1.98) / 1.98).toBeLessThan(1e-8);
  });

  it('stay finite and equal when β^n underflows for huge counts', () => {
    expect(effectiveNumber([1e9, 2e9], 0.999)).toEqual([1, 1]);
  });

  it('keep the digits that 1 − β^n would lose for β near 1 and small counts', () => {
    // w_1 / w_2 = (1 − β²)/(1 − β) = 1 + β; forming 1 − β² directly is off by ~5e−8 at this β.
    const beta = 1 - 1e-9;
    const [w1 = NaN, w2 = NaN] = effectiveNumber([1, 2], beta);
    expect(Math.abs(w1 / w2 - (1 + beta))).toBeLessThan(1e-15);
  });

  it('sum to the number of classes for any counts and β in [0, 1]', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 1e9 }), { minLength: 2, maxLength: 10 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (counts, beta) => {
          const weights = effectiveNumber(counts, beta);
          return weights.every(Number.isFinite) && Math.abs(sum(weights) - counts.length) < 1e-12 * counts.length;
        },
      ),
    );
  });
});

describe('inverse frequency, DWB log ratio and α from the ratio', () => {
  it('give the rarest class the largest weight and the largest class DWB weight 1', () => {
    const counts = [500, 50, 5];
    expect(inverseFrequency(counts)).toEqual([...inverseFrequency(counts)].sort((a, b) => a - b));
    expect(dwbLogRatio(counts)[0]).toBe(1);
  });

  it('α / (1 − α) = n_neg / n_pos', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 1, max: 1e6 }), (nNeg, nPos) => {
        const alpha = alphaFromRatio(nNeg, nPos);
        return Math.abs(alpha / (1 - alpha) / (nNeg / nPos) - 1) < 1e-9;
      }),
    );
  });

  it('inverse-frequency weights make every class contribute the same total weight', () => {
    const counts = [1000, 10];
    const [wNeg = NaN, wPos = NaN] = inverseFrequency(counts);
    expect(wNeg * 1000).toBeCloseTo(wPos * 10, 10);
  });
});

describe('LDAM margins', () => {
  it('for 1 : 100 counts and max_m = 0.5 are [0.5 · 100^(−1/4), 0.5]: the rarer class gets max_m', () => {
    const [deltaNeg = NaN, deltaPos = NaN] = ldamMargins([100, 1], 0.5);
    expect(deltaPos).toBe(0.5);
    expect(isWithinReferenceTolerance(deltaNeg, 0.5 * 100 ** -0.25)).toBe(true);
    // The value the reference vectors use for this case.
    expect(isWithinReferenceTolerance(deltaNeg, 0.15811388300841897)).toBe(true);
  });

  it('are proportional to n_j^(−1/4), the largest is max_m, and equal counts give max_m to both', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 1e9 }), { minLength: 2, maxLength: 10 }),
        // max_m on its slider, 0 … 1 in steps of 0.01 (a subnormal max_m would have no digits to compare).
        fc.integer({ min: 0, max: 100 }).map((k) => k / 100),
        (counts, maxMargin) => {
          const margins = ldamMargins(counts, maxMargin);
          const [first = NaN, ...rest] = counts.map((n, j) => (margins[j] ?? NaN) * n ** 0.25);
          return (
            Math.max(...margins) === maxMargin &&
            rest.every((c) => Math.abs(c - first) <= 1e-12 * Math.max(first, Number.MIN_VALUE))
          );
        },
      ),
    );
    expect(ldamMargins([7, 7], 0.3)).toEqual([0.3, 0.3]);
  });
});
