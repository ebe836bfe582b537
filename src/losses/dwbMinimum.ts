import { dwbLoss } from './dwb';
import { sigmoid } from './stable';
import type { Label, LossCallParamsById } from './types';

/** Where the scan looks: x_t from −10 (p_t ≈ 0.00005) to 30 (p_t = 1 − 10⁻¹³), in steps of 0.005. */
const FROM = -10;
const TO = 30;
const STEP = 0.005;

/**
 * Where DWB's loss is smallest for an example of class `y`, as p_t and the loss there; null when
 * it keeps falling to p_t = 1 (λ = 0: the weighting alone, like cross-entropy). With the
 * regulariser the minimum sits inside (0, 1): at p_t ≈ 0.81 for weight 1, and more confidence costs
 * more. A scan, not a formula: the minimum has no closed form for w ≠ 1.
 */
export function dwbMinimum(y: Label, params: LossCallParamsById['dwb']): { pt: number; loss: number } | null {
  let best = { xt: FROM, loss: Infinity };
  for (let xt = FROM; xt <= TO; xt += STEP) {
    const loss = dwbLoss.value(y === 1 ? xt : -xt, y, params);
    if (loss < best.loss) best = { xt, loss };
  }
  return best.xt > TO - 2 * STEP ? null : { pt: sigmoid(best.xt), loss: best.loss };
}
