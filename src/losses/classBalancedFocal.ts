import { effectiveNumberBeta, effectiveNumberWeight, focusing } from './commonParams';
import { defineLoss } from './defineLoss';
import { focalTermGradXt, focalTermValue } from './focal';
import { labelSign, trueClassLogit } from './trueClass';
import { classWeight } from './weightedCe';

/**
 * Class-balanced focal loss, −w_y (1 − p_t)^γ log p_t (Cui et al., "Class-Balanced Loss Based on
 * Effective Number of Samples", CVPR 2019, §4: the effective-number weight w_y replaces focal loss's
 * α_t). w_y as in weighted cross-entropy: (1 − β) / (1 − β^n_y), rescaled so both weights sum to 2.
 *
 * Stable form: focal loss's (focal.ts): 1 − p_t = σ(−x_t) so easy examples keep their ~e^−(γ+1)x_t
 * instead of 0, (1 − p_t)^0 = 1 even where σ(−x_t) underflows (γ = 0 is weighted cross-entropy
 * everywhere), and the derivative (1 − p_t)^γ (γ p_t log p_t − (1 − p_t)) never forms (1 − p_t)^(γ−1),
 * which is ∞ at saturation for γ < 1.
 */
export const classBalancedFocalLoss = defineLoss({
  id: 'class-balanced-focal',
  citation: 'Cui et al., “Class-Balanced Loss Based on Effective Number of Samples”, CVPR 2019',
  params: {
    gamma: focusing(2),
    beta: effectiveNumberBeta(),
    wPos: effectiveNumberWeight(1),
    wNeg: effectiveNumberWeight(0),
  },
  symbols: { gamma: 'γ', beta: 'β', wPos: 'w₊', wNeg: 'w₋' },
  value: (x, y, { gamma, wPos, wNeg }) => classWeight(wPos, wNeg, y) * focalTermValue(trueClassLogit(x, y), gamma),
  grad: (x, y, { gamma, wPos, wNeg }) =>
    labelSign(y) * classWeight(wPos, wNeg, y) * focalTermGradXt(trueClassLogit(x, y), gamma),
});
