import { ceGrad, ceValue } from './ce';
import { minorityAlpha } from './commonParams';
import { defineLoss, type Label } from './defineLoss';

/**
 * α-balanced cross-entropy, −α_t log p_t with α_t = α for y = 1 and 1 − α for y = 0
 * (Lin et al., "Focal Loss for Dense Object Detection", ICCV 2017, §3.1).
 *
 * α_t is a constant per class, so the stable forms are those of cross-entropy, scaled.
 */
export const alphaT = (alpha: number, y: Label): number => (y === 1 ? alpha : 1 - alpha);

export const balancedCrossEntropy = defineLoss({
  id: 'balanced-ce',
  citation: 'Lin et al., “Focal Loss for Dense Object Detection”, ICCV 2017, §3.1',
  symbols: { alpha: 'α' },
  params: { alpha: minorityAlpha(0.25) },
  value: (x, y, { alpha }) => alphaT(alpha, y) * ceValue(x, y),
  grad: (x, y, { alpha }) => alphaT(alpha, y) * ceGrad(x, y),
});
