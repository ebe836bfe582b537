import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { crossEntropy } from './ce';
import { labelSmoothingLoss } from './labelSmoothing';
import { logit, sigmoid } from './stable';
import { label } from './testSupport';

const epsilon = fc.double({ min: 0, max: 1, noNaN: true });
const smoothedTarget = (y: 0 | 1, eps: number) => y * (1 - eps) + eps / 2;

describe('label smoothing', () => {
  it('with ε = 0 is cross-entropy, value and gradient', () => {
    fc.assert(
      fc.property(fc.double({ min: -700, max: 700, noNaN: true }), label, (x, y) => {
        return (
          labelSmoothingLoss.value(x, y, { epsilon: 0 }) === crossEntropy.value(x, y, {}) &&
          labelSmoothingLoss.grad(x, y, { epsilon: 0 }) === crossEntropy.grad(x, y, {})
        );
      }),
    );
  });

  it('has its minimum at σ(x) = y_s: the gradient is 0 there, negative below and positive above', () => {
    fc.assert(
      fc.property(label, fc.double({ min: 0.01, max: 0.99, noNaN: true }), (y, eps) => {
        const best = logit(smoothedTarget(y, eps));
        const { value, grad } = labelSmoothingLoss;
        return (
          Math.abs(grad(best, y, { epsilon: eps })) < 1e-15 &&
          grad(best - 0.01, y, { epsilon: eps }) < 0 &&
          grad(best + 0.01, y, { epsilon: eps }) > 0 &&
          value(best, y, { epsilon: eps }) < value(best - 0.01, y, { epsilon: eps }) &&
          value(best, y, { epsilon: eps }) < value(best + 0.01, y, { epsilon: eps })
        );
      }),
    );
  });

  it('is non-negative: a sum of two softplus terms with weights y_s, 1 − y_s in [0, 1]', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), label, epsilon, (x, y, eps) => {
        return labelSmoothingLoss.value(x, y, { epsilon: eps }) >= 0;
      }),
    );
  });

  it('pushes a confident correct example back: ε = 0.1, y = 1 is minimal at p = 0.95, not at x = ∞', () => {
    expect(labelSmoothingLoss.grad(logit(0.95), 1, { epsilon: 0.1 })).toBeCloseTo(0, 15);
    expect(labelSmoothingLoss.grad(10, 1, { epsilon: 0.1 })).toBeGreaterThan(0);
    // With ε = 1 both labels have target ½: the label no longer matters.
    expect(labelSmoothingLoss.value(3, 1, { epsilon: 1 })).toBe(labelSmoothingLoss.value(3, 0, { epsilon: 1 }));
  });

  it('has gradient σ(x) − y_s, exact in the tails where σ(x) rounds to 1', () => {
    fc.assert(
      fc.property(fc.double({ min: -30, max: 30, noNaN: true }), label, epsilon, (x, y, eps) => {
        const grad = labelSmoothingLoss.grad(x, y, { epsilon: eps });
        return Math.abs(grad - (sigmoid(x) - smoothedTarget(y, eps))) <= 2 * Number.EPSILON;
      }),
    );
    // σ(40) − 1 is 0 in doubles; the true gradient for ε = 0 is −σ(−40) ≈ −4.2e−18.
    expect(sigmoid(40) - 1).toBe(0);
    expect(labelSmoothingLoss.grad(40, 1, { epsilon: 0 }) / -sigmoid(-40)).toBeCloseTo(1, 14);
    expect(labelSmoothingLoss.grad(40, 1, { epsilon: 1e-20 }) / (5e-21 - sigmoid(-40))).toBeCloseTo(1, 14);
  });
});
