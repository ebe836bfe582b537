import { alphaT } from './balancedCe';
import { focusing, minorityAlpha } from './commonParams';
import { defineLoss, type Label } from './defineLoss';
import { sigmoid, softplus } from './stable';
import { labelSign, trueClassLogit } from './trueClass';

/**
 * Focal loss, −α_t (1 − p_t)^γ log p_t (Lin et al., "Focal Loss for Dense Object Detection",
 * ICCV 2017, eq. 5), with torchvision.ops.sigmoid_focal_loss semantics: α < 0 switches the α
 * weighting off (α_t = 1).
 *
 * Stable form:
 * - 1 − p_t = σ(−x_t), not 1 − σ(x_t): at x_t = 40 the subtraction gives 0 and the loss 0 instead of
 *   ~1e−53, so an easy example would look like it contributes exactly nothing.
 * - (1 − p_t)^0 = 1 even when 1 − p_t underflows to 0 (Math.pow(0, 0) = 1), so γ = 0 is exactly
 *   balanced cross-entropy everywhere.
 * - The derivative is written as (1 − p_t)^γ (γ p_t log p_t − (1 − p_t)): the textbook form has
 *   (1 − p_t)^(γ−1), which is ∞ at 1 − p_t = 0 for γ < 1 and turns 0·∞ into NaN.
 */

/** (1 − p_t)^γ: how much the loss of an example with logit x_t is turned down. */
export const modulatingFactor = (xt: number, gamma: number): number => Math.pow(sigmoid(-xt), gamma);

/** −(1 − p_t)^γ log p_t: focal loss without α_t (also the positive half of ASL). */
export function focalTermValue(xt: number, gamma: number): number {
  return modulatingFactor(xt, gamma) * softplus(-xt);
}

/** d/dx_t of focalTermValue: (1 − p_t)^γ (γ p_t log p_t − (1 − p_t)). */
export function focalTermGradXt(xt: number, gamma: number): number {
  const pt = sigmoid(xt);
  const oneMinusPt = sigmoid(-xt);
  // p_t · log p_t first: it stays in [−1/e, 0], where log p_t alone can be −1e308.
  const ptLogPt = pt * -softplus(-xt);
  return modulatingFactor(xt, gamma) * (gamma * ptLogPt - oneMinusPt);
}

/** torchvision: `if alpha >= 0: loss = alpha_t * loss`. */
const focalAlphaT = (alpha: number, y: Label): number => (alpha < 0 ? 1 : alphaT(alpha, y));

export const focalLoss = defineLoss({
  id: 'focal',
  citation: 'Lin et al., “Focal Loss for Dense Object Detection”, ICCV 2017, eq. 5',
  symbols: { gamma: 'γ', alpha: 'α' },
  params: { gamma: focusing(2), alpha: minorityAlpha(0.25) },
  value(x, y, { gamma, alpha }) {
    return focalAlphaT(alpha, y) * focalTermValue(trueClassLogit(x, y), gamma);
  },
  grad(x, y, { gamma, alpha }) {
    return labelSign(y) * focalAlphaT(alpha, y) * focalTermGradXt(trueClassLogit(x, y), gamma);
  },
});
