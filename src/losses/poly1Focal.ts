import { focusing } from './commonParams';
import { defineLoss, setting } from './defineLoss';
import { poly1GradXt, poly1ValueXt } from './poly1';
import { sigmoid } from './stable';
import { labelSign, trueClassLogit } from './trueClass';

/**
 * Poly-1 focal loss, −(1 − p_t)^γ log p_t + ε (1 − p_t)^(γ+1) (Leng et al., "PolyLoss: A Polynomial
 * Expansion Perspective of Classification Loss Functions", ICLR 2022, without α): focal loss
 * plus ε times the leading term of its polynomial expansion.
 *
 * Stable form. With q = 1 − p_t = σ(−x_t) the loss is q^γ · P(x_t), P the Poly-1 loss −log p_t + ε q
 * (poly1.ts), which keeps P's small remainder exact at ε = −1 instead of cancelling it to 0. Since
 * dq/dx_t = −p_t q, the derivative in x_t is
 *   q^γ (P′ − γ p_t P),
 * never γ q^(γ−1) (…): q^(γ−1) is ∞ where q underflows for γ < 1, and 0·∞ is NaN. For ε ≥ −1 both
 * P′ = −q (1 + ε p_t) and −γ p_t P are ≤ 0, so the bracket is a sum, not a difference. q^0 = 1 even when
 * q underflows (Math.pow(0, 0) = 1), so γ = 0 is exactly Poly-1 everywhere.
 */
export const poly1FocalLoss = defineLoss({
  id: 'poly1-focal',
  citation: 'Leng et al., “PolyLoss: A Polynomial Expansion Perspective of Classification Loss Functions”, ICLR 2022',
  params: { epsilon: setting(-1, 10, 1, { kind: 'linear', step: 0.05 }), gamma: focusing(2) },
  symbols: { epsilon: 'ε', gamma: 'γ' },
  value(x, y, { epsilon, gamma }) {
    const xt = trueClassLogit(x, y);
    return Math.pow(sigmoid(-xt), gamma) * poly1ValueXt(xt, epsilon);
  },
  grad(x, y, { epsilon, gamma }) {
    const xt = trueClassLogit(x, y);
    const pt = sigmoid(xt);
    // p_t · P first: P alone can be ~|x_t| ≈ 1e308 where p_t underflows to 0, and γ · 1e308 overflows.
    const ptPoly = pt * poly1ValueXt(xt, epsilon);
    return labelSign(y) * Math.pow(sigmoid(-xt), gamma) * (poly1GradXt(xt, epsilon) - gamma * ptPoly);
  },
});
