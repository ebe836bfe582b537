import { describe, expect, it } from 'vitest';
import { gradientShares } from './gradientShare';
import type { ResolvedParams } from './types';

const params: ResolvedParams = {
  gamma: 2, alpha: 0.25, wPos: 1, wNeg: 1, lambda: 1, epsilon: 1, gammaPos: 0, gammaNeg: 4, margin: 0.05, tau: 1, priorPos: 0.5,
};

describe('gradientShares', () => {
  it('gives the hardest example 1 and scales the rest by their |∂L/∂x|', () => {
    // Cross-entropy: |∂L/∂x| = 1 − p_t. Logits 0 (p_t = ½) and 2 for y = 1.
    const shares = gradientShares([0, 2], [1, 1], 'ce', params, [1, 1]);
    expect(shares[0]).toBe(1);
    expect(shares[1]).toBeCloseTo(1 / (1 + Math.exp(2)) / 0.5, 6);
  });

  it('lets easy examples fade far more under focal loss than under cross-entropy', () => {
    const logits = [-3, -0.5]; // majority examples: the first is easy (p_t ≈ 0.95), the second hard
    const ce = gradientShares(logits, [0, 0], 'ce', params, [1, 1]);
    const focal = gradientShares(logits, [0, 0], 'focal', params, [1, 1]);
    expect(focal[0] ?? Number.NaN).toBeLessThan((ce[0] ?? Number.NaN) / 5);
  });

  it('multiplies in the class weights', () => {
    const shares = gradientShares([0, 0], [0, 1], 'ce', params, [1, 4]);
    expect(shares[1]).toBe(1);
    expect(shares[0]).toBeCloseTo(0.25, 6);
  });

  it('is all zeros when nothing pushes (and never NaN)', () => {
    const shares = gradientShares([800, -800], [1, 0], 'ce', params, [1, 1]);
    expect(Array.from(shares)).toEqual([0, 0]);
  });
});
