/**
 * Calibration: does a score of 0.8 mean "minority 80 % of the time"? Re-weighting losses
 * (balanced CE, focal) trade calibration for minority recall, which is what these make visible.
 */
import { checkInputs, isPositive } from './inputs';

export interface ReliabilityBin {
  /** Scores in [lower, upper); the last bin also holds score 1. */
  lower: number;
  upper: number;
  count: number;
  /** Mean predicted probability in the bin; null when the bin is empty. */
  meanScore: number | null;
  /** Fraction of minority points in the bin; null when the bin is empty. */
  positiveRate: number | null;
}

/** Mean squared error of the probabilities, (1/n) Σ (score − label)²; in [0, 1]; null when empty. */
export function brierScore(scores: ArrayLike<number>, labels: ArrayLike<number>): number | null {
  checkInputs(scores, labels);
  if (scores.length === 0) return null;
  let sum = 0;
  for (let i = 0; i < scores.length; i++) {
    const error = (scores[i] ?? 0) - (isPositive(labels[i]) ? 1 : 0);
    sum += error * error;
  }
  return sum / scores.length;
}

/** Bin b is [b/bins, (b+1)/bins); written as b/bins (not b·width) so 3/10 is exactly 0.3. */
const binEdge = (b: number, bins: number): number => b / bins;

/**
 * The bin a score falls in, consistent with the edges the bins report: floor(score·bins) can land
 * one bin off at an edge when score·bins rounds, so it is corrected against the edges. Scores
 * outside [0, 1] go to the end bins.
 */
function binOf(score: number, bins: number): number {
  let b = Math.min(bins - 1, Math.max(0, Math.floor(score * bins)));
  if (b > 0 && score < binEdge(b, bins)) b--;
  else if (b < bins - 1 && score >= binEdge(b + 1, bins)) b++;
  return b;
}

/**
 * Equal-width bins over [0, 1]. Throws on a bin count that is not a positive integer (a
 * programming error); empty input gives `bins` empty bins.
 */
export function reliabilityBins(scores: ArrayLike<number>, labels: ArrayLike<number>, bins = 10): ReliabilityBin[] {
  checkInputs(scores, labels);
  if (!Number.isInteger(bins) || bins < 1) throw new RangeError(`bins must be a positive integer, got ${bins}`);
  const counts = new Float64Array(bins);
  const scoreSums = new Float64Array(bins);
  const positiveCounts = new Float64Array(bins);
  for (let i = 0; i < scores.length; i++) {
    const score = scores[i] ?? 0;
    const b = binOf(score, bins);
    counts[b] = (counts[b] ?? 0) + 1;
    scoreSums[b] = (scoreSums[b] ?? 0) + score;
    if (isPositive(labels[i])) positiveCounts[b] = (positiveCounts[b] ?? 0) + 1;
  }
  return Array.from(counts, (count, b) => ({
    lower: binEdge(b, bins),
    upper: binEdge(b + 1, bins),
    count,
    meanScore: count === 0 ? null : (scoreSums[b] ?? 0) / count,
    positiveRate: count === 0 ? null : (positiveCounts[b] ?? 0) / count,
  }));
}

/**
 * ECE = Σ_b (n_b / N) · |positiveRate_b − meanScore_b| (Naeini et al. 2015; Guo et al. 2017, eq. 3),
 * from bins already computed so the UI can reuse its reliability diagram. In [0, 1]; null when
 * every bin is empty.
 */
export function calibrationErrorOfBins(reliability: readonly ReliabilityBin[]): number | null {
  let total = 0;
  let weightedGap = 0;
  for (const { count, meanScore, positiveRate } of reliability) {
    if (count === 0 || meanScore === null || positiveRate === null) continue;
    total += count;
    weightedGap += count * Math.abs(positiveRate - meanScore);
  }
  return total === 0 ? null : weightedGap / total;
}

export const expectedCalibrationError = (scores: ArrayLike<number>, labels: ArrayLike<number>, bins = 10): number | null =>
  calibrationErrorOfBins(reliabilityBins(scores, labels, bins));
