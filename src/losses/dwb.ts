import { dwbWeight } from './commonParams';
import { defineLoss, setting } from './defineLoss';
import { sigmoid, softplus } from './stable';
import { labelSign, trueClassLogit } from './trueClass';

/**
 * Dynamically weighted balanced (DWB) loss, two-class case:
 *   L = −w_y^(1 − p_t) log p_t − λ · 2 p_t (1 − p_t)
 * (Fernando & Tsokos, "Dynamically Weighted Balanced Loss: Class Imbalanced Learning and Confidence
 * Calibration of Deep Neural Networks", IEEE TNNLS 2021: −Σ_j w_j^(1−p_j) y_j log p_j − Σ_j p_j(1 − p_j)
 * with p_1 = p, p_0 = 1 − p, so the regulariser is p(1 − p) twice).
 *
 * The class weight is an exponent, not a factor: a hard example (p_t → 0) gets the full weight w_y, an
 * easy one (p_t → 1) gets w_y^0 = 1. The regulariser makes the loss slightly negative for confident
 * correct predictions; that is the loss, not a rounding error.
 *
 * λ weighs the regulariser: 1 (the default, and every reference vector) is the formula above; 0 is
 * the dynamic weighting alone. Published implementations disagree on the regulariser's sign and on
 * which probabilities it sums over, so the app computes exactly the formula it shows.
 *
 * Stable form: 1 − p_t = σ(−x_t), log p_t = −softplus(−x_t), and 1 − 2p_t = −tanh(x_t / 2), so nothing
 * is a difference of rounded probabilities.
 */
export const dwbLoss = defineLoss({
  id: 'dwb',
  citation: 'Fernando & Tsokos, “Dynamically Weighted Balanced Loss”, IEEE TNNLS 2021',
  symbols: { wPos: 'w₊', wNeg: 'w₋', lambda: 'λ' },
  params: { wPos: dwbWeight(1), wNeg: dwbWeight(0), lambda: setting(0, 2, 1, { kind: 'linear', step: 0.05 }) },
  value(x, y, { wPos, wNeg, lambda }) {
    const xt = trueClassLogit(x, y);
    const pt = sigmoid(xt);
    const oneMinusPt = sigmoid(-xt);
    const dynamicWeight = Math.pow(y === 1 ? wPos : wNeg, oneMinusPt);
    return dynamicWeight * softplus(-xt) - lambda * 2 * pt * oneMinusPt;
  },
  // s [w^(1−p_t) ln w · log p_t · p_t(1 − p_t) − w^(1−p_t)(1 − p_t) − λ · 2 p_t(1 − p_t)(1 − 2p_t)]
  grad(x, y, { wPos, wNeg, lambda }) {
    const xt = trueClassLogit(x, y);
    const w = y === 1 ? wPos : wNeg;
    const pt = sigmoid(xt);
    const oneMinusPt = sigmoid(-xt);
    const dynamicWeight = Math.pow(w, oneMinusPt);
    // p_t · log p_t before the weight: log p_t alone can be −1e308 and w · (−1e308) overflows to −∞.
    const ptLogPt = pt * -softplus(-xt);
    const weightChange = dynamicWeight * Math.log(w) * ptLogPt * oneMinusPt;
    const oneMinusTwoPt = -Math.tanh(xt / 2);
    const regulariser = lambda * 2 * pt * oneMinusPt * oneMinusTwoPt;
    return labelSign(y) * (weightChange - dynamicWeight * oneMinusPt - regulariser);
  },});
