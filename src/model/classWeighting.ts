/**
 * Per-class weights w_y from the training counts, multiplied into each example's loss. The formulas
 * live in src/losses/classWeights.ts; this only picks one and applies it to the labels.
 */
import { dwbLogRatio, effectiveNumber, inverseFrequency } from '../losses/classWeights';
import type { ClassWeighting } from './protocol';

/** [negatives, positives] among 0/1 labels. */
export function classCounts(labels: Uint8Array): [number, number] {
  let positives = 0;
  for (const label of labels) positives += label;
  return [labels.length - positives, positives];
}

/** [w_neg, w_pos]. With a class missing there is nothing to balance (and the formulas divide by 0). */
export function classWeights(counts: [number, number], weighting: ClassWeighting, beta: number): [number, number] {
  if (weighting === 'none' || counts[0] === 0 || counts[1] === 0) return [1, 1];
  const weights =
    weighting === 'inverseFrequency'
      ? inverseFrequency(counts)
      : weighting === 'dwbLogRatio'
        ? dwbLogRatio(counts)
        : effectiveNumber(counts, beta);
  const [wNeg = 1, wPos = 1] = weights;
  return [wNeg, wPos];
}

/** w_{y_i} for every example. */
export function exampleWeights(labels: Uint8Array, [wNeg, wPos]: [number, number]): Float32Array {
  return Float32Array.from(labels, (label) => (label === 1 ? wPos : wNeg));
}
