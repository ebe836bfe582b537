import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { crossEntropy } from './ce';
import { poly1Loss } from './poly1';
import { logit, sigmoid, softplus } from './stable';
import { label } from './testSupport';

describe('Poly-1 loss', () => {
  it('with ε = 0 is cross-entropy', () => {
    fc.assert(
      fc.property(fc.double({ min: -700, max: 700, noNaN: true }), label, (x, y) => {
        const ce = crossEntropy.value(x, y, {});
        return Math.abs(poly1Loss.value(x, y, { epsilon: 0 }) - ce) <= 4 * Number.EPSILON * ce;
      }),
    );
  });

  it('adds ε(1 − p_t) to cross-entropy', () => {
    fc.assert(
      fc.property(fc.double({ min: -20, max: 20, noNaN: true }), label, fc.double({ min: 0, max: 10, noNaN: true }), (x, y, epsilon) => {
        const q = sigmoid(y === 1 ? -x : x);
        const value = poly1Loss.value(x, y, { epsilon });
        return Math.abs(value - (crossEntropy.value(x, y, {}) + epsilon * q)) <= 1e-14 * value;
      }),
    );
  });

  it('with ε = −1 keeps the remainder (1 − p_t)²/2 at x_t = 40, where the direct sum gives 0', () => {
    const q = sigmoid(-40);
    expect(softplus(-40) - q).toBe(0); // the cancellation this file exists to avoid
    expect(poly1Loss.value(40, 1, { epsilon: -1 }) / ((q * q) / 2)).toBeCloseTo(1, 14);
    expect(poly1Loss.grad(40, 1, { epsilon: -1 }) / -(q * q)).toBeCloseTo(1, 14);
  });

  it('is continuous where the series hands over to log1p (1 − p_t = 0.25)', () => {
    const xt = logit(0.75);
    const below = poly1Loss.value(xt * (1 + 1e-15), 1, { epsilon: -1 });
    const above = poly1Loss.value(xt * (1 - 1e-15), 1, { epsilon: -1 });
    // r(0.25) = −log 0.75 − 0.25
    const exact = -Math.log(0.75) - 0.25;
    expect(Math.abs(below / exact - 1)).toBeLessThan(1e-13);
    expect(Math.abs(above / exact - 1)).toBeLessThan(1e-13);
  });
});
