import { sigmoid, softplus } from './stable';
import { labelSign, trueClassLogit } from './trueClass';
import type { BinaryLoss, LossParamsById } from './types';

/**
 * Cross-entropy, −log p_t: the baseline every other loss reshapes.
 *
 * Stable form: −log p_t = softplus(−x_t) and 1 − p_t = σ(−x_t). The naive −log(σ(x)) returns +∞ for
 * x < −745 (σ underflows) and 0 for x > 37 (σ rounds to 1), where the true loss is ~|x| and ~e^−x.
 */
export const crossEntropy: BinaryLoss<LossParamsById['ce']> = {
  id: 'ce',
  value(x, y) {
    return softplus(-trueClassLogit(x, y));
  },
  // d/dx_t softplus(−x_t) = −σ(−x_t) = −(1 − p_t).
  grad(x, y) {
    return -labelSign(y) * sigmoid(-trueClassLogit(x, y));
  },
};
