import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { classBalancedFocalLoss } from './classBalancedFocal';
import { focalLoss } from './focal';
import { label } from './testSupport';
import { weightedCrossEntropy } from './weightedCe';

const logitX = fc.double({ min: -1e4, max: 1e4, noNaN: true });
const weight = fc.double({ min: 0, max: 2, noNaN: true });
const gamma = fc.double({ min: 0, max: 10, noNaN: true });

describe('class-balanced focal loss', () => {
  it('with γ = 0 is weighted cross-entropy, value and gradient', () => {
    fc.assert(
      fc.property(logitX, label, weight, (x, y, wPos) => {
        const weights = { wPos, wNeg: 2 - wPos };
        return (
          classBalancedFocalLoss.value(x, y, { gamma: 0, ...weights }) === weightedCrossEntropy.value(x, y, weights) &&
          classBalancedFocalLoss.grad(x, y, { gamma: 0, ...weights }) === weightedCrossEntropy.grad(x, y, weights)
        );
      }),
    );
  });

  it('is focal loss with the class weight w_y in place of α_t', () => {
    fc.assert(
      fc.property(logitX, label, weight, gamma, (x, y, w, g) => {
        // Focal loss with α < 0 has α_t = 1 (no weighting); the class weight multiplies it.
        const params = { gamma: g, wPos: w, wNeg: w };
        const unweighted = { gamma: g, alpha: -1 };
        return (
          classBalancedFocalLoss.value(x, y, params) === w * focalLoss.value(x, y, unweighted) &&
          classBalancedFocalLoss.grad(x, y, params) === w * focalLoss.grad(x, y, unweighted)
        );
      }),
    );
  });

  it('takes the effective-number weights of its β and the counts, like weighted cross-entropy', () => {
    const settings = { gamma: 2, beta: 0.999 };
    const resolved = classBalancedFocalLoss.resolve(settings, [100, 1]);
    const { wPos, wNeg } = weightedCrossEntropy.resolve(settings, [100, 1]);
    expect(resolved).toEqual({ gamma: 2, beta: 0.999, wPos, wNeg });
  });
});
