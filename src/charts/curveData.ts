import { anyLoss, logit, sigmoid } from '../losses';
import type { BinaryLossId, Label, ResolvedParams } from '../losses/types';
import { curveRanges } from '../config';

/** The horizontal axis of a curve chart: confidence p_t, or the logit of the true class x_t. */
export type CurveAxis = 'pt' | 'logit';
/** What a curve shows: the loss, or how hard the example pushes its logit (−∂L/∂x_t). */
export type CurveQuantity = 'loss' | 'push';

export interface CurvePoint {
  loss: number;
  push: number;
}

/**
 * The loss and the push at one x_t, straight from src/losses. The push is −∂L/∂x_t = −s·∂L/∂x with
 * s = ±1 the sign of the label: positive means "move towards the true class".
 */
export function pointAt(id: BinaryLossId, params: ResolvedParams, y: Label, xt: number): CurvePoint {
  const loss = anyLoss(id).bind(params);
  const x = y === 1 ? xt : -xt;
  const sign = y === 1 ? 1 : -1;
  return { loss: loss.value(x, y), push: -sign * loss.grad(x, y) };
}

export const axisDomain = (axis: CurveAxis): [number, number] =>
  axis === 'pt' ? [curveRanges.ptMin, curveRanges.ptMax] : [curveRanges.logitMin, curveRanges.logitMax];

/** Convert a position on an axis to x_t and back. */
export const toLogit = (axis: CurveAxis, position: number) => (axis === 'pt' ? logit(position) : position);
export const fromLogit = (axis: CurveAxis, xt: number) => (axis === 'pt' ? sigmoid(xt) : xt);

export interface SampledCurve {
  xs: Float64Array;
  loss: Float64Array;
  push: Float64Array;
}

/** Evenly spaced along the chosen axis, so each chart's curve is equally smooth everywhere. */
export function sampleCurve(id: BinaryLossId, params: ResolvedParams, y: Label, axis: CurveAxis): SampledCurve {
  const [lo, hi] = axisDomain(axis);
  const n = curveRanges.samples;
  const xs = new Float64Array(n);
  const loss = new Float64Array(n);
  const push = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const position = lo + ((hi - lo) * i) / (n - 1);
    const point = pointAt(id, params, y, toLogit(axis, position));
    xs[i] = position;
    loss[i] = point.loss;
    push[i] = point.push;
  }
  return { xs, loss, push };
}

export interface LossCurve {
  id: BinaryLossId;
  curve: SampledCurve;
}

/**
 * Remembers sampled curves by what they depend on, so moving one slider resamples only the losses
 * that read it (γ moves focal, not cross-entropy), and the charts redraw only the curves that changed.
 */
export class CurveCache {
  private curves = new Map<string, SampledCurve>();

  /** The curves of `ids` on both axes; curves not asked for this time are forgotten. */
  sample(ids: readonly BinaryLossId[], params: Readonly<Record<BinaryLossId, ResolvedParams>>, y: Label): Record<CurveAxis, LossCurve[]> {
    const next = new Map<string, SampledCurve>();
    const onAxis = (axis: CurveAxis) =>
      ids.map((id) => {
        const key = `${id}|${y}|${axis}|${JSON.stringify(params[id])}`;
        const curve = this.curves.get(key) ?? sampleCurve(id, params[id], y, axis);
        next.set(key, curve);
        return { id, curve };
      });
    const result = { pt: onAxis('pt'), logit: onAxis('logit') };
    this.curves = next;
    return result;
  }
}
