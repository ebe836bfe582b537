import { crossEntropy } from './ce';
import { logit } from './stable';
import type { BinaryLoss, LossParamsById } from './types';

/**
 * Logit-adjusted cross-entropy: cross-entropy on x + τ log(π / (1 − π)), π = priorPos
 * (Menon et al., "Long-tail learning via logit adjustment", ICLR 2021: the logit-adjusted softmax
 * loss with logits [f_0 + τ log(1 − π), f_1 + τ log π], written for x = f_1 − f_0). Adding the log prior
 * odds during training makes the rare class win by a margin, so the raw logit x needs no post-hoc
 * correction at test time.
 *
 * Stable form: log(π / (1 − π)) = logit(π) = log π − log1p(−π), exact for π near 0 and near 1; the
 * shift is a constant, so dL/dx is the cross-entropy derivative at the adjusted logit.
 */
const adjustedLogit = (x: number, tau: number, priorPos: number): number => x + tau * logit(priorPos);

export const logitAdjustedCrossEntropy: BinaryLoss<LossParamsById['la-ce']> = {
  id: 'la-ce',
  value(x, y, { tau, priorPos }) {
    return crossEntropy.value(adjustedLogit(x, tau, priorPos), y, {});
  },
  grad(x, y, { tau, priorPos }) {
    return crossEntropy.grad(adjustedLogit(x, tau, priorPos), y, {});
  },
};
