/**
 * The confusion matrix at one threshold and the metrics read off it.
 *
 * Undefined quantities are `null`, never NaN and never a made-up 0, so the UI can print "—":
 * a ratio is null exactly when its denominator is 0. Where scikit-learn has a convention that
 * gives a real number we follow it and say so below.
 */
import { checkInputs, isPositive } from './inputs';

export interface Confusion {
  /** Minority points predicted minority. */
  tp: number;
  /** Majority points predicted minority. */
  fp: number;
  /** Majority points predicted majority. */
  tn: number;
  /** Minority points predicted majority (the misses imbalance hurts most). */
  fn: number;
}

export interface ThresholdMetrics {
  /** tp / (tp + fn), also called TPR or sensitivity; null with no minority points. */
  minorityRecall: number | null;
  /** tp / (tp + fp); null when nothing is predicted minority. */
  precision: number | null;
  /** 2tp / (2tp + fp + fn); null only when there are no positives and none are predicted. */
  f1: number | null;
  /** tn / (tn + fp), the majority class's recall; null with no majority points. */
  specificity: number | null;
  /** (minorityRecall + specificity) / 2; null unless both classes are present. */
  balancedAccuracy: number | null;
  /** (tp + tn) / n; null for an empty set. */
  accuracy: number | null;
}

/**
 * Counts at `threshold`, predicting the minority class when `score ≥ threshold`: threshold 0
 * predicts every point positive, threshold 1 only scores of exactly 1 (as sklearn's curves do).
 * Empty input gives all zeros.
 */
export function confusionAt(scores: ArrayLike<number>, labels: ArrayLike<number>, threshold: number): Confusion {
  checkInputs(scores, labels);
  const counts: Confusion = { tp: 0, fp: 0, tn: 0, fn: 0 };
  for (let i = 0; i < scores.length; i++) {
    const predictedPositive = (scores[i] ?? Number.NaN) >= threshold;
    if (isPositive(labels[i])) {
      if (predictedPositive) counts.tp++;
      else counts.fn++;
    } else if (predictedPositive) counts.fp++;
    else counts.tn++;
  }
  return counts;
}

const ratio = (numerator: number, denominator: number): number | null =>
  denominator === 0 ? null : numerator / denominator;

export function thresholdMetrics({ tp, fp, tn, fn }: Confusion): ThresholdMetrics {
  const minorityRecall = ratio(tp, tp + fn);
  const specificity = ratio(tn, tn + fp);
  // sklearn averages the recalls of the classes that are present, so with one class it reports
  // that class's recall; we return null instead, because "balanced" over one class would
  // silently become plain recall or specificity.
  const balancedAccuracy =
    minorityRecall === null || specificity === null ? null : (minorityRecall + specificity) / 2;
  return {
    minorityRecall,
    precision: ratio(tp, tp + fp),
    // The count form of the harmonic mean (sklearn ≥ 1.3): it is 0 when precision and recall are
    // both 0, and also 0 when one of them is undefined but the other side has errors (say, positives
    // exist and none is predicted) — the classifier really found none of them. Null only when
    // tp + fp + fn = 0, where there is nothing for F1 to score.
    f1: ratio(2 * tp, 2 * tp + fp + fn),
    specificity,
    balancedAccuracy,
    accuracy: ratio(tp + tn, tp + fp + tn + fn),
  };
}
