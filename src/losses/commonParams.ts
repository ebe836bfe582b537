import { alphaFromRatio, dwbLogRatio, effectiveNumber } from './classWeights';
import { derived, setting } from './defineLoss';

/**
 * Parameters several losses declare alike. Each loss still owns its own copy: focal's γ and
 * Poly-1 focal's γ are two sliders that happen to share a range.
 */

/** γ, the focusing exponent: 0 … 10, with a track that is fine near 0. */
export const focusing = (defaultValue: number) => setting(0, 10, defaultValue, { kind: 'focusing' });

/** α, the minority class's weight; tied to the counts it is n_neg / (n_neg + n_pos), as the source article derives it. */
export const minorityAlpha = (defaultValue: number) =>
  setting(0, 1, defaultValue, { kind: 'linear', step: 0.01 }, ([nNeg, nPos]) => alphaFromRatio(nNeg, nPos));

/** Cui et al.'s β (2019): 0.9 … 0.9999 on a track in −log10(1 − β). */
export const effectiveNumberBeta = () => setting(0, 0.9999, 0.999, { kind: 'nines' });

/** The positive class's weight by the effective number of samples, rescaled so both weights sum to 2. */
export const effectiveNumberWeight = (label: 0 | 1) =>
  derived((counts, { beta }: { beta: number }) => effectiveNumber(counts, beta)[label] as number);

/** DWB's class weight, ln(n_max / n_j) + 1 (Fernando & Tsokos 2021). */
export const dwbWeight = (label: 0 | 1) => derived((counts) => dwbLogRatio(counts)[label] as number);
