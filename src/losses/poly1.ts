import { defineLoss, setting } from './defineLoss';
import { sigmoid, softplus } from './stable';
import { labelSign, trueClassLogit } from './trueClass';

/**
 * Poly-1 loss, −log p_t + ε (1 − p_t) (Leng et al., "PolyLoss: A Polynomial Expansion Perspective of
 * Classification Loss Functions", ICLR 2022).
 *
 * Stable form. With q = 1 − p_t = σ(−x_t), −log p_t = −log(1 − q) = q + q²/2 + q³/3 + …, so
 *   L = r(q) + (1 + ε) q,   r(q) = −log(1 − q) − q = q²/2 + q³/3 + … ≥ 0.
 * For ε = −1 the leading terms of −log p_t and ε q cancel, and the direct sum returns 0 (or noise) for
 * large x_t where the true loss is ~q²/2. Split this way, both parts are ≥ 0 for ε ≥ −1 and are
 * added, never subtracted; r(q) is summed as a series for small q.
 */

/** Below this q the series for r(q) converges to full precision in under 30 terms. */
const seriesLimit = 0.25;

/** r(q) = −log(1 − q) − q for q = σ(−x_t). */
export function logRemainder(xt: number, q: number): number {
  if (q >= seriesLimit) return softplus(-xt) - q; // r ≥ 0.037 q here: at most a few bits are lost.
  // Bounded loop (also ends for NaN): 0.25^60 is far below a double's precision.
  let sum = 0;
  let power = q;
  for (let k = 2; k < 64; k++) {
    power *= q;
    const term = power / k;
    sum += term;
    if (term <= sum * 1e-17) break;
  }
  return sum;
}

/** −log p_t + ε (1 − p_t) as a function of x_t. */
export function poly1ValueXt(xt: number, epsilon: number): number {
  const q = sigmoid(-xt);
  return logRemainder(xt, q) + (1 + epsilon) * q;
}

/** d/dx_t: −q (1 + ε − ε q), not −q − ε p_t q: for ε = −1 the latter cancels to 0 at large x_t. */
export function poly1GradXt(xt: number, epsilon: number): number {
  const q = sigmoid(-xt);
  return -q * (1 + epsilon - epsilon * q);
}

export const poly1Loss = defineLoss({
  id: 'poly1',
  citation: 'Leng et al., “PolyLoss: A Polynomial Expansion Perspective of Classification Loss Functions”, ICLR 2022',
  symbols: { epsilon: 'ε' },
  params: { epsilon: setting(-1, 10, 1, { kind: 'linear', step: 0.05 }) },
  value: (x, y, { epsilon }) => poly1ValueXt(trueClassLogit(x, y), epsilon),
  grad: (x, y, { epsilon }) => labelSign(y) * poly1GradXt(trueClassLogit(x, y), epsilon),
});
