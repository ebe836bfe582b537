import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import fixture from '../../tests/fixtures/binary-losses.json';
import { binaryLosses } from './index';
import { multiClassLosses, type MultiClassLossId } from './multiClass';
import { classWeight, isWithinReferenceTolerance, label, relativeError } from './testSupport';

interface MultiClassVector {
  loss: MultiClassLossId;
  logits: number[];
  y: number;
  weights: number[];
  value: number;
  grad: number[];
}

const vectors = fixture.multiClass as MultiClassVector[];

describe('every multi-class reference vector (value and gradient vector)', () => {
  it('covers both softmax losses', () => {
    expect(new Set(vectors.map((v) => v.loss))).toEqual(new Set(Object.keys(multiClassLosses)));
  });

  it.each(vectors)('$loss at logits $logits, y = $y, weights $weights', ({ loss, logits, y, weights, value, grad }) => {
    const actualValue = multiClassLosses[loss].value(logits, y, weights);
    const actualGrad = multiClassLosses[loss].grad(logits, y, weights);
    expect(actualValue, `value, relative error ${relativeError(actualValue, value)}`).toSatisfy((v: number) =>
      isWithinReferenceTolerance(v, value),
    );
    expect(actualGrad).toHaveLength(grad.length);
    actualGrad.forEach((g, k) => {
      const expected = grad[k] ?? NaN;
      expect(g, `d/dz_${k}, relative error ${relativeError(g, expected)}`).toSatisfy((v: number) =>
        isWithinReferenceTolerance(v, expected),
      );
    });
  });
});

describe('with two classes and logits [0, x], the softmax forms are the binary losses', () => {
  const logitX = fc.double({ min: -50, max: 50, noNaN: true });
  const close = (a: number, b: number) => Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b), 1e-300);

  it('class-balanced cross-entropy is w_y times binary cross-entropy', () => {
    fc.assert(
      fc.property(logitX, label, classWeight, classWeight, (x, y, wNeg, wPos) => {
        const weights = [wNeg, wPos];
        const w = y === 1 ? wPos : wNeg;
        const [, gradX = NaN] = multiClassLosses['class-balanced-ce'].grad([0, x], y, weights);
        return (
          close(multiClassLosses['class-balanced-ce'].value([0, x], y, weights), w * binaryLosses.ce.value(x, y, {})) &&
          close(gradX, w * binaryLosses.ce.grad(x, y, {}))
        );
      }),
    );
  });

  it('softmax DWB is binary DWB with wNeg = w_0 and wPos = w_1', () => {
    fc.assert(
      fc.property(logitX, label, classWeight, classWeight, (x, y, wNeg, wPos) => {
        const weights = [wNeg, wPos];
        const [, gradX = NaN] = multiClassLosses.dwb.grad([0, x], y, weights);
        // DWB crosses zero, so compare against the size of its two terms rather than the sum.
        const scale = Math.max(Math.abs(binaryLosses.ce.value(x, y, {})) * Math.max(wNeg, wPos), 1e-300);
        const valueGap = multiClassLosses.dwb.value([0, x], y, weights) - binaryLosses.dwb.value(x, y, { wPos, wNeg });
        const gradGap = gradX - binaryLosses.dwb.grad(x, y, { wPos, wNeg });
        return Math.abs(valueGap) <= 1e-12 * (scale + 1) && Math.abs(gradGap) <= 1e-12 * (scale + 1);
      }),
    );
  });
});

describe('multi-class gradients', () => {
  const logits = fc.array(fc.double({ min: -20, max: 20, noNaN: true }), { minLength: 2, maxLength: 6 });

  it.each(Object.values(multiClassLosses))('$id: each component matches a central difference of the value', (loss) => {
    fc.assert(
      fc.property(logits, fc.nat(), fc.array(classWeight, { minLength: 6, maxLength: 6 }), (z, yRaw, allWeights) => {
        const y = yRaw % z.length;
        const weights = allWeights.slice(0, z.length);
        // Rounding in the difference is ~ε|L|/h ≈ 2e−11·|L| and truncation h²·L'''/6 is smaller still,
        // so 1e−9 of the loss's scale is an honest bound (the worst seen over 20 000 runs is 7e−11).
        const h = 1e-5;
        const grad = loss.grad(z, y, weights);
        return grad.every((g, k) => {
          const shifted = (d: number) => z.map((zj, j) => (j === k ? zj + d : zj));
          const difference = (loss.value(shifted(h), y, weights) - loss.value(shifted(-h), y, weights)) / (2 * h);
          const scale = Math.abs(loss.value(z, y, weights)) + Math.max(...weights);
          return Math.abs(g - difference) <= 1e-9 * scale;
        });
      }),
    );
  });

  it('components of the class-balanced cross-entropy gradient sum to zero (softmax is shift-invariant)', () => {
    fc.assert(
      fc.property(logits, fc.nat(), classWeight, (z, yRaw, w) => {
        const grad = multiClassLosses['class-balanced-ce'].grad(z, yRaw % z.length, z.map(() => w));
        return Math.abs(grad.reduce((s, g) => s + g, 0)) <= 1e-13 * w;
      }),
    );
  });

  it('stay finite and keep the tiny components for logits a thousand apart', () => {
    for (const loss of Object.values(multiClassLosses)) {
      const value = loss.value([1000, -1000, 0], 1, [1, 4, 2]);
      const grad = loss.grad([1000, -1000, 0], 1, [1, 4, 2]);
      // p_y = e^−2000, so both are 4 · 2000 (DWB's weight exponent 1 − p_y is 1, its regulariser ~0).
      expect(value, loss.id).toBeCloseTo(8000, 6);
      expect(grad.every(Number.isFinite), loss.id).toBe(true);
      expect(grad[2], `${loss.id}: e^−1000 underflows, but the component is not NaN`).toBe(0);
    }
  });

  it('reject a label outside the classes or a weight per class missing', () => {
    expect(() => multiClassLosses.dwb.value([1, 2], 2, [1, 1])).toThrow(RangeError);
    expect(() => multiClassLosses['class-balanced-ce'].grad([1, 2], 0, [1])).toThrow(RangeError);
  });
});
