/**
 * Everything the metrics panels show, in one call: one sort for both curves and their areas,
 * one pass for the confusion matrix, one for the reliability bins.
 */
import { calibrationErrorOfBins, brierScore, reliabilityBins, type ReliabilityBin } from './calibration';
import { confusionAt, thresholdMetrics, type Confusion, type ThresholdMetrics } from './confusion';
import {
  averagePrecisionOfSteps,
  prCurveOfSteps,
  rocAucOfSteps,
  rocCurveOfSteps,
  type PrPoint,
  type RocPoint,
} from './curves';
import { scoreSteps } from './scoreSteps';

export interface Evaluation {
  /** The threshold the confusion matrix and threshold metrics were taken at (score ≥ threshold). */
  threshold: number;
  confusion: Confusion;
  thresholdMetrics: ThresholdMetrics;
  averagePrecision: number | null;
  rocAuc: number | null;
  brier: number | null;
  ece: number | null;
  reliability: ReliabilityBin[];
  prCurve: PrPoint[];
  rocCurve: RocPoint[];
}

export function evaluate(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
  threshold: number,
  bins = 10,
): Evaluation {
  const confusion = confusionAt(scores, labels, threshold);
  const steps = scoreSteps(scores, labels);
  const reliability = reliabilityBins(scores, labels, bins);
  return {
    threshold,
    confusion,
    thresholdMetrics: thresholdMetrics(confusion),
    averagePrecision: averagePrecisionOfSteps(steps),
    rocAuc: rocAucOfSteps(steps),
    brier: brierScore(scores, labels),
    ece: calibrationErrorOfBins(reliability),
    reliability,
    prCurve: prCurveOfSteps(steps),
    rocCurve: rocCurveOfSteps(steps),
  };
}
