/**
 * Shared by the tests in this folder (not imported by the app): the reference tolerance and the
 * parameter ranges the UI allows, as fast-check arbitraries.
 */
import fc from 'fast-check';
import type { BinaryLossId, LossParamsById } from './types';

/** The reference vectors' tolerance (shared/reference/README.md): relative 1e−10, absolute 1e−300. */
export function isWithinReferenceTolerance(actual: number, expected: number): boolean {
  const error = Math.abs(actual - expected);
  return error <= 1e-10 * Math.abs(expected) || error <= 1e-300;
}

/** Relative error for failure messages. */
export const relativeError = (actual: number, expected: number): number =>
  Math.abs(actual - expected) / Math.max(Math.abs(expected), Number.MIN_VALUE);

const unit = fc.double({ min: 0, max: 1, noNaN: true });
const gamma = fc.double({ min: 0, max: 10, noNaN: true });
/** Class weights as the UI produces them: ≥ 1 (the majority class gets exactly 1). */
export const classWeight = fc.double({ min: 1, max: 100, noNaN: true });
export const largestClassWeight = 100;

/** Every parameter over its full range, including α < 0 (no α weighting) for focal loss. */
export const lossParamArbitraries: { [K in BinaryLossId]: fc.Arbitrary<LossParamsById[K]> } = {
  ce: fc.constant({}),
  'balanced-ce': fc.record({ alpha: unit }),
  focal: fc.record({ gamma, alpha: fc.oneof(unit, fc.double({ min: -10, max: -Number.MIN_VALUE, noNaN: true })) }),
  dwb: fc.record({ wPos: classWeight, wNeg: classWeight }),
  poly1: fc.record({ epsilon: fc.double({ min: -1, max: 10, noNaN: true }) }),
  asl: fc.record({ gammaPos: gamma, gammaNeg: gamma, margin: fc.double({ min: 0, max: 0.5, noNaN: true }) }),
  'la-ce': fc.record({
    tau: fc.double({ min: 0, max: 3, noNaN: true }),
    priorPos: fc.double({ min: 0, max: 1, minExcluded: true, maxExcluded: true, noNaN: true }),
  }),
};

export const label = fc.constantFrom(0 as const, 1 as const);
