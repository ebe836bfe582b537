import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { anyLoss, binaryLossIds } from './index';
import { exampleGroups, lossBudget } from './lossBudget';
import type { CumulativeLoss } from './lossBudget';
import type { ResolvedParams } from './types';

const params: ResolvedParams = {
  gamma: 2, alpha: 0.25, wPos: 1, wNeg: 1, lambda: 1, epsilon: 1, gammaPos: 0, gammaNeg: 4, margin: 0.05, tau: 1, priorPos: 0.5,
};
const noAlpha: ResolvedParams = { ...params, alpha: -1 };

// Closed forms of cross-entropy: L = log(1 + e^−x_t), |∂L/∂x| = 1 − p_t = 1 / (1 + e^x_t).
const ceLoss = (xt: number) => Math.log(1 + Math.exp(-xt));
const ceGradient = (xt: number) => 1 / (1 + Math.exp(xt));

// One example per group: an easy negative (x_t = 2), a hard negative (−1), an easy positive (3), a
// hard positive (−1).
const oneOfEach = { logits: [-2, 1, 3, -1], labels: [0, 0, 1, 1] };

/** A 1 : 1000 set: one hard positive and 1000 confident negatives with p_t from ~0.88 to ~0.998. */
function rareDetections() {
  const logits = [-1];
  const labels = [1];
  for (let i = 0; i < 1000; i++) {
    logits.push(-2 - (4 * i) / 999);
    labels.push(0);
  }
  return { logits, labels };
}

const points = (curve: CumulativeLoss) => Array.from(curve.fraction, (f, k) => [f, curve.cumulative[k]]);

describe('lossBudget', () => {
  it('splits cross-entropy over the four groups exactly as the closed forms say', () => {
    const budget = lossBudget(oneOfEach.logits, oneOfEach.labels, 'ce', params, [1, 1]);
    expect(budget.counts).toEqual({ easyNegative: 1, hardNegative: 1, easyPositive: 1, hardPositive: 1 });
    const losses = [ceLoss(2), ceLoss(-1), ceLoss(3), ceLoss(-1)];
    const gradients = [ceGradient(2), ceGradient(-1), ceGradient(3), ceGradient(-1)];
    const lossTotal = losses.reduce((a, b) => a + b);
    const gradientTotal = gradients.reduce((a, b) => a + b);
    exampleGroups.forEach((group, k) => {
      expect(budget.lossShare[group], group).toBeCloseTo((losses[k] ?? Number.NaN) / lossTotal, 14);
      expect(budget.gradientShare[group], group).toBeCloseTo((gradients[k] ?? Number.NaN) / gradientTotal, 14);
    });
    expect(budget.hasNegativeLoss).toBe(false);
  });

  it('multiplies the class weights into both loss and gradient', () => {
    const budget = lossBudget(oneOfEach.logits, oneOfEach.labels, 'ce', params, [1, 3]);
    const losses = [ceLoss(2), ceLoss(-1), 3 * ceLoss(3), 3 * ceLoss(-1)];
    const gradients = [ceGradient(2), ceGradient(-1), 3 * ceGradient(3), 3 * ceGradient(-1)];
    const lossTotal = losses.reduce((a, b) => a + b);
    const gradientTotal = gradients.reduce((a, b) => a + b);
    exampleGroups.forEach((group, k) => {
      expect(budget.lossShare[group], group).toBeCloseTo((losses[k] ?? Number.NaN) / lossTotal, 14);
      expect(budget.gradientShare[group], group).toBeCloseTo((gradients[k] ?? Number.NaN) / gradientTotal, 14);
    });
  });

  it('counts x_t = 0 (p_t = ½) and NaN logits as hard, and a NaN loss as 0', () => {
    const budget = lossBudget([0, 0, Number.NaN, 2], [0, 1, 1, 1], 'ce', params, [1, 1]);
    expect(budget.counts).toEqual({ easyNegative: 0, hardNegative: 1, easyPositive: 1, hardPositive: 2 });
    const lossTotal = 2 * ceLoss(0) + ceLoss(2);
    expect(budget.lossShare.hardPositive).toBeCloseTo(ceLoss(0) / lossTotal, 14);
  });

  it('has shares that add up to 1 for every loss with non-negative values', () => {
    const examples = fc.array(fc.tuple(fc.double({ min: -20, max: 20, noNaN: true }), fc.constantFrom(0, 1)), {
      minLength: 1,
      maxLength: 30,
    });
    const nonNegativeLosses = binaryLossIds.filter((id) => id !== 'dwb');
    fc.assert(
      fc.property(examples, fc.constantFrom(...nonNegativeLosses), (pairs, id) => {
        // Each loss with its own default settings, and what they derive from 5 negatives to 1 positive.
        const ownParams = anyLoss(id).resolve({}, [5, 1]);
        const budget = lossBudget(pairs.map(([x]) => x), pairs.map(([, y]) => y), id, ownParams, [1, 5]);
        for (const shares of [budget.lossShare, budget.gradientShare]) {
          const sum = exampleGroups.reduce((total, group) => total + shares[group], 0);
          if (sum !== 0 && Math.abs(sum - 1) > 1e-12) return false;
        }
        return true;
      }),
    );
  });

  it('gives the easy negatives a smaller share of the gradient under focal γ = 2 than under cross-entropy', () => {
    const { logits, labels } = rareDetections();
    const ce = lossBudget(logits, labels, 'ce', noAlpha, [1, 1]);
    const focal = lossBudget(logits, labels, 'focal', noAlpha, [1, 1]);
    // Under cross-entropy 1000 small pushes outweigh the one hard positive; focal loss turns that round.
    expect(ce.gradientShare.easyNegative).toBeGreaterThan(0.9);
    expect(focal.gradientShare.easyNegative).toBeLessThan(ce.gradientShare.easyNegative / 2);
    expect(focal.gradientShare.hardPositive).toBeGreaterThan(focal.gradientShare.easyNegative);
  });

  it('draws each class’s cumulative loss rising from (0, 0) to (1, 1)', () => {
    const { logits, labels } = rareDetections();
    const { negatives, positives } = lossBudget(logits, labels, 'ce', params, [1, 1]).cdf;
    expect(points(positives)).toEqual([[0, 0], [1, 1]]);
    expect([negatives.fraction[0], negatives.cumulative[0]]).toEqual([0, 0]);
    expect(negatives.fraction.at(-1)).toBe(1);
    expect(negatives.cumulative.at(-1)).toBeCloseTo(1, 12);
    for (let k = 1; k < negatives.fraction.length; k++) {
      expect(negatives.fraction[k]).toBeGreaterThan(negatives.fraction[k - 1] ?? Number.NaN);
      expect(negatives.cumulative[k]).toBeGreaterThanOrEqual(negatives.cumulative[k - 1] ?? Number.NaN);
    }
  });

  it('sorts by loss, lowest first: the curve lies below the diagonal', () => {
    // Negatives with losses ceLoss(3) < ceLoss(1) < ceLoss(−1), given in a different order.
    const { cdf } = lossBudget([1, -3, -1], [0, 0, 0], 'ce', params, [1, 1]);
    const total = ceLoss(3) + ceLoss(1) + ceLoss(-1);
    expect(Array.from(cdf.negatives.fraction)).toEqual([0, 1 / 3, 2 / 3, 1]);
    expect(cdf.negatives.cumulative[1]).toBeCloseTo(ceLoss(3) / total, 14);
    expect(cdf.negatives.cumulative[2]).toBeCloseTo((ceLoss(3) + ceLoss(1)) / total, 14);
  });

  it('thins a long curve to maxPoints evenly spaced points after the origin, keeping the end', () => {
    const { logits, labels } = rareDetections();
    const { negatives } = lossBudget(logits, labels, 'ce', params, [1, 1], 10).cdf;
    expect(negatives.fraction.length).toBe(11);
    expect(Array.from(negatives.fraction)).toEqual(Array.from({ length: 11 }, (_, j) => j / 10));
    expect(negatives.cumulative.at(-1)).toBeCloseTo(1, 12);
    for (const maxPoints of [1, 7, 200, 999, 1000, 5000]) {
      const curve = lossBudget(logits, labels, 'ce', params, [1, 1], maxPoints).cdf.negatives;
      expect(curve.fraction.length, `maxPoints = ${maxPoints}`).toBeLessThanOrEqual(maxPoints + 1);
      expect(curve.fraction.at(-1), `maxPoints = ${maxPoints}`).toBe(1);
    }
  });

  it('flags DWB’s negative loss on confident examples, which cross-entropy never has', () => {
    // At x_t = 5: w^(1−p_t)·log(1 + e^−5) ≈ 0.0067 minus 2p_t(1 − p_t) ≈ 0.0133.
    const dwb = lossBudget([5, -5], [1, 0], 'dwb', params, [1, 1]);
    expect(dwb.hasNegativeLoss).toBe(true);
    expect(lossBudget([5, -5], [1, 0], 'ce', params, [1, 1]).hasNegativeLoss).toBe(false);
  });

  it('leaves an empty class’s curve empty and its groups at 0', () => {
    const budget = lossBudget([-2, 1], [0, 0], 'ce', params, [1, 1]);
    expect(points(budget.cdf.positives)).toEqual([]);
    expect(budget.counts.easyPositive + budget.counts.hardPositive).toBe(0);
    expect(budget.lossShare.easyPositive + budget.lossShare.hardPositive).toBe(0);
    expect(budget.cdf.negatives.fraction.length).toBe(3);
  });

  it('is all zeros, never NaN, when there is no loss to share', () => {
    // A positive weight of 0 and confident examples whose cross-entropy underflows to 0.
    const weightless = lossBudget([-1, 2], [1, 1], 'ce', params, [1, 0]);
    expect(points(weightless.cdf.positives)).toEqual([[0, 0], [0.5, 0], [1, 0]]);
    expect(Object.values(weightless.lossShare)).toEqual([0, 0, 0, 0]);
    const settled = lossBudget([800, -800], [1, 0], 'ce', params, [1, 1]);
    expect(Object.values(settled.gradientShare)).toEqual([0, 0, 0, 0]);
    expect(points(settled.cdf.negatives)).toEqual([[0, 0], [1, 0]]);
    expect(lossBudget([], [], 'ce', params, [1, 1]).lossShare.hardNegative).toBe(0);
  });

  it('rejects logits and labels of different lengths', () => {
    expect(() => lossBudget([0, 1], [1], 'ce', params, [1, 1])).toThrow(RangeError);
  });
});
