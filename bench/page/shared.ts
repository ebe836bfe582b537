/**
 * What the bench page and its workers agree on: the one workload every training loop runs, and
 * the messages that start a measurement and carry its result back.
 */
import { anyLoss } from '../../src/losses';
import type { BinaryLossId } from '../../src/losses/types';
import type { ModelConfig, PackedPoints, TrainingConfig } from '../../src/model/protocol';

/** The workload: 2 → 16 → 16 → 1, tanh, Adam lr 0.01, focal loss γ 2 α 0.25. */
export const WORKLOAD = {
  hiddenLayers: [16, 16],
  activation: 'tanh',
  learningRate: 0.01,
  gamma: 2,
  alpha: 0.25,
  seed: 1,
} as const;

export const modelConfig = (): ModelConfig => ({
  hiddenLayers: [...WORKLOAD.hiddenLayers],
  activation: WORKLOAD.activation,
  seed: WORKLOAD.seed,
});

/** A loss's parameters as the page resolves them: its defaults, focal's γ and α from the workload, counts at 1 : 10. */
const lossParams = (loss: BinaryLossId, gamma: number) =>
  anyLoss(loss).resolve(loss === 'focal' ? { gamma, alpha: WORKLOAD.alpha } : {}, [10, 1]);

/** A four-lane race of the kind a teacher runs: the losses differ, and so does the JS work per lane. */
export const RACE_LOSSES: readonly BinaryLossId[] = ['ce', 'focal', 'balanced-ce', 'dwb'];

/** The app's training settings for the workload: one lane per loss (one focal network by default). */
export const trainingConfig = (batchSize: number, gamma: number = WORKLOAD.gamma, losses: readonly BinaryLossId[] = ['focal']): TrainingConfig => ({
  lanes: losses.map((loss) => ({ loss, params: lossParams(loss, gamma), classWeighting: 'none', beta: 0.999 })),
  optimizer: 'adam',
  learningRate: WORKLOAD.learningRate,
  batchSize,
  weightDecay: 0,
});

/** How long a training loop runs before and while it is timed. */
export interface LoopTiming {
  batchSize: number;
  /** The app's loop only: the losses of a race, one lane each (default: one focal network). */
  losses?: readonly BinaryLossId[];
  warmUpMs: number;
  measureMs: number;
}

export interface LoopRequest {
  type: 'loop';
  train: PackedPoints;
  timing: LoopTiming;
}

export interface LoopResult {
  steps: number;
  ms: number;
  stepsPerSecond: number;
  /** Mean focal loss on the whole training set before the first step and after the last (not timed). */
  lossBefore: number;
  lossAfter: number;
  backend: string;
  /** tf.memory().numTensors at the start and end of the timed steps (tfjs loops only). */
  tensorsBefore?: number;
  tensorsAfter?: number;
}

export interface MemoryRequest {
  type: 'memory';
  train: PackedPoints;
  test: PackedPoints;
  steps: number;
  stepsPerSnapshot: number;
  gridSize: number;
  batchSize: number;
  /** One lane per loss (default: one focal network). */
  losses?: readonly BinaryLossId[];
}

export interface MemoryResult {
  steps: number;
  snapshots: number;
  tensorsBefore: number;
  tensorsAfter: number;
  bytesBefore: number;
  bytesAfter: number;
  ms: number;
  backend: string;
}

export interface PredictRequest {
  type: 'predict';
  train: PackedPoints;
  test: PackedPoints;
  gridSize: number;
  batchSize: number;
  repeats: number;
  /** How many distinct grids (from successive stages of training) to send back for painting. */
  grids: number;
}

export interface PredictResult {
  /** ms per grid prediction: the model's probabilities over gridSize² nodes, read back. */
  predictMs: number[];
  /** ms per whole Trainer.snapshot at this grid size (grid plus every train and test logit). */
  snapshotMs: number[];
  grids: Float32Array[];
  backend: string;
}

export type WorkerRequest = LoopRequest | MemoryRequest | PredictRequest;
export type WorkerReply<T> = { type: 'result'; result: T } | { type: 'error'; message: string };

/**
 * Runs `step` for warmUpMs untimed, then for measureMs timed; the clock is read after every step,
 * which costs well under 1 % of a step. Everything the loops do is synchronous on the wasm and cpu
 * backends, so the wall clock is the work done.
 */
export function timeSteps(step: () => void, { warmUpMs, measureMs }: LoopTiming): { steps: number; ms: number } {
  const warmUpEnd = performance.now() + warmUpMs;
  while (performance.now() < warmUpEnd) step();
  const start = performance.now();
  const end = start + measureMs;
  let steps = 0;
  let now = start;
  while (now < end) {
    step();
    steps++;
    now = performance.now();
  }
  return { steps, ms: now - start };
}

/** The worker side of one request → one reply, with errors passed back as messages. */
export function serve(handle: (request: WorkerRequest) => Promise<{ result: unknown; transfer?: Transferable[] }>): void {
  const scope = self as unknown as DedicatedWorkerGlobalScope;
  scope.onmessage = (event: MessageEvent<WorkerRequest>) => {
    handle(event.data).then(
      ({ result, transfer }) => scope.postMessage({ type: 'result', result } satisfies WorkerReply<unknown>, transfer ?? []),
      (error: unknown) =>
        scope.postMessage({
          type: 'error',
          message: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error),
        } satisfies WorkerReply<unknown>),
    );
  };
}
