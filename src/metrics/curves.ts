/**
 * Precision–recall and ROC curves and their areas, all from one ranking (`scoreSteps`).
 * Each curve has one point per distinct score, ordered from the highest threshold to the lowest;
 * tied scores are one step, so the result does not depend on the order of tied points.
 * A curve that is undefined (a class missing) is `[]` and its area `null`.
 */
import { scoreSteps, type ScoreSteps } from './scoreSteps';

export interface PrPoint {
  /** Minority recall at this threshold. */
  recall: number;
  precision: number;
  /** Predict minority when score ≥ threshold. */
  threshold: number;
}

export interface RocPoint {
  /** False-positive rate, 1 − specificity. */
  fpr: number;
  /** True-positive rate, the minority recall. */
  tpr: number;
  /** Predict minority when score ≥ threshold; the first point's threshold is +∞ (nothing predicted). */
  threshold: number;
}

/**
 * One point per distinct score, recall never falling. Precision is always defined here because every
 * threshold is a score, so something is predicted positive. No anchor at (recall 0, precision 1)
 * is added (sklearn appends one); `[]` when there are no positives, since recall is then undefined.
 */
export function prCurveOfSteps({ thresholds, truePositives, falsePositives, positives }: ScoreSteps): PrPoint[] {
  if (positives === 0) return [];
  return Array.from(thresholds, (threshold, k) => {
    const tp = truePositives[k] ?? 0;
    return { recall: tp / positives, precision: tp / (tp + (falsePositives[k] ?? 0)), threshold };
  });
}

/**
 * sklearn's average_precision_score: AP = Σ_k (R_k − R_{k−1}) · P_k over the steps, with R_0 = 0.
 * This step sum, not the trapezoid: a straight line between PR points is not achievable by any
 * threshold and can be optimistic (Davis & Goadrich 2006). Null when there are no positives;
 * 1 when there are no negatives.
 */
export function averagePrecisionOfSteps({ truePositives, falsePositives, positives }: ScoreSteps): number | null {
  if (positives === 0) return null;
  let sum = 0;
  let previousTp = 0;
  for (let k = 0; k < truePositives.length; k++) {
    const tp = truePositives[k] ?? 0;
    if (tp > previousTp) sum += (tp - previousTp) * (tp / (tp + (falsePositives[k] ?? 0)));
    previousTp = tp;
  }
  return sum / positives;
}

/** From (0, 0) at threshold +∞ to (1, 1) at the lowest score; `[]` unless both classes are present. */
export function rocCurveOfSteps({ thresholds, truePositives, falsePositives, positives, negatives }: ScoreSteps): RocPoint[] {
  if (positives === 0 || negatives === 0) return [];
  const points: RocPoint[] = [{ fpr: 0, tpr: 0, threshold: Infinity }];
  for (let k = 0; k < thresholds.length; k++) {
    points.push({
      fpr: (falsePositives[k] ?? 0) / negatives,
      tpr: (truePositives[k] ?? 0) / positives,
      threshold: thresholds[k] ?? 0,
    });
  }
  return points;
}

/**
 * Trapezoid area under the ROC curve. A tied step of Δfp negatives and Δtp positives is a diagonal
 * whose trapezoid counts each tied positive–negative pair as ½, so this equals the Mann–Whitney
 * probability P(score⁺ > score⁻) + ½·P(score⁺ = score⁻). Summed in integer counts (exact below
 * 2⁵³) and divided once. Null unless both classes are present.
 */
export function rocAucOfSteps({ truePositives, falsePositives, positives, negatives }: ScoreSteps): number | null {
  if (positives === 0 || negatives === 0) return null;
  let twiceArea = 0;
  let previousTp = 0;
  let previousFp = 0;
  for (let k = 0; k < truePositives.length; k++) {
    const tp = truePositives[k] ?? 0;
    const fp = falsePositives[k] ?? 0;
    twiceArea += (fp - previousFp) * (previousTp + tp);
    previousTp = tp;
    previousFp = fp;
  }
  return twiceArea / (2 * positives * negatives);
}

export const prCurve = (scores: ArrayLike<number>, labels: ArrayLike<number>): PrPoint[] =>
  prCurveOfSteps(scoreSteps(scores, labels));

export const averagePrecision = (scores: ArrayLike<number>, labels: ArrayLike<number>): number | null =>
  averagePrecisionOfSteps(scoreSteps(scores, labels));

export const rocCurve = (scores: ArrayLike<number>, labels: ArrayLike<number>): RocPoint[] =>
  rocCurveOfSteps(scoreSteps(scores, labels));

export const rocAuc = (scores: ArrayLike<number>, labels: ArrayLike<number>): number | null =>
  rocAucOfSteps(scoreSteps(scores, labels));
