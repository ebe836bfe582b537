/**
 * The one sort behind every curve: scores ranked from high to low, tied scores merged into one
 * step, with the cumulative counts of positives and negatives at or above each step's score.
 * Step k is what `confusionAt(scores, labels, thresholds[k])` would count, for all k in O(n log n)
 * instead of O(n) per threshold.
 */
import { checkInputs, isPositive } from './inputs';

export interface ScoreSteps {
  /** Distinct scores, strictly decreasing. */
  thresholds: Float64Array;
  /** truePositives[k]: minority points with score ≥ thresholds[k]. */
  truePositives: Int32Array;
  /** falsePositives[k]: majority points with score ≥ thresholds[k]. */
  falsePositives: Int32Array;
  positives: number;
  negatives: number;
}

export function scoreSteps(scores: ArrayLike<number>, labels: ArrayLike<number>): ScoreSteps {
  checkInputs(scores, labels);
  let positives = 0;
  for (let i = 0; i < labels.length; i++) if (isPositive(labels[i])) positives++;
  const negatives = labels.length - positives;

  // Sorting each class's scores as a Float64Array uses the engine's numeric sort with no
  // comparator callback (several times faster than sorting indices), and the labels come for free.
  const positiveScores = new Float64Array(positives);
  const negativeScores = new Float64Array(negatives);
  for (let i = 0, p = 0, q = 0; i < scores.length; i++) {
    const score = scores[i] ?? Number.NaN;
    if (isPositive(labels[i])) positiveScores[p++] = score;
    else negativeScores[q++] = score;
  }
  positiveScores.sort();
  negativeScores.sort();

  const n = scores.length;
  const thresholds = new Float64Array(n);
  const truePositives = new Int32Array(n);
  const falsePositives = new Int32Array(n);
  let p = positives - 1;
  let q = negatives - 1;
  let tp = 0;
  let fp = 0;
  let steps = 0;
  // Walk both ascending arrays from their top ends; everything equal to the current highest score
  // joins one step, so ties become a single diagonal move on the curves.
  while (p >= 0 || q >= 0) {
    const threshold = Math.max(p >= 0 ? (positiveScores[p] ?? 0) : -Infinity, q >= 0 ? (negativeScores[q] ?? 0) : -Infinity);
    while (p >= 0 && positiveScores[p] === threshold) {
      tp++;
      p--;
    }
    while (q >= 0 && negativeScores[q] === threshold) {
      fp++;
      q--;
    }
    thresholds[steps] = threshold;
    truePositives[steps] = tp;
    falsePositives[steps] = fp;
    steps++;
  }
  return {
    thresholds: thresholds.subarray(0, steps),
    truePositives: truePositives.subarray(0, steps),
    falsePositives: falsePositives.subarray(0, steps),
    positives,
    negatives,
  };
}
