import { sigmoid, softplus } from './stable';
import { labelSign, trueClassLogit } from './trueClass';
import type { BinaryLoss, LossParamsById } from './types';

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
function logRemainder(xt: number, q: number): number {
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

export const poly1Loss: BinaryLoss<LossParamsById['poly1']> = {
  id: 'poly1',
  value(x, y, { epsilon }) {
    const xt = trueClassLogit(x, y);
    const q = sigmoid(-xt);
    return logRemainder(xt, q) + (1 + epsilon) * q;
  },
  // −s q (1 + ε − ε q), not s[−q − ε p_t q]: for ε = −1 the latter cancels to 0 at large x_t.
  grad(x, y, { epsilon }) {
    const q = sigmoid(-trueClassLogit(x, y));
    return -labelSign(y) * q * (1 + epsilon - epsilon * q);
  },
};
