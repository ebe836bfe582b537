/**
 * Shared by the tests in this folder (not imported by the app): the reference tolerance and the
 * parameter ranges the UI allows, as fast-check arbitraries.
 */
import fc from 'fast-check';
import { effectiveNumber, ldamMargins } from './classWeights';
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

/** Training counts [negatives, positives], from balanced to a million to one either way. */
const classCounts = fc.tuple(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 1, max: 1e6 }));

/** β over its slider, with the effective-number weights it gives for some counts (each in (0, 2), sum 2). */
const effectiveNumberParams = fc
  .tuple(classCounts, fc.double({ min: 0, max: 0.9999, noNaN: true }))
  .map(([counts, beta]) => {
    const [wNeg = NaN, wPos = NaN] = effectiveNumber(counts, beta);
    return { beta, wPos, wNeg };
  });
/** Effective-number weights sum to 2, so neither exceeds 2. */
export const largestEffectiveNumberWeight = 2;

/** LDAM's max_m and S over their sliders, with the margins they give for some counts. */
const ldamParams = fc
  .tuple(classCounts, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 1, max: 64, noNaN: true }))
  .map(([counts, maxMargin, scale]) => {
    const [deltaNeg = NaN, deltaPos = NaN] = ldamMargins(counts, maxMargin);
    return { maxMargin, scale, deltaPos, deltaNeg };
  });
/** The largest S on LDAM's slider. */
export const largestLdamScale = 64;

/** Every parameter over its full range, including α < 0 (no α weighting) for focal loss. */
export const lossParamArbitraries: { [K in BinaryLossId]: fc.Arbitrary<LossParamsById[K]> } = {
  ce: fc.constant({}),
  'balanced-ce': fc.record({ alpha: unit }),
  focal: fc.record({ gamma, alpha: fc.oneof(unit, fc.double({ min: -10, max: -Number.MIN_VALUE, noNaN: true })) }),
  dwb: fc.record({ wPos: classWeight, wNeg: classWeight, lambda: fc.double({ min: 0, max: 2, noNaN: true }) }),
  poly1: fc.record({ epsilon: fc.double({ min: -1, max: 10, noNaN: true }) }),
  asl: fc.record({ gammaPos: gamma, gammaNeg: gamma, margin: fc.double({ min: 0, max: 0.5, noNaN: true }) }),
  'la-ce': fc.record({
    tau: fc.double({ min: 0, max: 3, noNaN: true }),
    priorPos: fc.double({ min: 0, max: 1, minExcluded: true, maxExcluded: true, noNaN: true }),
  }),
  'weighted-ce': effectiveNumberParams,
  'class-balanced-focal': fc.tuple(gamma, effectiveNumberParams).map(([g, weights]) => ({ gamma: g, ...weights })),
  'poly1-focal': fc.record({ epsilon: fc.double({ min: -1, max: 10, noNaN: true }), gamma }),
  'label-smoothing': fc.record({ epsilon: unit }),
  ldam: ldamParams,
};

export const label = fc.constantFrom(0 as const, 1 as const);
