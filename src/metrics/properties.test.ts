import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { brierScore, expectedCalibrationError, reliabilityBins } from './calibration';
import { confusionAt } from './confusion';
import { averagePrecision, prCurve, rocAuc, rocCurve } from './curves';
import { evaluate } from './evaluate';

/** Scores on a coarse grid so ties are common; k/20 also keeps 1 − score free of new ties. */
const gridScore = fc.integer({ min: 0, max: 20 }).map((k) => k / 20);
const anyScore = fc.double({ min: 0, max: 1, noNaN: true });
const label = fc.constantFrom(0, 1);

/** Scores and labels of the same length, 0 to `maxLength` points. */
const points = (score: fc.Arbitrary<number>, maxLength = 25) =>
  fc.array(fc.tuple(score, label), { maxLength }).map((pairs) => ({
    scores: pairs.map(([s]) => s),
    labels: pairs.map(([, y]) => y),
  }));

/** The Mann–Whitney count over all positive–negative pairs, ties ½, divided by the pair count. */
function pairwiseAuc(scores: number[], labels: number[]): number | null {
  let twiceWins = 0;
  let pairs = 0;
  scores.forEach((sp, i) => {
    if (labels[i] !== 1) return;
    scores.forEach((sn, j) => {
      if (labels[j] === 1) return;
      pairs++;
      twiceWins += sp > sn ? 2 : sp === sn ? 1 : 0;
    });
  });
  return pairs === 0 ? null : twiceWins / (2 * pairs);
}

/** AP as the mean, over positives, of the precision when thresholding at that positive's score. */
function bruteForceAp(scores: number[], labels: number[]): number | null {
  const positives = scores.filter((_, i) => labels[i] === 1);
  if (positives.length === 0) return null;
  const precisionAt = (t: number) => {
    const { tp, fp } = confusionAt(scores, labels, t);
    return tp / (tp + fp);
  };
  return positives.reduce((sum, s) => sum + precisionAt(s), 0) / positives.length;
}

/** The largest double below a positive x (one ulp down). */
function previousDouble(x: number): number {
  const bits = new BigInt64Array(Float64Array.of(x).buffer);
  bits[0] = (bits[0] ?? 0n) - 1n;
  return new Float64Array(bits.buffer)[0] ?? NaN;
}

/** Every number anywhere in a result, to check that none is NaN. */
function numbersIn(value: unknown): number[] {
  if (typeof value === 'number') return [value];
  if (Array.isArray(value)) return value.flatMap(numbersIn);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(numbersIn);
  return [];
}

describe('metric properties', () => {
  it('rocAuc equals the pairwise Mann–Whitney count with ties counted ½', () => {
    fc.assert(
      fc.property(points(gridScore), ({ scores, labels }) => {
        expect(rocAuc(scores, labels)).toBe(pairwiseAuc(scores, labels));
      }),
    );
  });

  it('averagePrecision equals the mean precision at each positive’s own score', () => {
    fc.assert(
      fc.property(points(gridScore), ({ scores, labels }) => {
        const expected = bruteForceAp(scores, labels);
        const actual = averagePrecision(scores, labels);
        if (expected === null) expect(actual).toBeNull();
        else expect(actual).toBeCloseTo(expected, 12);
      }),
    );
  });

  it('reversing the ranking with 1 − score turns AUC into 1 − AUC', () => {
    fc.assert(
      fc.property(points(gridScore), ({ scores, labels }) => {
        const auc = rocAuc(scores, labels);
        const flipped = rocAuc(scores.map((s) => 1 - s), labels);
        if (auc === null) expect(flipped).toBeNull();
        else expect(flipped).toBeCloseTo(1 - auc, 12);
      }),
    );
  });

  it('curves and areas do not depend on the order of the points', () => {
    const shuffled = points(gridScore).chain((p) => {
      const indices = p.scores.map((_, i) => i);
      return fc.tuple(fc.constant(p), fc.shuffledSubarray(indices, { minLength: indices.length }));
    });
    fc.assert(
      fc.property(shuffled, ([{ scores, labels }, order]) => {
        const shuffledScores = order.map((i) => scores[i] ?? 0);
        const shuffledLabels = order.map((i) => labels[i] ?? 0);
        expect(prCurve(shuffledScores, shuffledLabels)).toEqual(prCurve(scores, labels));
        expect(rocCurve(shuffledScores, shuffledLabels)).toEqual(rocCurve(scores, labels));
        expect(averagePrecision(shuffledScores, shuffledLabels)).toBe(averagePrecision(scores, labels));
      }),
    );
  });

  it('every curve point is the confusion matrix at its threshold (score ≥ threshold)', () => {
    fc.assert(
      fc.property(points(gridScore), ({ scores, labels }) => {
        const positives = labels.filter((y) => y === 1).length;
        const negatives = labels.length - positives;
        for (const { fpr, tpr, threshold } of rocCurve(scores, labels)) {
          const { tp, fp } = confusionAt(scores, labels, threshold);
          expect([fpr, tpr]).toEqual([fp / negatives, tp / positives]);
        }
        for (const { recall, precision, threshold } of prCurve(scores, labels)) {
          const { tp, fp } = confusionAt(scores, labels, threshold);
          expect([recall, precision]).toEqual([tp / positives, tp / (tp + fp)]);
        }
      }),
    );
  });

  it('the ROC curve runs from (0, 0) to (1, 1) with non-decreasing rates', () => {
    fc.assert(
      fc.property(points(gridScore), ({ scores, labels }) => {
        const curve = rocCurve(scores, labels);
        fc.pre(curve.length > 0);
        expect(curve[0]).toEqual({ fpr: 0, tpr: 0, threshold: Infinity });
        expect(curve.at(-1)).toMatchObject({ fpr: 1, tpr: 1 });
        curve.slice(1).forEach((point, k) => {
          const previous = curve[k] ?? point;
          expect(point.fpr >= previous.fpr && point.tpr >= previous.tpr && point.threshold < previous.threshold).toBe(true);
        });
      }),
    );
  });

  it('ECE and the Brier score lie in [0, 1] for any scores in [0, 1]', () => {
    fc.assert(
      fc.property(points(anyScore, 200), fc.integer({ min: 1, max: 30 }), ({ scores, labels }, bins) => {
        for (const value of [expectedCalibrationError(scores, labels, bins), brierScore(scores, labels)]) {
          if (scores.length === 0) expect(value).toBeNull();
          else expect(value !== null && value >= 0 && value <= 1).toBe(true);
        }
      }),
    );
  });

  it('every score lands in the bin whose edges contain it', () => {
    fc.assert(
      fc.property(anyScore, fc.integer({ min: 1, max: 30 }), (score, bins) => {
        const reliability = reliabilityBins([score], [0], bins);
        const home = reliability.findIndex((bin) => bin.count === 1);
        const { lower, upper } = reliability[home] ?? { lower: NaN, upper: NaN };
        expect(score >= lower && (score < upper || (home === bins - 1 && score <= upper))).toBe(true);
      }),
    );
  });

  it('every edge k/bins, for up to 100 bins, lands in bin k and the double just below it in bin k − 1', () => {
    // floor(score·bins) alone is off by one at some edges: 15/22 · 22 rounds to 14.999…, and
    // (5/12 − 1 ulp) · 12 rounds up to 5.
    const homeOf = (score: number, bins: number) =>
      reliabilityBins([score], [0], bins).findIndex((bin) => bin.count === 1);
    for (let bins = 1; bins <= 100; bins++) {
      for (let k = 1; k <= bins; k++) {
        expect(homeOf(k / bins, bins), `edge ${k}/${bins}`).toBe(Math.min(k, bins - 1));
        expect(homeOf(previousDouble(k / bins), bins), `below ${k}/${bins}`).toBe(k - 1);
      }
    }
  });

  it('evaluate never returns NaN, including for empty and one-class inputs', () => {
    fc.assert(
      fc.property(points(anyScore, 40), fc.double({ min: 0, max: 1, noNaN: true }), ({ scores, labels }, threshold) => {
        expect(numbersIn(evaluate(scores, labels, threshold)).some(Number.isNaN)).toBe(false);
      }),
    );
  });
});
