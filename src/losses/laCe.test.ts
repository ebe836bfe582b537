import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { crossEntropy } from './ce';
import { logitAdjustedCrossEntropy } from './laCe';
import { label } from './testSupport';

const logitX = fc.double({ min: -100, max: 100, noNaN: true });

describe('logit-adjusted cross-entropy', () => {
  it('is cross-entropy at the logit shifted by τ log(π / (1 − π))', () => {
    fc.assert(
      fc.property(
        logitX,
        label,
        fc.double({ min: 0, max: 3, noNaN: true }),
        fc.double({ min: 1e-4, max: 1 - 1e-4, noNaN: true }),
        (x, y, tau, priorPos) => {
          const adjusted = x + tau * Math.log(priorPos / (1 - priorPos));
          const close = (a: number, b: number) => Math.abs(a - b) <= 1e-11 * Math.max(Math.abs(b), 1e-300);
          const params = { tau, priorPos };
          return (
            close(logitAdjustedCrossEntropy.value(x, y, params), crossEntropy.value(adjusted, y, {})) &&
            close(logitAdjustedCrossEntropy.grad(x, y, params), crossEntropy.grad(adjusted, y, {}))
          );
        },
      ),
    );
  });

  it('is plain cross-entropy for τ = 0 or a balanced prior π = 0.5', () => {
    fc.assert(
      fc.property(logitX, label, fc.double({ min: 0, max: 1, minExcluded: true, maxExcluded: true, noNaN: true }), (x, y, priorPos) => {
        return (
          logitAdjustedCrossEntropy.value(x, y, { tau: 0, priorPos }) === crossEntropy.value(x, y, {}) &&
          logitAdjustedCrossEntropy.value(x, y, { tau: 2, priorPos: 0.5 }) === crossEntropy.value(x, y, {})
        );
      }),
    );
  });

  it('makes a rare positive class win by a margin: at x = 0 positives cost more, negatives less', () => {
    const rare = { tau: 1, priorPos: 0.01 };
    expect(logitAdjustedCrossEntropy.value(0, 1, rare)).toBeGreaterThan(crossEntropy.value(0, 1, {}));
    expect(logitAdjustedCrossEntropy.value(0, 0, rare)).toBeLessThan(crossEntropy.value(0, 0, {}));
    // The positive's loss is CE at x = log 99, i.e. −log σ(−log 99) = log 100.
    expect(logitAdjustedCrossEntropy.value(0, 1, rare)).toBeCloseTo(Math.log(100), 13);
  });

  it('keeps the shift finite for priors at the edge of (0, 1)', () => {
    for (const priorPos of [Number.MIN_VALUE, 1e-300, 1 - 2 ** -53]) {
      const value = logitAdjustedCrossEntropy.value(0, 1, { tau: 3, priorPos });
      expect(Number.isFinite(value), `π = ${priorPos}`).toBe(true);
    }
    expect(logitAdjustedCrossEntropy.value(0, 1, { tau: 1, priorPos: 1 - 2 ** -53 }) / 2 ** -53).toBeCloseTo(1, 10);
  });
});
