import { ceGrad, ceValue } from './ce';
import { derived, defineLoss, setting } from './defineLoss';
import { logit } from './stable';

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

export const logitAdjustedCrossEntropy = defineLoss({
  id: 'la-ce',
  citation: 'Menon et al., “Long-tail learning via logit adjustment”, ICLR 2021',
  symbols: { tau: 'τ', priorPos: 'π₊' },
  params: {
    tau: setting(0, 3, 1, { kind: 'linear', step: 0.05 }),
    // π, the positive class's share of the training set.
    priorPos: derived(([nNeg, nPos]) => nPos / (nNeg + nPos)),
  },
  value: (x, y, { tau, priorPos }) => ceValue(adjustedLogit(x, tau, priorPos), y),
  grad: (x, y, { tau, priorPos }) => ceGrad(adjustedLogit(x, tau, priorPos), y),
});
