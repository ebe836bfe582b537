import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { asymmetricLoss } from './asl';
import { crossEntropy } from './ce';
import { focalLoss } from './focal';
import { logit, sigmoid } from './stable';

const logitX = fc.double({ min: -1e4, max: 1e4, noNaN: true });
const gamma = fc.double({ min: 0, max: 10, noNaN: true });
const margin = fc.double({ min: 0, max: 0.5, noNaN: true });

describe('asymmetric loss (ASL)', () => {
  it('for positives is focal loss with γ = γ+ and no α weighting (the margin only shifts negatives)', () => {
    fc.assert(
      fc.property(logitX, gamma, gamma, margin, (x, gammaPos, gammaNeg, m) => {
        const params = { gammaPos, gammaNeg, margin: m };
        const focal = { gamma: gammaPos, alpha: -1 };
        return (
          asymmetricLoss.value(x, 1, params) === focalLoss.value(x, 1, focal) &&
          asymmetricLoss.grad(x, 1, params) === focalLoss.grad(x, 1, focal)
        );
      }),
    );
  });

  it('discards easy negatives: value and gradient are exactly 0 when p ≤ m', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 0.5, noNaN: true }), fc.double({ min: 0, max: 50, noNaN: true }), gamma, (m, below, gammaNeg) => {
        const x = logit(m) - below;
        fc.pre(sigmoid(x) <= m);
        const params = { gammaPos: 0, gammaNeg, margin: m };
        return asymmetricLoss.value(x, 0, params) === 0 && asymmetricLoss.grad(x, 0, params) === 0;
      }),
    );
  });

  it('with γ+ = γ− = 0 and no margin is cross-entropy', () => {
    fc.assert(
      fc.property(fc.double({ min: -700, max: 700, noNaN: true }), (x) => {
        const params = { gammaPos: 0, gammaNeg: 0, margin: 0 };
        const close = (a: number, b: number) => Math.abs(a - b) <= 1e-15 * Math.abs(b);
        return (
          close(asymmetricLoss.value(x, 0, params), crossEntropy.value(x, 0, {})) &&
          close(asymmetricLoss.grad(x, 0, params), crossEntropy.grad(x, 0, {}))
        );
      }),
    );
  });

  it('keeps −log(1 − p_m) ≈ p_m for small p_m, where the direct log(1 − p) returns 0 at x = −40', () => {
    expect(Math.log(1 - sigmoid(-40))).toBe(0); // the direct form
    const noMargin = asymmetricLoss.value(-40, 0, { gammaPos: 0, gammaNeg: 0, margin: 0 });
    expect(noMargin / sigmoid(-40)).toBeCloseTo(1, 14);
    // Just above a margin of 0.05, p_m ≈ 1e−10: log(1 − p_m) would keep only ~6 digits of it.
    const x = logit(0.05 + 1e-10);
    const pm = sigmoid(x) - 0.05;
    const withMargin = asymmetricLoss.value(x, 0, { gammaPos: 0, gammaNeg: 0, margin: 0.05 });
    expect(withMargin / (pm + (pm * pm) / 2)).toBeCloseTo(1, 14);
  });

  it('uses 1 − p_m = σ(−x) + m, so a confident negative with a margin costs −log m, finitely', () => {
    const params = { gammaPos: 0, gammaNeg: 0, margin: 0.05 };
    expect(asymmetricLoss.value(40, 0, params)).toBeCloseTo(Math.log(20), 14);
    // dL/dx = p(1 − p)/(1 − p_m) ≈ σ(−40)/0.05
    expect(asymmetricLoss.grad(40, 0, params) / (sigmoid(-40) / 0.05)).toBeCloseTo(1, 14);
    expect(asymmetricLoss.grad(1e308, 0, params)).toBe(0);
    expect(asymmetricLoss.grad(1e308, 0, { ...params, margin: 0 })).toBe(1);
  });

  it('starts continuously from 0 at the margin, with a finite gradient even for γ− < 1', () => {
    const params = { gammaPos: 0, gammaNeg: 0.5, margin: 0.2 };
    const justAbove = logit(0.2) + 1e-9;
    expect(asymmetricLoss.value(justAbove, 0, params)).toBeLessThan(1e-12);
    expect(asymmetricLoss.value(justAbove, 0, params)).toBeGreaterThan(0);
    expect(Number.isFinite(asymmetricLoss.grad(justAbove, 0, params))).toBe(true);
    expect(asymmetricLoss.grad(justAbove, 0, params)).toBeGreaterThan(0);
  });
});
