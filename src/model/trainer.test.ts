import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { streamFor } from '../data/random';
import { Mlp } from './mlp';
import type { LaneSnapshot, LaneTraining, ModelConfig, PackedPoints, SerializedWeights, Snapshot, TrainingConfig } from './protocol';
import { tfBinaryLosses } from './tfLosses';
import { Trainer } from './trainer';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const PARAMS = { alpha: 0.25, gamma: 2, wPos: 1, wNeg: 1, lambda: 1, epsilon: 1, gammaPos: 0, gammaNeg: 4, margin: 0.05, tau: 1, priorPos: 0.1 };

const LANE: LaneTraining = { loss: 'ce', params: PARAMS, classWeighting: 'none', beta: 0.999 };

const TRAINING: TrainingConfig = { lanes: [LANE], optimizer: 'adam', learningRate: 0.03, batchSize: 32, weightDecay: 0 };

/** One network trained with `lane`'s loss (a race of one lane). */
const single = (lane: Partial<LaneTraining>, shared: Partial<TrainingConfig> = {}): TrainingConfig => ({
  ...TRAINING,
  ...shared,
  lanes: [{ ...LANE, ...lane }],
});

/** The only lane of a one-network snapshot. */
const first = (snapshot: Snapshot): LaneSnapshot => snapshot.lanes[0] as LaneSnapshot;

const MODEL: ModelConfig = { hiddenLayers: [8, 8], activation: 'tanh', seed: 7 };

/** Two blobs, 1 positive per `ratio` negatives, separated along x with a margin. */
function separable(count: number, seed: number, ratio = 4): PackedPoints {
  const random = streamFor(seed, 'test/separable');
  const coords = new Float32Array(2 * count);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const label = i % (ratio + 1) === 0 ? 1 : 0;
    labels[i] = label;
    coords[2 * i] = (label ? 0.6 : -0.4) + random.uniformIn(-0.3, 0.3);
    coords[2 * i + 1] = random.uniformIn(-1, 1);
  }
  return { coords, labels };
}

function trainerWith(model: ModelConfig = MODEL, training: TrainingConfig = TRAINING, points = 200): Trainer {
  const trainer = new Trainer();
  trainer.setData(separable(points, 1), separable(points, 2));
  trainer.setModel(model);
  trainer.setTraining(training);
  return trainer;
}

function accuracy(logits: Float32Array, labels: Uint8Array): number {
  let correct = 0;
  logits.forEach((logit, i) => (correct += Number(logit > 0) === labels[i] ? 1 : 0));
  return correct / labels.length;
}

describe('Trainer', () => {
  it('lowers the loss and separates a separable set', () => {
    const trainer = trainerWith();
    const before = first(trainer.snapshot(4, 1.3)).loss;
    trainer.train(300);
    const after = trainer.snapshot(4, 1.3);
    const afterLane = first(after);
    expect(after.step).toBe(300);
    expect(afterLane.loss).toBeLessThan(before / 5);
    expect(accuracy(afterLane.trainLogits, separable(200, 1).labels)).toBeGreaterThanOrEqual(0.98);
    expect(accuracy(afterLane.testLogits, separable(200, 2).labels)).toBeGreaterThanOrEqual(0.97);
    trainer.dispose();
  });

  it('gives identical logits after the same steps from the same seed, and different ones from another seed', () => {
    const run = (seed: number) => {
      const trainer = trainerWith({ ...MODEL, seed });
      trainer.train(40);
      const { trainLogits, grid } = first(trainer.snapshot(8, 1.3));
      trainer.dispose();
      return { trainLogits, grid };
    };
    expect(run(3)).toEqual(run(3));
    expect(run(3).trainLogits).not.toEqual(run(4).trainLogits);
  });

  it('reset returns to the seeded start and replays the same batches', () => {
    const trainer = trainerWith();
    const start = first(trainer.snapshot(4, 1.3)).trainLogits;
    trainer.train(25);
    const trained = first(trainer.snapshot(4, 1.3)).trainLogits;
    trainer.reset();
    expect(trainer.step).toBe(0);
    expect(first(trainer.snapshot(4, 1.3)).trainLogits).toEqual(start);
    trainer.train(25);
    expect(first(trainer.snapshot(4, 1.3)).trainLogits).toEqual(trained);
    trainer.dispose();
  });

  it('keeps the weights when the loss, its parameters, the optimizer or the learning rate change', () => {
    const trainer = trainerWith();
    trainer.train(20);
    const weights = trainer.exportWeights();
    trainer.setTraining(single({ loss: 'focal', params: { ...PARAMS, gamma: 3 } }));
    expect(trainer.exportWeights()).toEqual(weights);
    trainer.setTraining(single({ loss: 'focal' }, { optimizer: 'sgd', learningRate: 0.5 }));
    expect(trainer.exportWeights()).toEqual(weights);
    expect(trainer.step).toBe(20);
    expect(trainer.train(10)).toBe(10);
    expect(trainer.exportWeights()).not.toEqual(weights);
    expect(trainer.snapshot(4, 1.3).step).toBe(30);
    trainer.dispose();
  });

  it('multiplies each example loss by its class weight (hand-checked full batch)', () => {
    // Logistic regression with logit = x, on 3 negatives and 1 positive.
    const data: PackedPoints = { coords: new Float32Array([-1, 0, 0.5, 0, 2, 0, 1, 0]), labels: new Uint8Array([0, 0, 0, 1]) };
    const weights: SerializedWeights = {
      format: 'imbalance-lab-weights',
      version: 1,
      model: { hiddenLayers: [], activation: 'tanh', seed: 1 },
      layers: [{ kernel: [1, 0], bias: [0], inputs: 2, outputs: 1 }],
    };
    const softplus = (z: number) => Math.log1p(Math.exp(z));
    // CE: softplus(x) for y = 0, softplus(−x) for y = 1.
    const [neg1, neg2, neg3, pos] = [softplus(-1), softplus(0.5), softplus(2), softplus(-1)];
    const lossFor = (training: TrainingConfig) => {
      const trainer = new Trainer();
      trainer.setData(data, data);
      trainer.importWeights(weights);
      trainer.setTraining(training);
      const loss = first(trainer.snapshot(2, 1)).loss; // the whole training set at the imported weights
      trainer.dispose();
      return loss;
    };
    const plain = (neg1 + neg2 + neg3 + pos) / 4;
    // inverse frequency: w = N / (2 n_y) → 4/6 for negatives, 4/2 for the positive.
    const weighted = ((4 / 6) * (neg1 + neg2 + neg3) + 2 * pos) / 4;
    expect(lossFor(single({}, { batchSize: 64 }))).toBeCloseTo(plain, 6);
    expect(lossFor(single({ classWeighting: 'inverseFrequency' }, { batchSize: 64 }))).toBeCloseTo(weighted, 6);
  });

  it('takes each step down the class-weighted loss (full batch: the loss falls at a small learning rate)', () => {
    const trainer = trainerWith(MODEL, single({ classWeighting: 'inverseFrequency' }, { batchSize: 1024, learningRate: 0.001 }));
    const losses = [first(trainer.snapshot(2, 1)).loss];
    for (let i = 0; i < 5; i++) {
      trainer.train(1);
      losses.push(first(trainer.snapshot(2, 1)).loss);
    }
    losses.slice(1).forEach((loss, i) => expect(loss).toBeLessThan(losses[i] as number));
    trainer.dispose();
  });

  it('reports divergence for a huge learning rate, refuses to train on, and recovers on reset', () => {
    // Adam at η = 1e6 on a ReLU net: weights grow ~1e6 per step and their product overflows float32
    // within 10 steps (for every seed tried; at SGD or smaller η, ReLUs often die first instead).
    const trainer = trainerWith({ hiddenLayers: [32, 32, 32], activation: 'relu', seed: 1 }, { ...TRAINING, learningRate: 1e6 });
    trainer.train(20);
    const snapshot = first(trainer.snapshot(4, 1.3));
    expect(trainer.diverged).toBe(true);
    expect(Number.isFinite(snapshot.loss)).toBe(false);
    expect(trainer.train(5)).toBe(0);
    expect(trainer.step).toBe(20);
    trainer.reset();
    expect(trainer.diverged).toBe(false);
    expect(Number.isFinite(first(trainer.snapshot(4, 1.3)).loss)).toBe(true);
    trainer.dispose();
  });

  // Finite weights a teacher could load from a file: logits ~1e60 overflow to +∞; and ∞ − ∞ = NaN.
  const overflowing: SerializedWeights['layers'] = [
    { kernel: [1e30, 1e30, 1e30, 1e30], bias: [1e30, 1e30], inputs: 2, outputs: 2 },
    { kernel: [1e30, 1e30], bias: [0], inputs: 2, outputs: 1 },
  ];
  const cancelling: SerializedWeights['layers'] = [
    { kernel: [3e38, 3e38, 3e38, 3e38], bias: [3e38, 3e38], inputs: 2, outputs: 2 },
    { kernel: [1, -1], bias: [0], inputs: 2, outputs: 1 },
  ];
  it.each([
    ['∞', overflowing, Infinity],
    ['NaN', cancelling, Number.NaN],
  ] as const)('reports divergence as soon as the loss is %s, even before a step', (_, layers, loss) => {
    const trainer = trainerWith();
    trainer.importWeights({
      format: 'imbalance-lab-weights',
      version: 1,
      model: { hiddenLayers: [2], activation: 'relu', seed: 1 },
      layers: [...layers],
    });
    expect(first(trainer.snapshot(4, 1.3)).loss).toBe(loss);
    expect(trainer.diverged).toBe(true);
    expect(trainer.train(1)).toBe(0);
    trainer.dispose();
  });

  it('does not leak tensors over 1000 steps and snapshots', () => {
    const trainer = trainerWith({ ...MODEL, activation: 'relu' }, single({ classWeighting: 'effectiveNumber' }));
    trainer.train(1);
    trainer.snapshot(16, 1.3);
    const tensors = tf.memory().numTensors;
    for (let i = 0; i < 4; i++) {
      trainer.train(250);
      trainer.snapshot(16, 1.3);
    }
    expect(tf.memory().numTensors).toBe(tensors);
    // Same optimizer again (Adam holds 5 tensors that SGD does not): nothing left behind on the way.
    trainer.setTraining(single({ loss: 'asl' }, { optimizer: 'sgd', batchSize: 500 }));
    trainer.train(10);
    trainer.snapshot(16, 1.3);
    trainer.setTraining(single({ classWeighting: 'effectiveNumber' }));
    trainer.reset();
    trainer.train(1);
    trainer.snapshot(16, 1.3);
    expect(tf.memory().numTensors).toBe(tensors);
    trainer.dispose();
  });

  it('round-trips weights through export and import with identical predictions', () => {
    const trainer = trainerWith();
    trainer.train(30);
    const weights = JSON.parse(JSON.stringify(trainer.exportWeights())) as SerializedWeights;
    const { trainLogits, grid } = first(trainer.snapshot(8, 1.3));
    const other = trainerWith({ hiddenLayers: [4], activation: 'relu', seed: 99 });
    other.importWeights(weights);
    expect(other.modelConfig).toEqual(MODEL);
    const imported = first(other.snapshot(8, 1.3));
    expect(imported.trainLogits).toEqual(trainLogits);
    expect(imported.grid).toEqual(grid);
    trainer.dispose();
    other.dispose();
  });

  it('rejects weights that do not fit, naming the problem and keeping the model', () => {
    const trainer = trainerWith();
    const weights = trainer.exportWeights();
    const first = weights.layers[0] as SerializedWeights['layers'][number];
    expect(() => trainer.importWeights({ ...weights, layers: weights.layers.slice(1) })).toThrow(/has 2 layers; hidden layers \[8, 8\] need 3/);
    expect(() => trainer.importWeights({ ...weights, layers: [{ ...first, kernel: [1, 2] }, ...weights.layers.slice(1)] })).toThrow(
      /layer 1 kernel has 2 numbers, expected 16/,
    );
    expect(() => trainer.importWeights({ ...weights, format: 'x' } as unknown as SerializedWeights)).toThrow(/format/);
    expect(trainer.exportWeights()).toEqual(weights);
    trainer.dispose();
  });

  it('trains logistic regression (no hidden layer)', () => {
    const trainer = trainerWith({ hiddenLayers: [], activation: 'relu', seed: 2 }, { ...TRAINING, learningRate: 0.1 });
    trainer.train(200);
    const { trainLogits } = first(trainer.snapshot(4, 1.3));
    expect(trainer.exportWeights().layers).toHaveLength(1);
    expect(accuracy(trainLogits, separable(200, 1).labels)).toBeGreaterThanOrEqual(0.97);
    trainer.dispose();
  });

  it('lays the grid out row by row from the top-left corner', () => {
    const trainer = new Trainer();
    trainer.setData(separable(10, 1), separable(10, 2));
    // logit = 2y: probabilities fall from the top row to the bottom one and are equal along a row.
    trainer.importWeights({
      format: 'imbalance-lab-weights',
      version: 1,
      model: { hiddenLayers: [], activation: 'tanh', seed: 1 },
      layers: [{ kernel: [0, 2], bias: [0], inputs: 2, outputs: 1 }],
    });
    const { grid } = first(trainer.snapshot(3, 1));
    const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
    [2, 2, 2, 0, 0, 0, -2, -2, -2].forEach((logit, i) => expect(grid[i]).toBeCloseTo(sigmoid(logit), 6));
    trainer.dispose();
  });
});

describe('Mlp', () => {
  it.each(['tanh', 'relu'] as const)('gives probabilities equal to σ(logit) (fused %s forward)', (activation) => {
    const mlp = new Mlp({ hiddenLayers: [6, 5], activation, seed: 5 });
    tf.tidy(() => {
      const x = tf.tensor2d(separable(30, 4).coords, [30, 2]);
      const probabilities = mlp.probabilities(x).dataSync();
      const logits = mlp.logits(x).dataSync();
      logits.forEach((z, i) => expect(probabilities[i]).toBeCloseTo(1 / (1 + Math.exp(-z)), 6));
    });
    mlp.dispose();
  });

  it('starts from Glorot-uniform kernels and zero biases, the same for the same seed', () => {
    const a = new Mlp({ hiddenLayers: [16], activation: 'tanh', seed: 3 });
    const b = new Mlp({ hiddenLayers: [16], activation: 'tanh', seed: 3 });
    const values = a.readParameters();
    expect(values).toEqual(b.readParameters());
    const firstKernel = values.subarray(0, 32);
    const limit = Math.sqrt(6 / (2 + 16));
    expect(firstKernel.every((w) => Math.abs(w) <= limit)).toBe(true);
    expect(Math.max(...firstKernel.map(Math.abs))).toBeGreaterThan(limit / 2);
    expect(values.subarray(32, 48).every((bias) => bias === 0)).toBe(true);
    a.dispose();
    b.dispose();
  });

  it.each(['tanh', 'relu'] as const)('computes the same gradient by hand as autodiff of the whole graph (%s)', (activation) => {
    const mlp = new Mlp({ hiddenLayers: [5, 3], activation, seed: 11 });
    const data = separable(12, 3);
    tf.tidy(() => {
      const x = tf.tensor2d(data.coords, [12, 2]);
      const y = tf.tensor1d(Float32Array.from(data.labels));
      const loss = (logits: tf.Tensor1D) => tf.mean(tfBinaryLosses.focal(logits, y, { gamma: 2, alpha: 0.25 }));
      const trace = mlp.trace(x);
      const { grad } = tf.valueAndGrad(loss)(tf.reshape(trace.logits, [-1]));
      const byHand = mlp.gradient(trace, tf.reshape(grad, [-1, 1])).dataSync();
      // Autodiff over the whole network: the recorded (unfused) forward pass from the flat vector.
      const auto = tf.grad((theta: tf.Tensor) => {
        let h: tf.Tensor = x;
        let offset = 0;
        mlp.layers.forEach(({ inputs, outputs }, l) => {
          const kernel = tf.reshape(tf.slice(theta, offset, inputs * outputs), [inputs, outputs]);
          const bias = tf.slice(theta, offset + inputs * outputs, outputs);
          offset += inputs * outputs + outputs;
          h = tf.add(tf.matMul(h, kernel), bias);
          if (l < mlp.layers.length - 1) h = activation === 'tanh' ? tf.tanh(h) : tf.relu(h);
        });
        return loss(tf.reshape(h, [-1]));
      })(mlp.parameters).dataSync();
      byHand.forEach((g, i) => expect(g).toBeCloseTo(auto[i] as number, 6));
    });
    mlp.dispose();
  });
});
