/**
 * The training loop, on whatever tfjs backend is active (wasm in the worker, cpu in the tests).
 *
 * Speed: the data are uploaded once and batches are slices of a shuffled copy made on the device
 * once per epoch (batches.ts); the loss is summed on the device and read back once per snapshot,
 * never per step (a read-back forces a sync and, on wasm, a copy out of the heap). Only the loss's
 * derivative comes from tfjs's autodiff; the MLP's backward pass is written out in mlp.ts.
 */
import * as tf from '@tensorflow/tfjs-core';
import { EpochBatches, type Examples } from './batches';
import { classCounts, classWeights, exampleWeights } from './classWeighting';
import { INPUT_FEATURES, Mlp } from './mlp';
import { createOptimizer, type FlatOptimizer } from './optimizers';
import type { ModelConfig, PackedPoints, SerializedWeights, Snapshot, TrainingConfig } from './protocol';
import { tfBinaryLosses } from './tfLosses';
import { deserializeWeights, serializeWeights } from './weights';

/** A point set resident on the device. */
interface DevicePoints {
  x: tf.Tensor2D;
  /** Labels as float32 0/1, which is what the losses take. */
  y: tf.Tensor1D;
  labels: Uint8Array;
}

function uploadPoints({ coords, labels }: PackedPoints, name: string): DevicePoints {
  if (coords.length !== INPUT_FEATURES * labels.length) {
    throw new Error(`${name} set: ${coords.length} coordinates for ${labels.length} labels (need 2 per label)`);
  }
  if (labels.some((label) => label > 1)) throw new Error(`${name} set: labels must be 0 or 1`);
  // Copies: the caller's arrays may be transferred or reused, and cpu tensors keep the array they get.
  return {
    x: tf.tensor2d(coords.slice(), [labels.length, INPUT_FEATURES]),
    y: tf.tensor1d(Float32Array.from(labels)),
    labels: labels.slice(),
  };
}

function disposePoints(points: DevicePoints | null): void {
  if (points) tf.dispose([points.x, points.y]);
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

/** Logits of every point, copied out (some backends hand out their own storage, which is transferred). */
function logitsOf(model: Mlp, points: DevicePoints): Float32Array {
  if (points.labels.length === 0) return new Float32Array(0);
  return tf.tidy(() => new Float32Array(model.logits(points.x).dataSync()));
}

function validateTraining(config: TrainingConfig): void {
  if (!Object.hasOwn(tfBinaryLosses, config.loss)) throw new Error(`unknown loss "${String(config.loss)}"`);
  if (!['none', 'inverseFrequency', 'dwbLogRatio', 'effectiveNumber'].includes(config.classWeighting)) {
    throw new Error(`unknown class weighting "${String(config.classWeighting)}"`);
  }
  if (config.classWeighting === 'effectiveNumber' && !(config.beta >= 0 && config.beta <= 1)) {
    throw new Error(`β for effective-number weights must be in [0, 1], got ${config.beta}`);
  }
  if (!Number.isInteger(config.batchSize) || config.batchSize < 1) {
    throw new Error(`the batch size must be a positive integer, got ${config.batchSize}`);
  }
  if (!(config.learningRate > 0) || !Number.isFinite(config.learningRate)) {
    throw new Error(`the learning rate must be a positive number, got ${config.learningRate}`);
  }
}

export class Trainer {
  private model: Mlp | null = null;
  private training: TrainingConfig | null = null;
  private trainSet: DevicePoints | null = null;
  private testSet: DevicePoints | null = null;
  /** w_{y_i} per training example; null when every weight is 1 (saves a slice and a multiply per step). */
  private trainWeights: tf.Tensor1D | null = null;
  private optimizer: FlatOptimizer | null = null;
  private batches: EpochBatches | null = null;
  private readonly lossSum: tf.Variable<tf.Rank.R0> = tf.tidy(() => tf.variable(tf.scalar(0), false));
  private grid: { size: number; extent: number; x: tf.Tensor2D } | null = null;
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
    return this.model ? { ...this.model.config, hiddenLayers: [...this.model.config.hiddenLayers] } : null;
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
    this.updateClassWeights();
  }

  /** A new architecture, initialised from its seed; the optimizer and step count start over. */
  setModel(config: ModelConfig): void {
    const model = new Mlp(config);
    this.model?.dispose();
    this.model = model;
    this.restartTraining();
  }

  /**
   * Loss, loss parameters and class weighting apply from the next step on, keeping the weights and
   * the optimizer's state; a new optimizer or learning rate starts a fresh optimizer (same weights).
   */
  setTraining(config: TrainingConfig): void {
    validateTraining(config);
    const previous = this.training;
    this.training = { ...config, params: { ...config.params } };
    if (previous?.optimizer !== config.optimizer || previous.learningRate !== config.learningRate) {
      this.optimizer?.dispose();
      this.optimizer = null;
    }
    if (previous?.classWeighting !== config.classWeighting || previous.beta !== config.beta) this.updateClassWeights();
  }

  /** Back to the seeded initial weights, step 0, a fresh optimizer and the first batch order. */
  reset(): void {
    this.setModel(this.requireModel().config);
  }

  /** Runs `steps` optimizer steps; returns how many ran (0 once diverged). */
  train(steps: number): number {
    const model = this.requireModel();
    const training = this.training;
    const trainSet = this.trainSet;
    if (!training || !trainSet) throw new Error('call setData and setTraining before train');
    if (trainSet.labels.length === 0) throw new Error('the training set is empty');
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
    const n = trainSet.labels.length;
    const all: Examples = { x: trainSet.x, y: trainSet.y, weights: this.trainWeights };
    tf.tidy(() => {
      let batch = all;
      if (training.batchSize < n) {
        this.batches ??= new EpochBatches(n, model.config.seed);
        batch = this.batches.next(all, training.batchSize);
      }
      const { x, y, weights } = batch;
      const trace = model.trace(x);
      const { value, grad } = tf.valueAndGrad((logits: tf.Tensor1D) => this.meanLoss(logits, y, weights))(trace.logits);
      optimizer.apply(model.parameters, model.gradient(trace, grad));
      this.lossSum.assign(tf.add(this.lossSum, value));
    });
  }

  /** mean_i w_{y_i} · loss(logit_i, y_i): the scalar each step minimises. */
  private meanLoss(logits: tf.Tensor1D, labels: tf.Tensor1D, weights: tf.Tensor1D | null): tf.Scalar {
    const { loss, params } = this.training as TrainingConfig;
    const perExample = tfBinaryLosses[loss](logits, labels, params);
    return tf.mean(weights ? tf.mul(perExample, weights) : perExample);
  }

  /**
   * Everything the page draws. `loss` is the mean batch loss over the steps since the last snapshot;
   * with no step since (after a reset, a pause, new data), the loss on the whole training set.
   * Reading back is also where divergence is detected.
   */
  snapshot(gridSize: number, extent: number, running = false): Snapshot {
    const model = this.requireModel();
    const { trainSet, testSet } = this;
    const trainLogits = trainSet && trainSet.labels.length > 0 ? model.logits(trainSet.x) : null;
    try {
      const measured = this.stepsSinceSnapshot > 0;
      const loss = measured ? (this.lossSum.dataSync()[0] as number) / this.stepsSinceSnapshot : this.wholeSetLoss(trainLogits);
      // NaN or ±∞ anywhere poisons every later step: stop here rather than train on garbage.
      if ((loss !== null && !Number.isFinite(loss)) || !model.readParameters().every(Number.isFinite)) this.isDiverged = true;
      const snapshot: Snapshot = {
        step: this.stepCount,
        running,
        loss: loss ?? Number.NaN,
        trainLogits: trainLogits ? new Float32Array(trainLogits.dataSync()) : new Float32Array(0),
        testLogits: testSet ? logitsOf(model, testSet) : new Float32Array(0),
        grid: this.gridProbabilities(model, gridSize, extent),
        gridSize,
        stepsPerSecond: this.millisecondsSinceSnapshot > 0 ? (1000 * this.stepsSinceSnapshot) / this.millisecondsSinceSnapshot : 0,
      };
      this.stepsSinceSnapshot = 0;
      this.millisecondsSinceSnapshot = 0;
      tf.tidy(() => this.lossSum.assign(tf.scalar(0)));
      return snapshot;
    } finally {
      trainLogits?.dispose();
    }
  }

  /** The training objective on every training point (null without data or a loss yet). */
  private wholeSetLoss(trainLogits: tf.Tensor1D | null): number | null {
    if (!trainLogits || !this.training || !this.trainSet || this.trainSet.labels.length === 0) return null;
    const { y } = this.trainSet;
    return tf.tidy(() => this.meanLoss(trainLogits, y, this.trainWeights).dataSync()[0] as number);
  }

  /** σ(logit) over gridSize² nodes of [−extent, extent]², row by row from the top (y = +extent). */
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

  exportWeights(): SerializedWeights {
    const model = this.requireModel();
    return serializeWeights(model.config, model.readParameters());
  }

  /** Adopts the file's architecture and weights (throws, changing nothing, if they do not fit). */
  importWeights(weights: SerializedWeights): void {
    const { model: config, parameters } = deserializeWeights(weights);
    const model = new Mlp(config, parameters);
    this.model?.dispose();
    this.model = model;
    this.restartTraining();
  }

  dispose(): void {
    this.model?.dispose();
    this.optimizer?.dispose();
    disposePoints(this.trainSet);
    disposePoints(this.testSet);
    this.trainWeights?.dispose();
    this.grid?.x.dispose();
    this.batches?.dispose();
    this.lossSum.dispose();
    this.model = this.optimizer = this.trainSet = this.testSet = this.trainWeights = this.grid = this.batches = null;
  }

  private requireModel(): Mlp {
    if (!this.model) throw new Error('call setModel before training or predicting');
    return this.model;
  }

  private restartTraining(): void {
    this.optimizer?.dispose();
    this.optimizer = null;
    this.dropBatches();
    this.stepCount = 0;
    this.stepsSinceSnapshot = 0;
    this.millisecondsSinceSnapshot = 0;
    this.isDiverged = false;
    tf.tidy(() => this.lossSum.assign(tf.scalar(0)));
  }

  /** The batch order starts again from the seed (new data, or a restart from the seed). */
  private dropBatches(): void {
    this.batches?.dispose();
    this.batches = null;
  }

  private updateClassWeights(): void {
    // The current epoch's shuffled copy holds the old weights; the order stream goes on.
    this.batches?.endEpoch();
    this.trainWeights?.dispose();
    this.trainWeights = null;
    if (!this.trainSet || !this.training) return;
    const { classWeighting, beta } = this.training;
    const weights = classWeights(classCounts(this.trainSet.labels), classWeighting, beta);
    if (weights[0] !== 1 || weights[1] !== 1) this.trainWeights = tf.tensor1d(exampleWeights(this.trainSet.labels, weights));
  }
}
