import { ceGrad, ceValue } from './ce';
import { effectiveNumberBeta, effectiveNumberWeight } from './commonParams';
import { defineLoss, type Label } from './defineLoss';

/**
 * Class-weighted cross-entropy, −w_y log p_t, with the weights of Cui et al., "Class-Balanced Loss
 * Based on Effective Number of Samples", CVPR 2019: w_j ∝ (1 − β) / (1 − β^n_j), rescaled so that
 * w_neg + w_pos = 2 (β = 0: both 1, plain cross-entropy; β → 1: inverse frequency).
 *
 * w_y is a constant per class, so the stable forms are those of cross-entropy, scaled:
 * −log p_t = softplus(−x_t) and 1 − p_t = σ(−x_t), never log σ(x) or 1 − σ(x).
 */
export const classWeight = (wPos: number, wNeg: number, y: Label): number => (y === 1 ? wPos : wNeg);

export const weightedCrossEntropy = defineLoss({
  id: 'weighted-ce',
  citation: 'Cui et al., “Class-Balanced Loss Based on Effective Number of Samples”, CVPR 2019',
  params: { beta: effectiveNumberBeta(), wPos: effectiveNumberWeight(1), wNeg: effectiveNumberWeight(0) },
  symbols: { beta: 'β', wPos: 'w₊', wNeg: 'w₋' },
  value: (x, y, { wPos, wNeg }) => classWeight(wPos, wNeg, y) * ceValue(x, y),
  grad: (x, y, { wPos, wNeg }) => classWeight(wPos, wNeg, y) * ceGrad(x, y),
});
