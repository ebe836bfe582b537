import { defineLoss } from './defineLoss';
import { sigmoid, softplus } from './stable';
import { labelSign, trueClassLogit } from './trueClass';

/**
 * Cross-entropy, −log p_t: the baseline every other loss reshapes.
 *
 * Stable form: −log p_t = softplus(−x_t) and 1 − p_t = σ(−x_t). The naive −log(σ(x)) returns +∞ for
 * x < −745 (σ underflows) and 0 for x > 37 (σ rounds to 1), where the true loss is ~|x| and ~e^−x.
 */
export const ceValue = (x: number, y: 0 | 1): number => softplus(-trueClassLogit(x, y));

/** d/dx_t softplus(−x_t) = −σ(−x_t) = −(1 − p_t). */
export const ceGrad = (x: number, y: 0 | 1): number => -labelSign(y) * sigmoid(-trueClassLogit(x, y));

export const crossEntropy = defineLoss({
  id: 'ce',
  citation: 'the negative log-likelihood of the true class',
  symbols: {},
  params: {},
  value: (x, y) => ceValue(x, y),
  grad: (x, y) => ceGrad(x, y),
});
