import { describe, expect, it } from 'vitest';
import fixture from '../../tests/fixtures/extra-binary-losses.json';
import { isWithinReferenceTolerance } from './testSupport';
import { weightedCrossEntropy } from './weightedCe';

describe('weighted cross-entropy', () => {
  it('derives the reference vectors’ weights from counts [1000, 10] and β = 0.999 (Cui et al.)', () => {
    const used = fixture.binary.find((v) => v.loss === 'weighted-ce')?.params;
    const { wPos, wNeg } = weightedCrossEntropy.resolve({ beta: 0.999 }, [1000, 10]);
    expect(isWithinReferenceTolerance(wPos, used?.wPos ?? NaN)).toBe(true);
    expect(isWithinReferenceTolerance(wNeg, used?.wNeg ?? NaN)).toBe(true);
    expect(wPos + wNeg).toBeCloseTo(2, 15);
  });

  it('is plain cross-entropy for β = 0, where both weights are 1', () => {
    expect(weightedCrossEntropy.resolve({ beta: 0 }, [100, 1])).toEqual({ beta: 0, wPos: 1, wNeg: 1 });
    expect(weightedCrossEntropy.defaultSettings()).toEqual({ beta: 0.999 });
  });
});
