/**
 * Softmax (C-class) forms of the class-weighted losses, for the weights table and the multi-class
 * reference vectors. p = softmax(logits); `grad` is d value / d logits.
 *
 * Stable form: every probability comes from logits shifted by their maximum (log-sum-exp), and
 * 1 − p_j is the sum of the other classes' exponentials, never 1 minus a rounded p_j (which is 0
 * for a confident class and would erase the gradient of the rest).
 */

export type MultiClassLossId = 'dwb' | 'class-balanced-ce';

export interface MultiClassLoss {
  readonly id: MultiClassLossId;
  /** The per-example loss for logits z, true class y (an index into z) and one weight per class. */
  value(logits: readonly number[], y: number, weights: readonly number[]): number;
  /** d value / d logits, one entry per class. */
  grad(logits: readonly number[], y: number, weights: readonly number[]): number[];
}

interface Softmax {
  p: number[];
  /** 1 − p_j, computed from the other classes. */
  rest: number[];
  /** log p_y. */
  logPy: number;
}

/** values[i] for an index already known to be in range (noUncheckedIndexedAccess, checked honestly). */
function at(values: readonly number[], i: number): number {
  const value = values[i];
  if (value === undefined) throw new RangeError(`index ${i} outside ${values.length} classes`);
  return value;
}

function softmax(logits: readonly number[], y: number, weights: readonly number[]): Softmax {
  if (!Number.isInteger(y) || y < 0 || y >= logits.length || weights.length !== logits.length) {
    throw new RangeError(`multi-class loss: y = ${y} with ${logits.length} logits and ${weights.length} weights`);
  }
  const max = Math.max(...logits);
  const exps = logits.map((z) => Math.exp(z - max));
  // Σ_{i≠j} e_i as (sum before j) + (sum after j): no subtraction from the total.
  let running = 0;
  const before = exps.map((e) => {
    const sum = running;
    running += e;
    return sum;
  });
  const total = running;
  running = 0;
  const after = exps
    .toReversed()
    .map((e) => {
      const sum = running;
      running += e;
      return sum;
    })
    .toReversed();
  const others = before.map((b, j) => b + at(after, j));
  // The max class has e = 1, so Σ e_i = 1 + its others and log1p keeps log p_y exact when the true
  // class is the confident one.
  const logPy = at(logits, y) - max - Math.log1p(at(others, logits.indexOf(max)));
  return { p: exps.map((e) => e / total), rest: others.map((o) => o / total), logPy };
}

/**
 * −w_y log p_y: cross-entropy with a fixed weight per class (with effective-number weights, the
 * class-balanced loss of Cui et al., CVPR 2019). d/dz_k = w_y (p_k − [k = y]).
 */
const classBalancedCrossEntropy: MultiClassLoss = {
  id: 'class-balanced-ce',
  value(logits, y, weights) {
    return -at(weights, y) * softmax(logits, y, weights).logPy;
  },
  grad(logits, y, weights) {
    const { p, rest } = softmax(logits, y, weights);
    const w = at(weights, y);
    return p.map((pk, k) => w * (k === y ? -at(rest, k) : pk));
  },
};

/**
 * DWB, −w_y^(1 − p_y) log p_y − Σ_j p_j (1 − p_j) (Fernando & Tsokos, IEEE TNNLS 2021).
 * With A = w_y^(1−p_y) and dp_y/dz_k = p_y([k = y] − p_k):
 *   d/dz_k = ([k = y] − p_k) · A (ln w_y · p_y log p_y − 1) + 2 p_k Σ_j p_j (p_k − p_j),
 * the last term being the regulariser's −Σ_j (1 − 2p_j) p_j([j = k] − p_k) with Σ_j p_j = 1 used to
 * avoid forming p_k − Σ_j p_j² by subtraction from a rounded 1.
 */
const dynamicallyWeightedBalanced: MultiClassLoss = {
  id: 'dwb',
  value(logits, y, weights) {
    const { p, rest, logPy } = softmax(logits, y, weights);
    const dynamicWeight = Math.pow(at(weights, y), at(rest, y));
    const regulariser = p.reduce((sum, pj, j) => sum + pj * at(rest, j), 0);
    return -dynamicWeight * logPy - regulariser;
  },
  grad(logits, y, weights) {
    const { p, rest, logPy } = softmax(logits, y, weights);
    const w = at(weights, y);
    const dynamicWeight = Math.pow(w, at(rest, y));
    const weightedTerm = dynamicWeight * (Math.log(w) * (at(p, y) * logPy) - 1);
    return p.map((pk, k) => {
      const indicatorMinusPk = k === y ? at(rest, k) : -pk;
      const spread = p.reduce((sum, pj) => sum + pj * (pk - pj), 0);
      return indicatorMinusPk * weightedTerm + 2 * pk * spread;
    });
  },
};

export const multiClassLosses: { readonly [K in MultiClassLossId]: MultiClassLoss } = {
  dwb: dynamicallyWeightedBalanced,
  'class-balanced-ce': classBalancedCrossEntropy,
};
