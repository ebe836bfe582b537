import type { LossBudget } from '../losses/lossBudget';
import type { BinaryLossId, ResolvedParams } from '../losses/types';

/**
 * The messages between the page and the training worker. Points travel packed (data/pack.ts), so
 * they can be transferred, not copied.
 */
import type { PackedPoints } from '../data/types';

export type { PackedPoints };

/** Each choice's options, written once: its type, the URL parser, the controls and the checks read them. */
export const backendNames = ['wasm', 'cpu', 'webgl'] as const;
export type BackendName = (typeof backendNames)[number];
export const activations = ['tanh', 'relu'] as const;
export type Activation = (typeof activations)[number];
export const optimizerNames = ['adam', 'sgd'] as const;
export type OptimizerName = (typeof optimizerNames)[number];
/** The class-weight schemes, in menu order: the top-level setting and every race lane pick from this list. */
export const classWeightings = ['none', 'inverseFrequency', 'dwbLogRatio', 'effectiveNumber'] as const;
export type ClassWeighting = (typeof classWeightings)[number];

export interface ModelConfig {
  /** Widths of the hidden layers; [] is logistic regression. */
  hiddenLayers: number[];
  activation: Activation;
  /** Seed for the initial weights and for the order of mini-batches. */
  seed: number;
}

/** What one lane of a race trains with; one network is a race of one lane. */
export interface LaneTraining {
  loss: BinaryLossId;
  params: ResolvedParams;
  /** Per-class weights multiplied into each example's loss, computed from the training counts. */
  classWeighting: ClassWeighting;
  beta: number;
}

/** Shared by every lane: the same optimizer, learning rate and mini-batches at every step. */
export interface TrainingConfig {
  lanes: LaneTraining[];
  optimizer: OptimizerName;
  learningRate: number;
  batchSize: number;
  /** λ of the L2 penalty (λ/2)·Σ kernel weights²; 0 for none. */
  weightDecay: number;
}

export type ToWorker =
  | { type: 'init'; backend: BackendName; gridSize: number; extent: number }
  | { type: 'setData'; train: PackedPoints; test: PackedPoints }
  | { type: 'setModel'; model: ModelConfig }
  | { type: 'setTraining'; training: TrainingConfig }
  /** Trains until paused, or until the step count reaches `untilStep` (a lesson's "train to step N"). */
  | { type: 'play'; untilStep?: number }
  | { type: 'pause' }
  | { type: 'step'; steps: number }
  | { type: 'reset' }
  | { type: 'exportWeights' }
  | { type: 'importWeights'; weights: SerializedWeights };

/** One lane's network as the page draws it: logits for every train and test point and over the grid. */
export interface LaneSnapshot {
  /** The training loss (without the weight decay) on the whole training set, at this step. */
  loss: number;
  trainLogits: Float32Array;
  testLogits: Float32Array;
  /** gridSize × gridSize probabilities of the minority class, row by row from the top (y = +extent). */
  grid: Float32Array;
  /** Each training point's share of the gradient (the largest is 1); null without data or a loss. */
  pointWeights: Float32Array | null;
  /** Where the training loss and gradient go (easy/hard × class); null without data or a loss. */
  budget: LossBudget | null;
}

/** Minority examples in the mini-batches (the same batches for every lane). */
export interface BatchCounts {
  /** In the latest batch; null before the first step. */
  lastPositives: number | null;
  batchSize: number;
  /** Batches drawn since the weights were initialised, reset or imported, and how many held no minority example. */
  batches: number;
  batchesWithoutPositives: number;
}

export interface Snapshot {
  step: number;
  running: boolean;
  lanes: LaneSnapshot[];
  gridSize: number;
  batchCounts: BatchCounts;
  /** Training steps per second over the last interval (a step trains every lane). */
  stepsPerSecond: number;
}

export interface SerializedWeights {
  format: 'imbalance-lab-weights';
  version: 1;
  model: ModelConfig;
  /** Each layer's kernel (row-major, inputs × outputs) and bias. */
  layers: { kernel: number[]; bias: number[]; inputs: number; outputs: number }[];
}

export type FromWorker =
  | { type: 'ready'; backend: BackendName; fellBackFrom?: BackendName; reason?: string }
  | { type: 'snapshot'; snapshot: Snapshot }
  | { type: 'diverged'; step: number }
  | { type: 'weights'; weights: SerializedWeights }
  /** `code` names a problem the page can explain in the reader's language; `message` is the technical text. */
  | { type: 'error'; message: string; code?: WorkerErrorCode };

/**
 * Problems the page words for a person (classifier.workerErrors.<code>): ones they can act on, and
 * the worker's own mix-ups (a command before init, a message it does not know), which a reload fixes.
 */
export type WorkerErrorCode =
  | 'emptyTrainingSet'
  | 'noBackend'
  | 'workerFailed'
  | 'badWeights'
  | 'notStarted'
  | 'unknownMessage'
  | 'unreadableMessage';
