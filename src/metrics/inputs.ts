/**
 * The input contract shared by every metric.
 *
 * `scores[i]` is the predicted probability of the positive (minority) class, a number in [0, 1];
 * `labels[i]` is 1 for the minority class and anything else (normally 0) for the majority.
 * Both are `ArrayLike<number>` so plain arrays and typed arrays from the model work unchanged.
 */

/** The positive class is exactly 1, so a Float32Array label of 1.0 counts and a stray 2 does not. */
export const isPositive = (label: number | undefined): boolean => label === 1;

/**
 * Throws on the two contract violations that would otherwise come out as a plausible number or
 * a NaN: scores of one dataset with labels of another, and a NaN score (a diverged model), which
 * no threshold can rank. Costs one pass, negligible next to the sort.
 */
export function checkInputs(scores: ArrayLike<number>, labels: ArrayLike<number>): void {
  if (scores.length !== labels.length) {
    throw new RangeError(`scores (${scores.length}) and labels (${labels.length}) differ in length`);
  }
  for (let i = 0; i < scores.length; i++) {
    if (Number.isNaN(scores[i])) throw new RangeError(`score ${i} is NaN`);
  }
}
