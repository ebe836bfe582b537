import { sigmoid } from '../../losses';
import { confusionAt, evaluate, thresholdMetrics } from '../../metrics';
import type { Evaluation } from '../../metrics';

export interface Ranking {
  scores: Float64Array;
  /** Everything that does not depend on the threshold: curves, areas, calibration. */
  evaluation: Evaluation;
}

// Keyed by the snapshot's logits array: the history and the panels ask for the same snapshot, and a
// threshold move must not sort the scores again.
const rankings = new WeakMap<Float32Array, Ranking | null>();

/**
 * The test metrics of a snapshot's logits, or null when one is NaN (a diverged network): there is
 * nothing honest to report then, and the metrics refuse NaN scores.
 */
export function rankingOf(logits: Float32Array, labels: Uint8Array): Ranking | null {
  const known = rankings.get(logits);
  if (known !== undefined) return known;
  const ranking = logits.some(Number.isNaN)
    ? null
    : (() => {
        const scores = Float64Array.from(logits, sigmoid);
        return { scores, evaluation: evaluate(scores, labels, 0.5) };
      })();
  rankings.set(logits, ranking);
  return ranking;
}

/** The full evaluation at `threshold`: the ranking's curves plus the confusion matrix there. */
export function evaluationAt(ranking: Ranking, labels: Uint8Array, threshold: number): Evaluation {
  const confusion = confusionAt(ranking.scores, labels, threshold);
  return { ...ranking.evaluation, threshold, confusion, thresholdMetrics: thresholdMetrics(confusion) };
}
