/**
 * Numerically stable primitives shared by every loss (shared/reference/README.md, "Conventions").
 *
 * The rule behind all of them: never form 1 − σ(x) or log(σ(x)) by subtraction or by taking the log
 * of a rounded probability. At x = 40, σ(x) rounds to 1, so 1 − σ(x) = 0 and log σ(−x) = −∞, while
 * the true values are ~4e−18 and ~−40. Every loss therefore works with the logit x_t and asks these
 * functions for p_t = σ(x_t), 1 − p_t = σ(−x_t) and log p_t = −softplus(−x_t).
 */

/** σ(z) = 1 / (1 + e^−z), evaluated so that exp never overflows and tiny results keep full precision. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  // For z < 0, e^z is the small, exactly scaled quantity: σ(z) = e^z / (1 + e^z) keeps ~1e−300 exact.
  const e = Math.exp(z);
  return e / (1 + e);
}

/** softplus(z) = log(1 + e^z) = max(z, 0) + log1p(e^−|z|): no overflow for large z, no log(1) for small. */
export function softplus(z: number): number {
  return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
}

/** log σ(z) = −softplus(−z): finite and exact where log(sigmoid(z)) would return −∞ or 0. */
export function logSigmoid(z: number): number {
  return -softplus(-z);
}

/**
 * The inverse of σ: logit(p) = log(p / (1 − p)), for the UI to map a confidence p_t to x_t.
 * log1p(−p) keeps p near 1 exact (1 − p is exact there), and p near 0 exact (log p directly).
 * logit(0) = −∞ and logit(1) = +∞.
 */
export function logit(p: number): number {
  return Math.log(p) - Math.log1p(-p);
}
