import type { AllLossParams, BinaryLossId } from '../losses/types';

/**
 * The messages between the page and the training worker. Points travel as flat Float32Arrays
 * (x0, y0, x1, y1, …) and labels as Uint8Arrays, so they can be transferred, not copied.
 */
export interface PackedPoints {
  coords: Float32Array;
  labels: Uint8Array;
}

export type BackendName = 'wasm' | 'cpu' | 'webgl';
export type Activation = 'tanh' | 'relu';
export type OptimizerName = 'adam' | 'sgd';
export type ClassWeighting = 'none' | 'inverseFrequency' | 'dwbLogRatio' | 'effectiveNumber';

export interface ModelConfig {
  /** Widths of the hidden layers; [] is logistic regression. */
  hiddenLayers: number[];
  activation: Activation;
  /** Seed for the initial weights and for the order of mini-batches. */
  seed: number;
}

export interface TrainingConfig {
  loss: BinaryLossId;
  params: AllLossParams;
  /** Per-class weights multiplied into each example's loss, computed from the training counts. */
  classWeighting: ClassWeighting;
  beta: number;
  optimizer: OptimizerName;
  learningRate: number;
  batchSize: number;
}

export type ToWorker =
  | { type: 'init'; backend: BackendName; gridSize: number; extent: number }
  | { type: 'setData'; train: PackedPoints; test: PackedPoints }
  | { type: 'setModel'; model: ModelConfig }
  | { type: 'setTraining'; training: TrainingConfig }
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'step'; steps: number }
  | { type: 'reset' }
  | { type: 'exportWeights' }
  | { type: 'importWeights'; weights: SerializedWeights };

/** What the page needs to redraw: logits for every train and test point and over the grid. */
export interface Snapshot {
  step: number;
  running: boolean;
  /** Mean training loss over the steps since the last snapshot. */
  loss: number;
  trainLogits: Float32Array;
  testLogits: Float32Array;
  /** gridSize × gridSize probabilities of the minority class, row by row from the top (y = +extent). */
  grid: Float32Array;
  gridSize: number;
  /** Training steps per second over the last interval. */
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
  | { type: 'error'; message: string };
