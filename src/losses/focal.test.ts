import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { balancedCrossEntropy } from './balancedCe';
import { crossEntropy } from './ce';
import { focalLoss, modulatingFactor } from './focal';
import { logit } from './stable';
import { label } from './testSupport';

const logitX = fc.double({ min: -1e4, max: 1e4, noNaN: true });
const alpha = fc.double({ min: 0, max: 1, noNaN: true });
const gamma = fc.double({ min: 0, max: 10, noNaN: true });

describe('focal loss', () => {
  it('with γ = 0 equals α-balanced cross-entropy, value and gradient', () => {
    fc.assert(
      fc.property(logitX, label, alpha, (x, y, a) => {
        return (
          focalLoss.value(x, y, { gamma: 0, alpha: a }) === balancedCrossEntropy.value(x, y, { alpha: a }) &&
          focalLoss.grad(x, y, { gamma: 0, alpha: a }) === balancedCrossEntropy.grad(x, y, { alpha: a })
        );
      }),
    );
  });

  it('is at most α-balanced cross-entropy for γ ≥ 0 and α in [0, 1]', () => {
    fc.assert(
      fc.property(logitX, label, alpha, gamma, (x, y, a, g) => {
        return focalLoss.value(x, y, { gamma: g, alpha: a }) <= balancedCrossEntropy.value(x, y, { alpha: a });
      }),
    );
  });

  it('with α < 0 does no α weighting (torchvision): α_t = 1 for both labels', () => {
    fc.assert(
      fc.property(logitX, gamma, fc.double({ min: -10, max: -1e-9, noNaN: true }), (x, g, a) => {
        return (
          focalLoss.value(x, 1, { gamma: g, alpha: a }) === focalLoss.value(x, 1, { gamma: g, alpha: 1 }) &&
          focalLoss.value(x, 0, { gamma: g, alpha: a }) === focalLoss.value(x, 0, { gamma: g, alpha: 0 }) &&
          focalLoss.grad(x, 0, { gamma: g, alpha: a }) === focalLoss.grad(x, 0, { gamma: g, alpha: 0 })
        );
      }),
    );
    expect(focalLoss.value(2, 1, { gamma: 0, alpha: -1 })).toBe(crossEntropy.value(2, 1, {}));
  });

  it('turns down easy examples far more than hard ones: (1 − p_t)^2 is 0.01 at p_t = 0.9, 0.81 at 0.1', () => {
    const ratioAt = (pt: number) =>
      focalLoss.value(logit(pt), 1, { gamma: 2, alpha: -1 }) / crossEntropy.value(logit(pt), 1, {});
    expect(ratioAt(0.9)).toBeCloseTo(0.01, 14);
    expect(ratioAt(0.1)).toBeCloseTo(0.81, 14);
  });

  it('keeps an easy example at x_t = 40 at ~7.7e−53 (γ = 2), not the 0 that 1 − σ(40) would give', () => {
    const q = 4.248354255291589e-18; // σ(−40)
    expect(focalLoss.value(40, 1, { gamma: 2, alpha: -1 }) / q ** 3).toBeCloseTo(1, 12);
  });

  it('(1 − p_t)^0 = 1 even where 1 − p_t underflows to 0', () => {
    expect(modulatingFactor(800, 0)).toBe(1);
    expect(modulatingFactor(800, 2)).toBe(0);
    expect(focalLoss.value(-700, 1, { gamma: 0, alpha: -1 })).toBe(700);
  });

  it('has a finite gradient for 0 < γ < 1 where (1 − p_t)^(γ−1) would be ∞', () => {
    for (const xt of [800, 1e308]) {
      expect(Math.abs(focalLoss.grad(xt, 1, { gamma: 0.5, alpha: 0.25 })), `x_t = ${xt}`).toBe(0);
    }
    expect(focalLoss.grad(30, 1, { gamma: 0.5, alpha: -1 })).toBeLessThan(0);
  });
});
