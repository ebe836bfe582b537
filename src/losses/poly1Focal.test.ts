import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { focalLoss } from './focal';
import { poly1Loss } from './poly1';
import { poly1FocalLoss } from './poly1Focal';
import { sigmoid, softplus } from './stable';
import { label } from './testSupport';

const logitX = fc.double({ min: -700, max: 700, noNaN: true });
const epsilon = fc.double({ min: -1, max: 10, noNaN: true });
const gamma = fc.double({ min: 0, max: 10, noNaN: true });
const close = (a: number, b: number, rtol: number) => Math.abs(a - b) <= rtol * Math.abs(b) || Math.abs(a - b) <= 1e-300;

describe('Poly-1 focal loss', () => {
  it('with γ = 0 is Poly-1, value and gradient', () => {
    fc.assert(
      fc.property(logitX, label, epsilon, (x, y, eps) => {
        return (
          poly1FocalLoss.value(x, y, { epsilon: eps, gamma: 0 }) === poly1Loss.value(x, y, { epsilon: eps }) &&
          poly1FocalLoss.grad(x, y, { epsilon: eps, gamma: 0 }) === poly1Loss.grad(x, y, { epsilon: eps })
        );
      }),
    );
  });

  it('with ε = 0 is focal loss without α', () => {
    fc.assert(
      fc.property(logitX, label, gamma, (x, y, g) => {
        return (
          close(poly1FocalLoss.value(x, y, { epsilon: 0, gamma: g }), focalLoss.value(x, y, { gamma: g, alpha: -1 }), 1e-14) &&
          close(poly1FocalLoss.grad(x, y, { epsilon: 0, gamma: g }), focalLoss.grad(x, y, { gamma: g, alpha: -1 }), 1e-13)
        );
      }),
    );
  });

  it('adds ε (1 − p_t)^(γ+1) to focal loss', () => {
    const nonNegativeEpsilon = fc.double({ min: 0, max: 10, noNaN: true });
    fc.assert(
      fc.property(fc.double({ min: -20, max: 20, noNaN: true }), label, nonNegativeEpsilon, gamma, (x, y, eps, g) => {
        const q = sigmoid(y === 1 ? -x : x);
        const expected = focalLoss.value(x, y, { gamma: g, alpha: -1 }) + eps * q ** (g + 1);
        return close(poly1FocalLoss.value(x, y, { epsilon: eps, gamma: g }), expected, 1e-13);
      }),
    );
  });

  it('with ε = −1 keeps the remainder q^(γ+2)/2 at x_t = 40, where the direct sum gives 0', () => {
    const q = sigmoid(-40);
    const direct = q ** 2 * softplus(-40) - q ** 3; // γ = 2: q^γ (−log p_t) + ε q^(γ+1), summed directly
    expect(direct).toBe(0);
    expect(poly1FocalLoss.value(40, 1, { epsilon: -1, gamma: 2 }) / (q ** 4 / 2)).toBeCloseTo(1, 13);
    // d/dx_t (q^(γ+2)/2) = −(γ + 2)/2 · q^(γ+2) p_t
    expect(poly1FocalLoss.grad(40, 1, { epsilon: -1, gamma: 2 }) / -(2 * q ** 4)).toBeCloseTo(1, 13);
  });

  it('has finite, correct gradients for γ < 1 at saturated logits (where q^(γ−1) would be ∞)', () => {
    // The torchvision trap of issue #9: γ = 0.2 at x = ±333.
    for (const x of [333, -333, 800, -800]) {
      for (const y of [0, 1] as const) {
        const grad = poly1FocalLoss.grad(x, y, { epsilon: 1, gamma: 0.2 });
        expect(Number.isFinite(grad)).toBe(true);
        const xt = y === 1 ? x : -x;
        // Hard example: dL/dx_t → −(1 + ε p_t) = −1; easy: → 0 (here q^1.2 · (1 + ε) q ≈ 0).
        expect(y === 1 ? grad : -grad).toBeCloseTo(xt < 0 ? -1 : 0, 12);
      }
    }
  });
});
