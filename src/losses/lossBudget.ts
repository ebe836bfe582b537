import { anyLoss } from './registry';
import type { BinaryLossId, ResolvedParams } from './types';

/**
 * "Where the loss goes" (Lin et al., "Focal Loss for Dense Object Detection", ICCV 2017, Fig. 4):
 * how the total loss and the total gradient split between easy and hard examples of each class, and
 * the cumulative loss of each class with its examples sorted from lowest to highest loss. Under
 * cross-entropy the many easy negatives together outweigh the few hard examples; focal loss hands
 * that budget back to the hard ones.
 */
export type ExampleGroup = 'easyNegative' | 'hardNegative' | 'easyPositive' | 'hardPositive';

export const exampleGroups: readonly ExampleGroup[] = ['easyNegative', 'hardNegative', 'easyPositive', 'hardPositive'];

/** One class's curve. x: share of the class's examples (sorted by loss, ascending); y: share of its total loss. */
export interface CumulativeLoss {
  fraction: Float64Array;
  cumulative: Float64Array;
}

export interface LossBudget {
  counts: Record<ExampleGroup, number>;
  /** Σ over the group of w_y·L(x, y) / Σ over all examples; all 0 when the total is 0. */
  lossShare: Record<ExampleGroup, number>;
  /** The same with w_y·|∂L/∂x|: the share of the push each group gets. */
  gradientShare: Record<ExampleGroup, number>;
  /** DWB's loss can be negative (its −2p_t(1−p_t) term); then loss shares can leave [0,1] and the UI must say so. */
  hasNegativeLoss: boolean;
  cdf: { positives: CumulativeLoss; negatives: CumulativeLoss };
}

const zeroPerGroup = (): Record<ExampleGroup, number> => ({
  easyNegative: 0,
  hardNegative: 0,
  easyPositive: 0,
  hardPositive: 0,
});

/**
 * Easy means p_t > ½, i.e. the true-class logit x_t = (2y − 1)·x is > 0; x_t = 0 (p_t = ½ exactly) and a
 * NaN logit are hard, so a diverged model never looks as if it had learnt anything.
 */
function groupOf(x: number, y: 0 | 1): ExampleGroup {
  const easy = (y === 1 ? x : -x) > 0;
  if (y === 1) return easy ? 'easyPositive' : 'hardPositive';
  return easy ? 'easyNegative' : 'hardNegative';
}

/** Group sums over their total; all 0 when the total is 0 or has overflowed (nothing to share, not NaN). */
function shares(sums: Record<ExampleGroup, number>): Record<ExampleGroup, number> {
  // The total is the sum of the four group sums, not a separate running sum, so the shares add up
  // to 1 up to the rounding of four divisions.
  const total = sums.easyNegative + sums.hardNegative + sums.easyPositive + sums.hardPositive;
  const result = zeroPerGroup();
  if (total === 0 || !Number.isFinite(total)) return result;
  for (const group of exampleGroups) result[group] = sums[group] / total;
  return result;
}

/**
 * The cumulative loss of one class, losses sorted ascending, starting at (0, 0). Evenly thinned to at
 * most `maxPoints` points after the origin, always keeping the last (fraction 1), so a 10 000-point
 * class still draws as a 200-point path. The class weight is a constant factor within a class and so
 * cancels here, except that a weight of 0 makes the total 0 and the curve flat at 0.
 */
function cumulativeLoss(losses: Float64Array, maxPoints: number): CumulativeLoss {
  const n = losses.length;
  if (n === 0) return { fraction: new Float64Array(0), cumulative: new Float64Array(0) };
  // A Float64Array sorts numerically without a comparator; the losses are finite (non-finite became 0).
  losses.sort();
  const prefix = new Float64Array(n + 1);
  for (let k = 0; k < n; k++) prefix[k + 1] = (prefix[k] ?? 0) + (losses[k] ?? 0);
  const total = prefix[n] ?? 0;
  // An overflowed total (logits near ±1e308) would make the last point ∞/∞ = NaN: draw it flat, as for 0.
  const drawable = total !== 0 && Number.isFinite(total);

  const points = Math.min(n, maxPoints);
  const fraction = new Float64Array(points + 1);
  const cumulative = new Float64Array(points + 1);
  for (let j = 1; j <= points; j++) {
    // k_j = round(j·n/points): strictly increasing because n/points ≥ 1, and k_points = n exactly.
    const k = Math.round((j * n) / points);
    fraction[j] = k / n;
    cumulative[j] = drawable ? (prefix[k] ?? 0) / total : 0;
  }
  return { fraction, cumulative };
}

/**
 * The loss and gradient budget of a set of examples under loss `id`. Label 1 is the positive
 * (minority) class; `classWeights` is [w_neg, w_pos], multiplied into both loss and gradient as in
 * training. A non-finite loss or gradient counts as 0, as in `gradientShares`.
 */
export function lossBudget(
  logits: ArrayLike<number>,
  labels: ArrayLike<number>,
  id: BinaryLossId,
  params: ResolvedParams,
  [weightNeg, weightPos]: readonly [number, number],
  maxPoints = 200,
): LossBudget {
  if (logits.length !== labels.length) {
    throw new RangeError(`logits (${logits.length}) and labels (${labels.length}) differ in length`);
  }
  if (!(maxPoints >= 1)) throw new RangeError(`maxPoints must be at least 1, got ${maxPoints}`);
  const loss = anyLoss(id).bind(params);
  const counts = zeroPerGroup();
  const lossSums = zeroPerGroup();
  const gradientSums = zeroPerGroup();
  let hasNegativeLoss = false;

  let positives = 0;
  for (let i = 0; i < labels.length; i++) if (labels[i] === 1) positives++;
  const positiveLosses = new Float64Array(positives);
  const negativeLosses = new Float64Array(labels.length - positives);

  for (let i = 0, p = 0, q = 0; i < logits.length; i++) {
    const y = labels[i] === 1 ? 1 : 0;
    const x = logits[i] ?? Number.NaN;
    const weight = y === 1 ? weightPos : weightNeg;
    const weightedLoss = weight * loss.value(x, y);
    const push = weight * Math.abs(loss.grad(x, y));
    const exampleLoss = Number.isFinite(weightedLoss) ? weightedLoss : 0;
    const group = groupOf(x, y);
    counts[group]++;
    lossSums[group] += exampleLoss;
    gradientSums[group] += Number.isFinite(push) ? push : 0;
    if (exampleLoss < 0) hasNegativeLoss = true;
    if (y === 1) positiveLosses[p++] = exampleLoss;
    else negativeLosses[q++] = exampleLoss;
  }

  const pointCap = Math.floor(maxPoints);
  return {
    counts,
    lossShare: shares(lossSums),
    gradientShare: shares(gradientSums),
    hasNegativeLoss,
    cdf: { positives: cumulativeLoss(positiveLosses, pointCap), negatives: cumulativeLoss(negativeLosses, pointCap) },
  };
}
