/**
 * Metrics for an imbalanced binary classifier: pure float64 math, no DOM.
 * Inputs everywhere: `scores` (probability of the minority class) and `labels` (1 = minority).
 * Undefined quantities are `null`, never NaN, so the UI can print "—".
 */
export { confusionAt, thresholdMetrics } from './confusion';
export type { Confusion, ThresholdMetrics } from './confusion';
export {
  prCurve,
  averagePrecision,
  rocCurve,
  rocAuc,
  prCurveOfSteps,
  averagePrecisionOfSteps,
  rocCurveOfSteps,
  rocAucOfSteps,
} from './curves';
export type { PrPoint, RocPoint } from './curves';
export { scoreSteps } from './scoreSteps';
export type { ScoreSteps } from './scoreSteps';
export { brierScore, reliabilityBins, expectedCalibrationError, calibrationErrorOfBins } from './calibration';
export type { ReliabilityBin } from './calibration';
export { evaluate } from './evaluate';
export type { Evaluation } from './evaluate';
export { isPositive, checkInputs } from './inputs';
export { countFlips } from './flips';
export type { Flips } from './flips';
export { thresholdAtRecall, operatingPointAtRecall } from './matchedRecall';
export type { OperatingPoint } from './matchedRecall';
export { wilsonInterval } from './wilson';
export type { Interval } from './wilson';
