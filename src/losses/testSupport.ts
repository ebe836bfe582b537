/**
 * Shared by the tests in this folder (not imported by the app): the reference tolerance and the
 * parameter ranges the UI allows, as fast-check arbitraries derived from each loss's declaration.
 */
import fc from 'fast-check';
import { anyLoss, lossRegistry } from './registry';
import type { BinaryLossId, LossParamsById } from './types';

/** The reference vectors' tolerance (shared/reference/README.md): relative 1e−10, absolute 1e−300. */
export function isWithinReferenceTolerance(actual: number, expected: number): boolean {
  const error = Math.abs(actual - expected);
  return error <= 1e-10 * Math.abs(expected) || error <= 1e-300;
}

/** Relative error for failure messages. */
export const relativeError = (actual: number, expected: number): number =>
  Math.abs(actual - expected) / Math.max(Math.abs(expected), Number.MIN_VALUE);

/** Class weights as the UI produces them: ≥ 1 (the majority class gets exactly 1). */
export const classWeight = fc.double({ min: 1, max: 100, noNaN: true });
export const largestClassWeight = 100;

/** Training counts [negatives, positives], from balanced to a million to one either way. */
const classCounts = fc.tuple(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 1, max: 1e6 }));

/** Effective-number weights sum to 2, so neither exceeds 2. */
export const largestEffectiveNumberWeight = 2;
/** The largest S on LDAM's slider. */
export const largestLdamScale = 64;

type AnyLossParams = Readonly<Record<string, number>>;

/**
 * A loss's parameters as the app can give them, derived from its declaration: every setting anywhere
 * on its slider, and every derived parameter from some training counts.
 */
function fromDeclaration(id: BinaryLossId): fc.Arbitrary<AnyLossParams> {
  const loss = anyLoss(id);
  const settings = Object.fromEntries(
    Object.entries(loss.params).flatMap(([name, spec]) =>
      spec.kind === 'setting' ? [[name, fc.double({ min: spec.min, max: spec.max, noNaN: true })] as const] : [],
    ),
  );
  return fc.tuple(classCounts, fc.record(settings)).map(([counts, values]) => loss.resolve(values, counts));
}

/** Beyond the sliders: torchvision's α < 0, which switches focal loss's class weighting off. */
const focalWithoutAlpha = fromDeclaration('focal').chain((params) =>
  fc.double({ min: -10, max: -Number.MIN_VALUE, noNaN: true }).map((alpha) => ({ ...params, alpha })),
);

/** Every loss's parameters over their full ranges. */
export const lossParamArbitraries = Object.fromEntries(
  lossRegistry.map(({ id }) => [id, id === 'focal' ? fc.oneof(fromDeclaration(id), focalWithoutAlpha) : fromDeclaration(id)]),
) as { [K in BinaryLossId]: fc.Arbitrary<LossParamsById[K]> };

export const label = fc.constantFrom(0 as const, 1 as const);
