import { ldamMargins } from './classWeights';
import { derived, defineLoss, setting } from './defineLoss';
import { sigmoid, softplus } from './stable';
import { labelSign, trueClassLogit } from './trueClass';

/**
 * LDAM loss, label-distribution-aware margins (Cao et al., "Learning Imbalanced Datasets with
 * Label-Distribution-Aware Margin Loss", NeurIPS 2019): softmax cross-entropy over the two logits
 * [0, x] after subtracting the true class's margin Δ_y from its logit and multiplying both by S:
 *   y = 1: softplus(−S (x − Δ₊)),   y = 0: softplus(S (x + Δ₋)),
 * i.e. softplus(−S (x_t − Δ_y)). The margins Δ_j = C / n_j^(1/4) follow the counts, with C set so the
 * rarer class's margin is max_m (classWeights.ldamMargins); the reference code's defaults are
 * max_m = 0.5, S = 30.
 *
 * Stable form: −log p_t of the shifted, scaled logit z = S (x_t − Δ_y), as softplus(−z) and σ(−z), so
 * nothing is log σ(z) or 1 − σ(z): at S = 30 those saturate already near |x − Δ| ≈ 1.2 (the reference vectors
 * reach e^−1195). For |x| beyond MAX_VALUE / S the true loss S·|x| is not a double and the value is ∞;
 * the gradient stays finite (±S).
 */
const scaledMarginLogit = (x: number, y: 0 | 1, scale: number, deltaPos: number, deltaNeg: number): number =>
  scale * (trueClassLogit(x, y) - (y === 1 ? deltaPos : deltaNeg));

export const ldamLoss = defineLoss({
  id: 'ldam',
  citation: 'Cao et al., “Learning Imbalanced Datasets with Label-Distribution-Aware Margin Loss”, NeurIPS 2019',
  params: {
    maxMargin: setting(0, 1, 0.5, { kind: 'linear', step: 0.01 }),
    scale: setting(1, 64, 30, { kind: 'linear', step: 1 }),
    deltaPos: derived((counts, { maxMargin }: { maxMargin: number }) => ldamMargins(counts, maxMargin)[1] as number),
    deltaNeg: derived((counts, { maxMargin }: { maxMargin: number }) => ldamMargins(counts, maxMargin)[0] as number),
  },
  symbols: { maxMargin: 'max Δ', scale: 'S', deltaPos: 'Δ₊', deltaNeg: 'Δ₋' },
  value: (x, y, { scale, deltaPos, deltaNeg }) => softplus(-scaledMarginLogit(x, y, scale, deltaPos, deltaNeg)),
  // d/dx_t softplus(−z) = −S σ(−z).
  grad: (x, y, { scale, deltaPos, deltaNeg }) =>
    -labelSign(y) * scale * sigmoid(-scaledMarginLogit(x, y, scale, deltaPos, deltaNeg)),
});
