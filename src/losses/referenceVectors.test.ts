import { describe, expect, it } from 'vitest';
import fixture from '../../tests/fixtures/binary-losses.json';
import extraFixture from '../../tests/fixtures/extra-binary-losses.json';
import { anyLoss, binaryLossIds } from './index';
import { isWithinReferenceTolerance, relativeError } from './testSupport';
import type { BinaryLossId, Label } from './types';

interface BinaryVector {
  loss: BinaryLossId;
  /** Only the loss's own parameters (the JSON's union type lists the others as undefined). */
  params: Partial<Record<string, number>>;
  x: number;
  y: Label;
  value: number;
  grad: number;
}

/** Both reference files (shared/reference/README.md): the first seven losses, then "More binary losses". */
const sources = [
  { file: 'binary-losses.json', vectors: fixture.binary as BinaryVector[] },
  { file: 'extra-binary-losses.json', vectors: extraFixture.binary as BinaryVector[] },
];
const vectors = sources.flatMap(({ file, vectors }) => vectors.map((v) => ({ ...v, file })));

/** "value −4.2e−18 (expected −4.3e−18, relative error 2e−2)" for a readable failure. */
const describeMismatch = (what: string, actual: number, expected: number) =>
  `${what} ${actual} (expected ${expected}, relative error ${relativeError(actual, expected).toExponential(1)})`;

describe('every binary reference vector (value and d/dx, relative 1e−10, absolute 1e−300)', () => {
  it('covers all 660 + 234 vectors, and every registered loss has vectors', () => {
    expect(sources.map(({ vectors }) => vectors.length)).toEqual([660, 234]);
    expect(new Set(sources[0]?.vectors.map((v) => v.loss))).toEqual(
      new Set(['ce', 'balanced-ce', 'focal', 'dwb', 'poly1', 'asl', 'la-ce']),
    );
    expect(new Set(sources[1]?.vectors.map((v) => v.loss))).toEqual(
      new Set(['weighted-ce', 'class-balanced-focal', 'poly1-focal', 'label-smoothing', 'ldam']),
    );
    expect(new Set(vectors.map((v) => v.loss))).toEqual(new Set(binaryLossIds));
  });

  it.each(vectors.map((v) => ({ ...v, paramsText: JSON.stringify(v.params) })))(
    '$file: $loss $paramsText at x = $x, y = $y',
    ({ loss, params, x, y, value, grad }) => {
      // Every loss reads only its own parameters, named in the fixture exactly as in its declaration;
      // settings the fixture leaves out (DWB's λ, the β behind the weights, LDAM's max_m) take their defaults.
      const lossFn = anyLoss(loss);
      const ownParams = params as Record<string, number>;
      const actualValue = lossFn.value(x, y, ownParams);
      const actualGrad = lossFn.grad(x, y, ownParams);
      const problems = [
        isWithinReferenceTolerance(actualValue, value) ? '' : describeMismatch('value', actualValue, value),
        isWithinReferenceTolerance(actualGrad, grad) ? '' : describeMismatch('grad', actualGrad, grad),
      ].filter(Boolean);
      expect(problems).toEqual([]);
    },
  );
});
