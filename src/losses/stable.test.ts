import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { logSigmoid, logit, sigmoid, softplus } from './stable';

const relativelyClose = (a: number, b: number, tolerance: number) =>
  Math.abs(a - b) <= tolerance * Math.max(Math.abs(a), Math.abs(b));

describe('sigmoid', () => {
  it('σ(−40) keeps 1 − p_t ≈ 4.2e−18, where the subtraction 1 − σ(40) returns 0', () => {
    expect(1 - sigmoid(40)).toBe(0);
    expect(relativelyClose(sigmoid(-40), 4.248354255291589e-18, 1e-15)).toBe(true);
  });

  it('is symmetric, σ(z) + σ(−z) = 1, and never NaN', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), (z) => {
        const sum = sigmoid(z) + sigmoid(-z);
        return Math.abs(sum - 1) <= 2 * Number.EPSILON && sigmoid(z) >= 0 && sigmoid(z) <= 1;
      }),
    );
  });

  it('saturates to exactly 0 and 1 without overflow', () => {
    expect(sigmoid(-Infinity)).toBe(0);
    expect(sigmoid(Infinity)).toBe(1);
    expect(sigmoid(-1000)).toBe(0);
    expect(sigmoid(0)).toBe(0.5);
  });
});

describe('softplus and log σ', () => {
  it('softplus(−40) is ~4.2e−18 where log(1 + e^−40) is 0', () => {
    expect(Math.log(1 + Math.exp(-40))).toBe(0);
    expect(relativelyClose(softplus(-40), 4.248354255291589e-18, 1e-15)).toBe(true);
  });

  it('softplus(1000) = 1000 where log(1 + e^1000) overflows', () => {
    expect(Math.log(1 + Math.exp(1000))).toBe(Infinity);
    expect(softplus(1000)).toBe(1000);
  });

  it('softplus(z) − softplus(−z) = z', () => {
    fc.assert(
      fc.property(fc.double({ min: -50, max: 50, noNaN: true }), (z) => {
        return Math.abs(softplus(z) - softplus(-z) - z) <= 4 * Number.EPSILON * Math.max(1, Math.abs(z));
      }),
    );
  });

  it('log σ(−800) = −800 where log(σ(−800)) is −∞', () => {
    expect(Math.log(sigmoid(-800))).toBe(-Infinity);
    expect(logSigmoid(-800)).toBe(-800);
    expect(logSigmoid(800)).toBe(-0);
  });
});

describe('logit, the inverse of σ (confidence p_t ↔ x_t in the UI)', () => {
  it('undoes σ: σ(logit(p)) = p for every p in (0, 1)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, minExcluded: true, maxExcluded: true, noNaN: true }), (p) =>
        relativelyClose(sigmoid(logit(p)), p, 1e-12),
      ),
    );
  });

  it('is exact at the ends of the p_t axis and infinite at 0 and 1', () => {
    expect(logit(0.5)).toBe(0);
    expect(relativelyClose(logit(0.9995), Math.log(1999), 1e-13)).toBe(true);
    expect(relativelyClose(logit(0.0005), -Math.log(1999), 1e-13)).toBe(true);
    expect(relativelyClose(logit(1 - 2 ** -53), 53 * Math.LN2, 1e-15)).toBe(true);
    expect(logit(0)).toBe(-Infinity);
    expect(logit(1)).toBe(Infinity);
  });
});
