import { defineLoss, setting } from './defineLoss';
import { focalTermGradXt, focalTermValue } from './focal';
import { sigmoid, softplus } from './stable';

/**
 * Asymmetric loss (Ridnik et al., "Asymmetric Loss For Multi-Label Classification", ICCV 2021):
 *   y = 1: −(1 − p)^γ+ log p                       (focal loss with α_t = 1)
 *   y = 0: −p_m^γ− log(1 − p_m),  p_m = max(p − m, 0) (probability shifting by the margin m)
 * Easy negatives with p ≤ m are discarded: value and gradient are exactly 0.
 *
 * Stable form for y = 0, with q = 1 − p = σ(−x) and 1 − p_m = q + m (a sum, never 1 − p_m):
 * - −log(1 − p_m) is softplus(x) when m = 0 (exact for every x), log1p(−p_m) when p_m is small (at
 *   x = −40 the direct log(1 − p) returns 0 instead of ~4e−18), and −log(q + m) otherwise.
 * - dL/dx = (dp_m/dx)·dL/dp_m with dp_m/dx = p q, written as
 *   p_m^γ [γ (p/p_m) q (−log(1 − p_m)) + p q/(1 − p_m)]: no p_m^(γ−1), which is ∞ at the threshold
 *   for γ− < 1.
 */

interface ShiftedNegative {
  p: number;
  q: number;
  pm: number;
  /** −log(1 − p_m) ≥ 0. */
  negLogOneMinusPm: number;
}

function shiftNegative(x: number, margin: number): ShiftedNegative | undefined {
  const p = sigmoid(x);
  const pm = p - margin;
  if (!(pm > 0)) return undefined;
  const q = sigmoid(-x);
  let negLogOneMinusPm: number;
  if (margin === 0) negLogOneMinusPm = softplus(x);
  else if (pm < 0.5) negLogOneMinusPm = -Math.log1p(-pm);
  else negLogOneMinusPm = -Math.log(q + margin);
  return { p, q, pm, negLogOneMinusPm };
}

const aslFocusing = (defaultValue: number) => setting(0, 10, defaultValue, { kind: 'linear', step: 0.05 });

export const asymmetricLoss = defineLoss({
  id: 'asl',
  citation: 'Ridnik et al., “Asymmetric Loss For Multi-Label Classification”, ICCV 2021',
  symbols: { gammaPos: 'γ₊', gammaNeg: 'γ₋', margin: 'm' },
  params: {
    gammaPos: aslFocusing(0),
    gammaNeg: aslFocusing(4),
    margin: setting(0, 0.5, 0.05, { kind: 'linear', step: 0.01 }),
  },
  value(x, y, { gammaPos, gammaNeg, margin }) {
    if (y === 1) return focalTermValue(x, gammaPos);
    const shifted = shiftNegative(x, margin);
    if (shifted === undefined) return 0;
    return Math.pow(shifted.pm, gammaNeg) * shifted.negLogOneMinusPm;
  },
  grad(x, y, { gammaPos, gammaNeg, margin }) {
    if (y === 1) return focalTermGradXt(x, gammaPos);
    const shifted = shiftNegative(x, margin);
    if (shifted === undefined) return 0;
    const { p, q, pm, negLogOneMinusPm } = shifted;
    // q / (1 − p_m) = q / (q + m): 1 for m = 0 even where q underflows to 0 (0/0 otherwise).
    const qOverOneMinusPm = margin === 0 ? 1 : q / (q + margin);
    const focusing = gammaNeg * (p / pm) * q * negLogOneMinusPm;
    return Math.pow(pm, gammaNeg) * (focusing + p * qOverOneMinusPm);
  },});
