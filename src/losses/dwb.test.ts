import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { crossEntropy } from './ce';
import { dwbLoss } from './dwb';
import { dwbMinimum } from './dwbMinimum';
import { sigmoid } from './stable';
import { classWeight, label } from './testSupport';

describe('DWB loss', () => {
  it('works against confidence, as the help text says: with weight 1 it is lowest, below zero, at p_t ≈ 0.81', () => {
    // d/dp [−log p − 2p(1 − p)] = 0 ⇔ 4p² − 2p − 1 = 0 ⇔ p = (1 + √5) / 4 ≈ 0.809.
    const best = (1 + Math.sqrt(5)) / 4;
    const at = (pt: number) => dwbLoss.value(Math.log(pt / (1 - pt)), 1, { wPos: 1, wNeg: 1 });
    expect(best).toBeCloseTo(0.81, 2);
    expect(at(best)).toBeLessThan(0);
    expect(dwbLoss.grad(Math.log(best / (1 - best)), 1, { wPos: 1, wNeg: 1 })).toBeCloseTo(0, 12);
    // Beyond it the loss rises: more confidence costs more, and the push reverses.
    for (const pt of [0.85, 0.9, 0.99]) expect(at(pt)).toBeGreaterThan(at(best));
    expect(dwbLoss.grad(Math.log(0.9 / 0.1), 1, { wPos: 1, wNeg: 1 })).toBeGreaterThan(0);
    // The regulariser −2p(1 − p) itself is lowest at p_t = 0.5, where it takes −0.5.
    expect(at(0.5) + Math.log(0.5)).toBeCloseTo(-0.5, 15);
  });

  it('with weight 1 is cross-entropy minus the regulariser 2 p_t(1 − p_t)', () => {
    fc.assert(
      fc.property(fc.double({ min: -30, max: 30, noNaN: true }), label, (x, y) => {
        const xt = y === 1 ? x : -x;
        const expected = crossEntropy.value(x, y, {}) - 2 * sigmoid(xt) * sigmoid(-xt);
        const actual = dwbLoss.value(x, y, { wPos: 1, wNeg: 1 });
        return Math.abs(actual - expected) <= 1e-15 * (crossEntropy.value(x, y, {}) + 1);
      }),
    );
  });

  it('uses the class weight as the exponent (1 − p_t): a hard example gets ≈ w, an easy one ≈ 1', () => {
    fc.assert(
      fc.property(classWeight, (w) => {
        const hard = dwbLoss.value(-50, 1, { wPos: w, wNeg: 1 }) / crossEntropy.value(-50, 1, {});
        const atHalf = dwbLoss.value(0, 1, { wPos: w, wNeg: 1 });
        return Math.abs(hard / w - 1) < 1e-13 && Math.abs(atHalf - (Math.sqrt(w) * Math.LN2 - 0.5)) < 1e-14 * w;
      }),
    );
  });

  it('reads wPos for positives and wNeg for negatives', () => {
    expect(dwbLoss.value(-3, 1, { wPos: 5, wNeg: 1 })).toBe(dwbLoss.value(3, 0, { wPos: 1, wNeg: 5 }));
  });

  it('is slightly negative for confident correct predictions (the regulariser), ≈ −(1 − p_t)', () => {
    expect(dwbLoss.value(5, 1, { wPos: 5.6, wNeg: 1 })).toBeLessThan(0);
    // w = 1: −log(1 − q) − 2(1 − q)q = (q + q²/2 + …) − 2q + 2q² ≈ −q + 2.5q² with q = σ(−20).
    const q = sigmoid(-20);
    expect(dwbLoss.value(20, 1, { wPos: 1, wNeg: 1 }) / (-q + 2.5 * q * q)).toBeCloseTo(1, 14);
  });

  it('pushes a confident correct logit back towards 0.5 (gradient sign flips near p_t ≈ 0.8)', () => {
    expect(dwbLoss.grad(1, 1, { wPos: 1, wNeg: 1 })).toBeLessThan(0); // still pulled up
    expect(dwbLoss.grad(5, 1, { wPos: 1, wNeg: 1 })).toBeGreaterThan(0); // pushed back down
  });
});

describe('DWB’s minimum', () => {
  it('sits at p_t = (1 + √5)/4 ≈ 0.809 for weight 1, further out for a larger weight, and is gone without the regulariser', () => {
    const one = dwbMinimum(0, { wPos: 5.6, wNeg: 1 });
    expect(one?.pt).toBeCloseTo((1 + Math.sqrt(5)) / 4, 3);
    expect(one?.loss).toBeLessThan(0);
    const heavy = dwbMinimum(1, { wPos: 5.6, wNeg: 1 });
    expect(heavy?.pt).toBeGreaterThan(0.85);
    expect(heavy?.pt).toBeLessThan(0.95);
    expect(dwbMinimum(0, { wPos: 5.6, wNeg: 1, lambda: 0 })).toBeNull();
  });
});
