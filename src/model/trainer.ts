/**
 * The training loop, on whatever tfjs backend is active (wasm in the worker, cpu in the tests).
 * It trains a race: K lanes of the same network from the same initial weights, each with its own
 * loss, on the same mini-batch at every step, with one batched program (mlp.ts) and one optimizer
 * update for all of them. One network is a race of one lane.
 *
 * Speed: the data are uploaded once and batches are slices of a shuffled copy made on the device
 * once per epoch (batches.ts). Each step reads the lanes' logits back once, takes every lane's loss
 * and its derivative in JS (laneObjective.ts), and sends the derivatives back; the MLP's backward
 * pass is written out in mlp.ts.
 */
import * as tf from '@tensorflow/tfjs-core';
import { isLossId } from '../losses';
import { gradientShares } from '../losses/gradientShare';
import { lossBudget } from '../losses/lossBudget';
import { EpochBatches } from './batches';
import { batchGradient, laneObjective, meanLoss, type LaneObjective } from './laneObjective';
import { Mlp } from './mlp';
import { INPUT_FEATURES, validateModelConfig } from './shapes';
import { createOptimizer, type FlatOptimizer } from './optimizers';
import type { BatchCounts, LaneSnapshot, ModelConfig, PackedPoints, SerializedWeights, Snapshot, TrainingConfig } from './protocol';
import { deserializeWeights, serializeWeights } from './weights';
import { WorkerError } from './workerError';

/** A point set: inputs on the device, labels in JS (where the losses are taken). */
interface DevicePoints {
  x: tf.Tensor2D;
  labels: Uint8Array;
}

function uploadPoints({ coords, labels }: PackedPoints, name: string): DevicePoints {
  if (coords.length !== INPUT_FEATURES * labels.length) {
    throw new Error(`${name} set: ${coords.length} coordinates for ${labels.length} labels (need 2 per label)`);
  }
  if (labels.some((label) => label > 1)) throw new Error(`${name} set: labels must be 0 or 1`);
  // Copies: the caller's arrays may be transferred or reused, and cpu tensors keep the array they get.
  return { x: tf.tensor2d(coords.slice(), [labels.length, INPUT_FEATURES]), labels: labels.slice() };
}

function disposePoints(points: DevicePoints | null): void {
  points?.x.dispose();
}

/** gridSize² nodes, edges included: row 0 at y = +extent (the top of the picture), column 0 at x = −extent. */
function gridCoords(gridSize: number, extent: number): Float32Array {
  const coords = new Float32Array(2 * gridSize * gridSize);
  const spacing = gridSize > 1 ? (2 * extent) / (gridSize - 1) : 0;
  const start = gridSize > 1 ? extent : 0;
  for (let row = 0; row < gridSize; row++) {
    for (let col = 0; col < gridSize; col++) {
      const i = 2 * (row * gridSize + col);
      coords[i] = -start + col * spacing;
      coords[i + 1] = start - row * spacing;
    }
  }
  return coords;
}

/** Every lane's logits of every point, lane by lane, copied out (some backends hand out their own storage). */
function logitsOf(model: Mlp, points: DevicePoints | null): Float32Array {
  if (!points || points.labels.length === 0) return new Float32Array(0);
  return tf.tidy(() => new Float32Array(model.logits(points.x).dataSync()));
}

/** Lane k's `length` values of an array that holds every lane's, lane by lane. */
const laneSlice = (all: Float32Array, k: number, length: number) => all.subarray(k * length, (k + 1) * length);

function validateTraining(config: TrainingConfig): void {
  if (!Array.isArray(config.lanes) || config.lanes.length < 1) throw new Error('training needs at least one lane');
  for (const lane of config.lanes) {
    if (!isLossId(lane.loss)) throw new Error(`unknown loss "${String(lane.loss)}"`);
    if (!['none', 'inverseFrequency', 'dwbLogRatio', 'effectiveNumber'].includes(lane.classWeighting)) {
      throw new Error(`unknown class weighting "${String(lane.classWeighting)}"`);
    }
    if (lane.classWeighting === 'effectiveNumber' && !(lane.beta >= 0 && lane.beta <= 1)) {
      throw new Error(`β for effective-number weights must be in [0, 1], got ${lane.beta}`);
    }
  }
  if (!(config.weightDecay >= 0) || !Number.isFinite(config.weightDecay)) {
    throw new Error(`the weight decay must be a number ≥ 0, got ${config.weightDecay}`);
  }
  if (!Number.isInteger(config.batchSize) || config.batchSize < 1) {
    throw new Error(`the batch size must be a positive integer, got ${config.batchSize}`);
  }
  if (!(config.learningRate > 0) || !Number.isFinite(config.learningRate)) {
    throw new Error(`the learning rate must be a positive number, got ${config.learningRate}`);
  }
}

const noBatches = (batchSize: number): BatchCounts => ({ lastPositives: null, batchSize, batches: 0, batchesWithoutPositives: 0 });

export class Trainer {
  private modelConfig_: ModelConfig | null = null;
  /** One lane's parameters from an imported file; null: the seeded initialisation. */
  private imported: Float32Array | null = null;
  /** Built when first needed, with one lane per training lane. */
  private model: Mlp | null = null;
  private training: TrainingConfig | null = null;
  private objectives: LaneObjective[] = [];
  private trainSet: DevicePoints | null = null;
  private testSet: DevicePoints | null = null;
  private optimizer: FlatOptimizer | null = null;
  private batches: EpochBatches | null = null;
  private decay: { lambda: number; mask: tf.Tensor1D } | null = null;
  private grid: { size: number; extent: number; x: tf.Tensor2D } | null = null;
  private batchCounts: BatchCounts = noBatches(0);
  private stepCount = 0;
  private stepsSinceSnapshot = 0;
  private millisecondsSinceSnapshot = 0;
  private isDiverged = false;

  /** Optimizer steps since the model was initialised, reset or imported. */
  get step(): number {
    return this.stepCount;
  }

  /** True once a snapshot found a non-finite loss or parameter; training is then refused until reset. */
  get diverged(): boolean {
    return this.isDiverged;
  }

  get modelConfig(): ModelConfig | null {
    const config = this.modelConfig_;
    return config ? { ...config, hiddenLayers: [...config.hiddenLayers] } : null;
  }

  /** Both sets at once; the weights are kept (send reset to start over on the new data). */
  setData(train: PackedPoints, test: PackedPoints): void {
    const trainSet = uploadPoints(train, 'training');
    let testSet: DevicePoints;
    try {
      testSet = uploadPoints(test, 'test');
    } catch (error) {
      disposePoints(trainSet);
      throw error;
    }
    disposePoints(this.trainSet);
    disposePoints(this.testSet);
    this.trainSet = trainSet;
    this.testSet = testSet;
    this.dropBatches();
    this.updateObjectives();
  }

  /** A new architecture, initialised from its seed; the optimizer and step count start over. */
  setModel(config: ModelConfig): void {
    validateModelConfig(config);
    this.modelConfig_ = { ...config, hiddenLayers: [...config.hiddenLayers] };
    this.imported = null;
    this.restartTraining();
  }

  /**
   * Losses, loss parameters, class weighting and weight decay apply from the next step on, keeping
   * the weights and the optimizer's state; a new optimizer or learning rate starts a fresh optimizer
   * (same weights); another number of lanes starts the race over.
   */
  setTraining(config: TrainingConfig): void {
    validateTraining(config);
    const previous = this.training;
    this.training = { ...config, lanes: config.lanes.map((lane) => ({ ...lane, params: { ...lane.params } })) };
    if (previous?.lanes.length !== config.lanes.length) {
      this.restartTraining();
    } else if (previous.optimizer !== config.optimizer || previous.learningRate !== config.learningRate) {
      this.optimizer?.dispose();
      this.optimizer = null;
    }
    this.updateObjectives();
  }

  /** Back to the seeded initial weights, step 0, a fresh optimizer and the first batch order. */
  reset(): void {
    this.requireConfig();
    this.imported = null;
    this.restartTraining();
  }

  /** Runs `steps` optimizer steps; returns how many ran (0 once diverged). */
  train(steps: number): number {
    const model = this.requireModel();
    const training = this.training;
    const trainSet = this.trainSet;
    if (!training || !trainSet) throw new Error('call setData and setTraining before train');
    if (trainSet.labels.length === 0) throw new WorkerError('emptyTrainingSet', 'the training set is empty');
    if (this.isDiverged || steps <= 0) return 0;
    this.optimizer ??= createOptimizer(training.optimizer, training.learningRate, model.parameters.size);
    const started = performance.now();
    for (let i = 0; i < steps; i++) this.trainStep(model, training, trainSet, this.optimizer);
    this.millisecondsSinceSnapshot += performance.now() - started;
    this.stepCount += steps;
    this.stepsSinceSnapshot += steps;
    return steps;
  }

  private trainStep(model: Mlp, training: TrainingConfig, trainSet: DevicePoints, optimizer: FlatOptimizer): void {
    const { labels } = trainSet;
    const n = labels.length;
    tf.tidy(() => {
      // A batch as large as the set is the whole set, in order.
      const batch =
        training.batchSize < n
          ? (this.batches ??= new EpochBatches(n, model.config.seed)).next(trainSet.x, training.batchSize)
          : { x: trainSet.x, rows: null };
      const trace = model.trace(batch.x);
      // [size, lanes]: example i's logit in lane k at i·lanes + k.
      const logits = trace.logits.dataSync() as Float32Array;
      const size = logits.length / model.lanes;
      const dLogits = new Float32Array(logits.length);
      this.objectives.forEach((objective, k) => batchGradient(objective, logits, { offset: k, stride: model.lanes }, batch.rows, labels, dLogits));
      let gradient = model.gradient(trace, tf.tensor2d(dLogits, [size, model.lanes]));
      const decay = this.weightDecay(model, training.weightDecay);
      // ∂/∂θ of (λ/2)·Σ kernel² is λ·θ on the kernels.
      if (decay) gradient = tf.add(gradient, tf.mul(tf.mul(model.parameters, decay.mask), decay.lambda));
      optimizer.apply(model.parameters, gradient);
      this.countBatch(batch.rows, labels, size);
    });
  }

  private countBatch(rows: Int32Array | null, labels: Uint8Array, size: number): void {
    let positives = 0;
    for (let i = 0; i < size; i++) positives += labels[rows ? (rows[i] as number) : i] as number;
    const counts = this.batchCounts;
    this.batchCounts = {
      lastPositives: positives,
      batchSize: size,
      batches: counts.batches + 1,
      batchesWithoutPositives: counts.batchesWithoutPositives + (positives === 0 ? 1 : 0),
    };
  }

  /** The kernel mask for this model, kept while λ > 0. */
  private weightDecay(model: Mlp, lambda: number): { lambda: number; mask: tf.Tensor1D } | null {
    if (lambda === 0) return null;
    if (this.decay?.mask.size !== model.parameters.size) {
      this.decay?.mask.dispose();
      this.decay = { lambda, mask: tf.keep(tf.tensor1d(model.kernelMask())) };
    }
    this.decay.lambda = lambda;
    return this.decay;
  }

  /**
   * Everything the page draws, per lane, with each lane's loss on the whole training set. Reading
   * back is also where divergence is detected.
   */
  snapshot(gridSize: number, extent: number, running = false): Snapshot {
    const model = this.requireModel();
    const trainLogits = logitsOf(model, this.trainSet);
    const testLogits = logitsOf(model, this.testSet);
    const grid = this.gridProbabilities(model, gridSize, extent);
    const trainCount = this.trainSet?.labels.length ?? 0;
    const testCount = this.testSet?.labels.length ?? 0;
    const labels = this.trainSet?.labels ?? new Uint8Array(0);
    const lanes: LaneSnapshot[] = Array.from({ length: model.lanes }, (_, k) => {
      const laneLogits = laneSlice(trainLogits, k, trainCount);
      // What the page draws of each training point, computed here, off the page's main thread.
      const objective = trainCount > 0 ? this.objectives[k] : undefined;
      const described = objective
        ? ([laneLogits, labels, objective.training.loss, objective.training.params, objective.weights] as const)
        : null;
      return {
        loss: this.laneLoss(k, laneLogits),
        trainLogits: laneLogits,
        testLogits: laneSlice(testLogits, k, testCount),
        grid: laneSlice(grid, k, gridSize * gridSize),
        pointWeights: described ? gradientShares(...described) : null,
        budget: described ? lossBudget(...described) : null,
      };
    });
    // NaN or ±∞ anywhere poisons every later step: stop here rather than train on garbage. (Without
    // training data or losses yet there is no loss to judge, only the parameters.)
    const judged = trainCount > 0 && this.objectives.length === model.lanes;
    if ((judged && lanes.some((lane) => !Number.isFinite(lane.loss))) || !model.readParameters().every(Number.isFinite)) {
      this.isDiverged = true;
    }
    const snapshot: Snapshot = {
      step: this.stepCount,
      running,
      lanes,
      gridSize,
      batchCounts: { ...this.batchCounts },
      stepsPerSecond: this.millisecondsSinceSnapshot > 0 ? (1000 * this.stepsSinceSnapshot) / this.millisecondsSinceSnapshot : 0,
    };
    this.stepsSinceSnapshot = 0;
    this.millisecondsSinceSnapshot = 0;
    return snapshot;
  }

  /** Lane k's loss on the whole training set (NaN without data or a loss). */
  private laneLoss(k: number, trainLogits: Float32Array): number {
    const objective = this.objectives[k];
    const labels = this.trainSet?.labels;
    return objective && labels && labels.length > 0 ? meanLoss(objective, trainLogits, labels) : Number.NaN;
  }

  /** σ(logit) of every lane over gridSize² nodes of [−extent, extent]², lane by lane, row by row from the top. */
  private gridProbabilities(model: Mlp, gridSize: number, extent: number): Float32Array {
    if (!Number.isInteger(gridSize) || gridSize < 1) throw new Error(`the grid size must be a positive integer, got ${gridSize}`);
    if (this.grid?.size !== gridSize || this.grid.extent !== extent) {
      this.grid?.x.dispose();
      const x = tf.tensor2d(gridCoords(gridSize, extent), [gridSize * gridSize, INPUT_FEATURES]);
      this.grid = { size: gridSize, extent, x };
    }
    const x = this.grid.x;
    return tf.tidy(() => new Float32Array(model.probabilities(x).dataSync()));
  }

  /** The first lane's network (in a race, lane 1). */
  exportWeights(): SerializedWeights {
    const model = this.requireModel();
    return serializeWeights(model.config, model.readParameters().subarray(0, model.laneSize));
  }

  /** Adopts the file's architecture and weights in every lane (throws, changing nothing, if they do not fit). */
  importWeights(weights: SerializedWeights): void {
    const { model: config, parameters } = deserializeWeights(weights);
    this.modelConfig_ = config;
    this.imported = parameters;
    this.restartTraining();
  }

  dispose(): void {
    this.model?.dispose();
    this.optimizer?.dispose();
    disposePoints(this.trainSet);
    disposePoints(this.testSet);
    this.decay?.mask.dispose();
    this.grid?.x.dispose();
    this.batches?.dispose();
    this.model = this.optimizer = this.trainSet = this.testSet = this.decay = this.grid = this.batches = null;
  }

  private requireConfig(): ModelConfig {
    if (!this.modelConfig_) throw new Error('call setModel before training or predicting');
    return this.modelConfig_;
  }

  /** The model, built with one lane per training lane (one before any training is set). */
  private requireModel(): Mlp {
    const config = this.requireConfig();
    this.model ??= new Mlp(config, this.training?.lanes.length ?? 1, this.imported ?? undefined);
    return this.model;
  }

  /** Every lane from the initial weights again (built at the next use), step 0, a fresh optimizer. */
  private restartTraining(): void {
    this.model?.dispose();
    this.model = null;
    this.optimizer?.dispose();
    this.optimizer = null;
    this.decay?.mask.dispose();
    this.decay = null;
    this.dropBatches();
    this.stepCount = 0;
    this.stepsSinceSnapshot = 0;
    this.millisecondsSinceSnapshot = 0;
    this.isDiverged = false;
    this.batchCounts = noBatches(0);
  }

  /** The batch order starts again from the seed (new data, or a restart from the seed). */
  private dropBatches(): void {
    this.batches?.dispose();
    this.batches = null;
  }

  /** Class weights come from the training counts, so new data or new lanes recompute them. */
  private updateObjectives(): void {
    const labels = this.trainSet?.labels ?? new Uint8Array(0);
    this.objectives = (this.training?.lanes ?? []).map((lane) => laneObjective(lane, labels));
  }
}
