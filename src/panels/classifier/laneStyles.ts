import { hcl } from 'd3';
import { readableOn } from '../../charts/contrast';
import { laneDashes, lossStyles } from '../../config';
import type { BinaryLossId } from '../../losses/types';

export interface LaneStyle {
  color: string;
  /** SVG stroke-dasharray; '' for solid. */
  dash: string;
  /** Words in the lane's colour ("Lane 2", its latest values): `color`, darkened if needed to read on white. */
  text: string;
}

/** Lightness steps (L*) for the 2nd, 3rd, 4th lane of one loss: darker, lighter, darker still. */
const repeatShifts = [0, -18, 16, -32];

/**
 * Each lane in its loss's colour (a shade darker or lighter when an earlier lane has the same loss)
 * and its position's dash, so no two lanes look alike even without colour.
 */
export function laneStyles(losses: readonly BinaryLossId[]): LaneStyle[] {
  return losses.map((loss, k) => {
    const repeat = losses.slice(0, k).filter((other) => other === loss).length;
    const base = hcl(lossStyles[loss].color);
    base.l = Math.min(88, Math.max(12, base.l + (repeatShifts[repeat] ?? 0)));
    const color = repeat === 0 ? lossStyles[loss].color : base.formatHex();
    return { color, dash: laneDashes[k] ?? '', text: readableOn(color) };
  });
}
