/**
 * "The same recall, elsewhere on the curve": to compare two losses fairly, hold the minority recall
 * fixed and ask what each model pays for it in precision. One loss's default threshold of ½ may sit
 * at recall 0.9 and another's at 0.4; comparing them there compares thresholds, not losses.
 */
import { scoreSteps, type ScoreSteps } from './scoreSteps';

export interface OperatingPoint {
  /** Predict minority when score ≥ threshold; always one of the scores. */
  threshold: number;
  recall: number;
  /** tp / predictedPositives; null only if nothing is predicted, which no returned step has. */
  precision: number | null;
  truePositives: number;
  predictedPositives: number;
}

/**
 * The highest threshold t at which predicting score ≥ t reaches at least `targetRecall`; null without
 * positives or when targetRecall is null.
 *
 * Every threshold returned is a step of `scoreSteps`, so it is one of the scores: between two
 * distinct scores nothing changes, and the highest threshold in that gap is the lower score itself.
 * With targetRecall ≤ 0 the answer is the first step (the top score), where recall may already be
 * above 0 if a positive holds the top score: no threshold that predicts anything has recall 0 there.
 * A target above 1 (or NaN) is never reached and also gives null.
 */
export function thresholdAtRecall(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
  targetRecall: number | null,
): OperatingPoint | null {
  return targetRecall === null ? null : operatingPointAtRecall(scoreSteps(scores, labels), targetRecall);
}

/** thresholdAtRecall on steps already sorted, for a caller that asks of one model at many recalls. */
export function operatingPointAtRecall(steps: ScoreSteps, targetRecall: number | null): OperatingPoint | null {
  if (targetRecall === null || steps.positives === 0) return null;
  for (let k = 0; k < steps.thresholds.length; k++) {
    const truePositives = steps.truePositives[k] ?? 0;
    // The same division as thresholdMetrics' tp / (tp + fn), so a target read off another model's
    // read-out on this data set is met exactly, not missed by one ulp.
    const recall = truePositives / steps.positives;
    if (recall >= targetRecall) {
      const predictedPositives = truePositives + (steps.falsePositives[k] ?? 0);
      return {
        threshold: steps.thresholds[k] ?? Number.NaN,
        recall,
        precision: predictedPositives === 0 ? null : truePositives / predictedPositives,
        truePositives,
        predictedPositives,
      };
    }
  }
  return null;
}
