import { describe, expect, it } from 'vitest';
import fixture from '../../tests/fixtures/binary-losses.json';
import { binaryLosses } from './index';
import { isWithinReferenceTolerance, relativeError } from './testSupport';
import type { AllLossParams, BinaryLossId, Label } from './types';

interface BinaryVector {
  loss: BinaryLossId;
  params: Partial<AllLossParams>;
  x: number;
  y: Label;
  value: number;
  grad: number;
}

const vectors = fixture.binary as BinaryVector[];

/** "value −4.2e−18 (expected −4.3e−18, relative error 2e−2)" for a readable failure. */
const describeMismatch = (what: string, actual: number, expected: number) =>
  `${what} ${actual} (expected ${expected}, relative error ${relativeError(actual, expected).toExponential(1)})`;

describe('every binary reference vector (value and d/dx, relative 1e−10, absolute 1e−300)', () => {
  it('covers all 660 vectors and all seven losses', () => {
    expect(vectors).toHaveLength(660);
    expect(new Set(vectors.map((v) => v.loss))).toEqual(new Set(Object.keys(binaryLosses)));
  });

  it.each(vectors.map((v) => ({ ...v, paramsText: JSON.stringify(v.params) })))(
    '$loss $paramsText at x = $x, y = $y',
    ({ loss, params, x, y, value, grad }) => {
      // Every loss reads only its own parameters; the fixture names them exactly as LossParamsById.
      const lossFn = binaryLosses[loss];
      const actualValue = lossFn.value(x, y, params as AllLossParams);
      const actualGrad = lossFn.grad(x, y, params as AllLossParams);
      const problems = [
        isWithinReferenceTolerance(actualValue, value) ? '' : describeMismatch('value', actualValue, value),
        isWithinReferenceTolerance(actualGrad, grad) ? '' : describeMismatch('grad', actualGrad, grad),
      ].filter(Boolean);
      expect(problems).toEqual([]);
    },
  );
});
