/**
 * What each lane minimises, evaluated in JS: the batch mean of w_y · L(x, y) and its derivative
 * with respect to every logit, from src/losses (float64, checked against the reference vectors).
 *
 * Why not tfjs's autodiff of the tfjs twins: at this size a step is per-kernel overhead, and a
 * loss graph and its tape cost more kernels than the whole network (measured on wasm: focal's
 * value and gradient ~600 µs a batch of 256, the rest of the step about the same), once per lane.
 * Here the logits of all lanes come back in one read (cheap on wasm and cpu, which compute
 * synchronously), every lane's loss is a loop over K × B numbers (~0.1 µs each), and one tensor
 * of derivatives goes back.
 */
import { binaryLosses } from '../losses';
import type { Label } from '../losses/types';
import { classCounts, classWeights } from './classWeighting';
import type { LaneTraining } from './protocol';

/** One lane's loss with its class weights fixed by the training counts. */
export interface LaneObjective {
  training: LaneTraining;
  /** [w_neg, w_pos]. */
  weights: readonly [number, number];
}

export function laneObjective(training: LaneTraining, trainLabels: Uint8Array): LaneObjective {
  return { training, weights: classWeights(classCounts(trainLabels), training.classWeighting, training.beta) };
}

/**
 * Writes ∂(mean loss)/∂logit for the batch into the lane's slots of `gradient` (from `offset`,
 * one per example), reading the logits from the same slots of `logits`; returns the mean loss.
 * `rows` are the examples' indices into `labels`; null: every example, in order.
 */
export function batchObjective(
  { training: { loss, params }, weights: [weightNeg, weightPos] }: LaneObjective,
  logits: Float32Array,
  offset: number,
  rows: Int32Array | null,
  labels: Uint8Array,
  gradient: Float32Array | null,
): number {
  const { value, grad } = binaryLosses[loss];
  const n = rows ? rows.length : labels.length;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const y = labels[rows ? (rows[i] as number) : i] as Label;
    const x = logits[offset + i] as number;
    const w = y === 1 ? weightPos : weightNeg;
    sum += w * value(x, y, params);
    if (gradient) gradient[offset + i] = (w * grad(x, y, params)) / n;
  }
  return sum / n;
}
