import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
// In Node the wasm backend loads its binary from node_modules by itself (no `?url`, no backend.ts).
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { streamFor } from '../data/random';
import { Mlp } from './mlp';
import type { Activation, PackedPoints } from './protocol';
import { tfBinaryLosses } from './tfLosses';
import { Trainer } from './trainer';

/**
 * mlp.ts takes other routes on wasm (explicit transposes, tanh as 2σ(2a) − 1) because they are faster
 * there: the results must match the cpu backend's up to float32 rounding.
 */
const PARAMS = { alpha: 0.25, gamma: 2, wPos: 1, wNeg: 1, lambda: 1, epsilon: 1, gammaPos: 0, gammaNeg: 4, margin: 0.05, tau: 1, priorPos: 0.1 };

function ring(count: number, seed: number): PackedPoints {
  const random = streamFor(seed, 'test/ring');
  const coords = Float32Array.from({ length: 2 * count }, () => random.uniformIn(-1.3, 1.3));
  const labels = Uint8Array.from({ length: count }, (_, i) => (Math.hypot(coords[2 * i] as number, coords[2 * i + 1] as number) < 0.5 ? 1 : 0));
  return { coords, labels };
}

/** Runs `run` on one backend and returns what it read back. */
async function on<T>(backend: 'cpu' | 'wasm', run: () => T): Promise<T> {
  if (!(await tf.setBackend(backend))) throw new Error(`${backend} backend did not start`);
  return run();
}

function trainedLogits(activation: Activation): Float32Array {
  const trainer = new Trainer();
  trainer.setData(ring(300, 1), ring(50, 2));
  trainer.setModel({ hiddenLayers: [12, 12], activation, seed: 4 });
  trainer.setTraining({
    lanes: [{ loss: 'focal', params: PARAMS, classWeighting: 'inverseFrequency', beta: 0.999 }],
    optimizer: 'adam',
    learningRate: 0.01,
    batchSize: 64,
    weightDecay: 0,
  });
  trainer.train(30);
  const { trainLogits } = trainer.snapshot(4, 1.3).lanes[0] ?? { trainLogits: new Float32Array(0) };
  trainer.dispose();
  return trainLogits;
}

function gradients(activation: Activation): { byHand: Float32Array; probabilities: Float32Array } {
  const mlp = new Mlp({ hiddenLayers: [7, 5], activation, seed: 9 });
  const data = ring(40, 3);
  const result = tf.tidy(() => {
    const x = tf.tensor2d(data.coords, [40, 2]);
    const y = tf.tensor1d(Float32Array.from(data.labels));
    const trace = mlp.trace(x);
    const { grad } = tf.valueAndGrad((z: tf.Tensor1D) => tf.mean(tfBinaryLosses.ce(z, y, {})))(tf.reshape(trace.logits, [-1]));
    return { byHand: new Float32Array(mlp.gradient(trace, tf.reshape(grad, [-1, 1])).dataSync()), probabilities: new Float32Array(mlp.probabilities(x).dataSync()) };
  });
  mlp.dispose();
  return result;
}

function expectClose(actual: Float32Array, expected: Float32Array, tolerance: number): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((value, i) => expect(Math.abs(value - (expected[i] as number))).toBeLessThan(tolerance * (1 + Math.abs(expected[i] as number))));
}

describe('the wasm backend', () => {
  beforeAll(async () => {
    await tf.ready();
  });
  afterAll(async () => {
    await tf.setBackend('cpu');
  });

  it.each(['tanh', 'relu'] as const)('gives the cpu backend’s gradient and probabilities (%s)', async (activation) => {
    const cpu = await on('cpu', () => gradients(activation));
    const wasm = await on('wasm', () => gradients(activation));
    // Measured: ≤ 5e−8 (float32 rounding in a different order); a formula off by 0.1% gives 2e−4.
    expectClose(wasm.byHand, cpu.byHand, 1e-6);
    expectClose(wasm.probabilities, cpu.probabilities, 1e-6);
  });

  it.each(['tanh', 'relu'] as const)('trains to the cpu backend’s logits (%s)', async (activation) => {
    const cpu = await on('cpu', () => trainedLogits(activation));
    const wasm = await on('wasm', () => trainedLogits(activation));
    // 30 Adam steps amplify the rounding differences (measured ≤ 4e−7), not by orders of magnitude.
    expectClose(wasm, cpu, 1e-5);
  });
});
