/**
 * Class-weight schemes computed from the number of examples per class, `counts[j] > 0`
 * (two-class callers pass [negatives, positives]). Each returns one weight per class, same order.
 */

/** w_j = N / (C n_j): each class contributes as if it had N / C examples. */
export function inverseFrequency(counts: readonly number[]): number[] {
  const total = counts.reduce((sum, n) => sum + n, 0);
  return counts.map((n) => total / (counts.length * n));
}

/**
 * w_j = ln(n_max / n_j) + 1: the DWB class weights (Fernando & Tsokos, IEEE TNNLS 2021). The largest
 * class gets 1, and the weight grows only logarithmically with the imbalance.
 */
export function dwbLogRatio(counts: readonly number[]): number[] {
  const largest = Math.max(...counts);
  return counts.map((n) => Math.log(largest / n) + 1);
}

/**
 * w_j ∝ (1 − β) / (1 − β^n_j), rescaled so Σ_j w_j = C (Cui et al., "Class-Balanced Loss Based on
 * Effective Number of Samples", CVPR 2019). The common factor (1 − β) cancels in the rescaling.
 *
 * Stable form: 1 − β^n = −expm1(n ln β). Forming β^n and subtracting loses digits when β^n is near 1
 * (β = 0.999, n = 10 loses two digits); β^n underflowing to 0 for large n is harmless here (the weight's
 * limit is then 1). β = 0 gives equal weights, β = 1 the limit 1 / n_j (inverse frequency).
 */
export function effectiveNumber(counts: readonly number[], beta: number): number[] {
  const logBeta = Math.log(beta); // −∞ for β = 0: −expm1(−∞) = 1, every class gets the same weight.
  const unnormalised = counts.map((n) => (beta === 1 ? 1 / n : 1 / -Math.expm1(n * logBeta)));
  const total = unnormalised.reduce((sum, w) => sum + w, 0);
  return unnormalised.map((w) => (counts.length * w) / total);
}

/**
 * α for α-balanced cross-entropy from the class counts: α = n_neg / (n_neg + n_pos), so that
 * α / (1 − α) = n_neg / n_pos and the rare positives are weighted up by exactly the imbalance.
 */
export function alphaFromRatio(nNeg: number, nPos: number): number {
  return nNeg / (nNeg + nPos);
}

/**
 * LDAM's per-class margins Δ_j = C / n_j^(1/4), with C chosen so that the largest margin (the rarest
 * class's) is `maxMargin` (Cao et al., "Learning Imbalanced Datasets with Label-Distribution-Aware
 * Margin Loss", NeurIPS 2019; max_m in their code). Written as maxMargin · (n_min / n_j)^(1/4), so the
 * rarest class gets exactly maxMargin; the fourth root is two square roots, as in the reference code
 * (1 / sqrt(sqrt(n_j))), each correctly rounded.
 */
export function ldamMargins(counts: readonly number[], maxMargin: number): number[] {
  const smallest = Math.min(...counts);
  return counts.map((n) => maxMargin / Math.sqrt(Math.sqrt(n / smallest)));
}
