/**
 * What each lane minimises, evaluated in JS: the batch mean of w_y · L(x, y) and its derivative
 * with respect to every logit, from src/losses (float64, checked against the reference vectors).
 *
 * Why not tfjs's autodiff of the tfjs twins: at this size a step is per-kernel overhead, and a
 * loss graph and its tape cost more kernels than the whole network (measured on wasm: focal's
 * value and gradient ~600 µs a batch of 256, the rest of the step about the same), once per lane.
 * Here the logits of all lanes come back in one read (cheap on wasm and cpu, which compute
 * synchronously), every lane's derivative is a loop over K × B numbers (~0.1 µs each), and one
 * tensor of derivatives goes back. The loss's value is not needed for a step: it is taken on the
 * whole training set when the page asks for a snapshot.
 */
import { anyLoss } from '../losses';
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

/** Where one lane's values sit in an array of several lanes': example i at offset + i·stride. */
export interface LaneSlots {
  offset: number;
  stride: number;
}

/**
 * Writes ∂(mean loss)/∂logit for the batch into the lane's slots of `gradient`, reading the logits
 * from the same slots of `logits`. `rows` are the examples' indices into `labels`.
 */
export function batchGradient(
  { training: { loss, params }, weights: [weightNeg, weightPos] }: LaneObjective,
  logits: Float32Array,
  { offset, stride }: LaneSlots,
  rows: Int32Array | null,
  labels: Uint8Array,
  gradient: Float32Array,
): void {
  const { grad } = anyLoss(loss).bind(params);
  const n = rows ? rows.length : labels.length;
  for (let i = 0; i < n; i++) {
    const y = labels[rows ? (rows[i] as number) : i] as Label;
    const slot = offset + i * stride;
    gradient[slot] = ((y === 1 ? weightPos : weightNeg) * grad(logits[slot] as number, y)) / n;
  }
}

/** The mean of w_y · L over every example, from their logits (one per label, in order). */
export function meanLoss({ training: { loss, params }, weights: [weightNeg, weightPos] }: LaneObjective, logits: Float32Array, labels: Uint8Array): number {
  const { value } = anyLoss(loss).bind(params);
  let sum = 0;
  for (let i = 0; i < labels.length; i++) {
    const y = labels[i] as Label;
    sum += (y === 1 ? weightPos : weightNeg) * value(logits[i] as number, y);
  }
  return sum / labels.length;
}
