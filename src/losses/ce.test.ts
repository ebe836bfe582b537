import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { alphaT, balancedCrossEntropy } from './balancedCe';
import { crossEntropy } from './ce';
import { label } from './testSupport';

describe('cross-entropy', () => {
  it('a confident correct example still has loss ≈ e^−x_t (not 0) and gradient −(1 − p_t)', () => {
    const q = 4.248354255291589e-18; // σ(−40)
    expect(crossEntropy.value(40, 1, {}) / q).toBeCloseTo(1, 14);
    expect(crossEntropy.value(-40, 0, {}) / q).toBeCloseTo(1, 14);
    expect(crossEntropy.grad(40, 1, {}) / -q).toBeCloseTo(1, 14);
    expect(crossEntropy.grad(-40, 0, {}) / q).toBeCloseTo(1, 14);
  });

  it('a confidently wrong example costs |x_t| and pulls with gradient of size 1', () => {
    expect(crossEntropy.value(-1000, 1, {})).toBe(1000);
    expect(crossEntropy.grad(-1000, 1, {})).toBe(-1);
    expect(crossEntropy.value(1e308, 0, {})).toBe(1e308);
  });

  it('is log 2 at x = 0 for either label', () => {
    expect(crossEntropy.value(0, 0, {})).toBe(Math.LN2);
    expect(crossEntropy.value(0, 1, {})).toBe(Math.LN2);
  });
});

describe('α-balanced cross-entropy', () => {
  it('weights positives by α and negatives by 1 − α', () => {
    expect(alphaT(0.25, 1)).toBe(0.25);
    expect(alphaT(0.25, 0)).toBe(0.75);
  });

  it('is α_t times cross-entropy, value and gradient', () => {
    fc.assert(
      fc.property(fc.double({ min: -50, max: 50, noNaN: true }), label, fc.double({ min: 0, max: 1, noNaN: true }), (x, y, alpha) => {
        const weight = alphaT(alpha, y);
        return (
          balancedCrossEntropy.value(x, y, { alpha }) === weight * crossEntropy.value(x, y, {}) &&
          balancedCrossEntropy.grad(x, y, { alpha }) === weight * crossEntropy.grad(x, y, {})
        );
      }),
    );
  });

  it('with α = 0.5 is half of cross-entropy', () => {
    expect(balancedCrossEntropy.value(1.5, 1, { alpha: 0.5 })).toBe(crossEntropy.value(1.5, 1, {}) / 2);
  });
});
