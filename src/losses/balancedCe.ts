import { crossEntropy } from './ce';
import type { Label, BinaryLoss, LossParamsById } from './types';

/**
 * α-balanced cross-entropy, −α_t log p_t with α_t = α for y = 1 and 1 − α for y = 0
 * (Lin et al., "Focal Loss for Dense Object Detection", ICCV 2017, §3.1).
 *
 * α_t is a constant per class, so the stable forms are those of cross-entropy, scaled.
 */
export const alphaT = (alpha: number, y: Label): number => (y === 1 ? alpha : 1 - alpha);

export const balancedCrossEntropy: BinaryLoss<LossParamsById['balanced-ce']> = {
  id: 'balanced-ce',
  value(x, y, { alpha }) {
    return alphaT(alpha, y) * crossEntropy.value(x, y, {});
  },
  grad(x, y, { alpha }) {
    return alphaT(alpha, y) * crossEntropy.grad(x, y, {});
  },
};
