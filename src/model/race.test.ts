import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { streamFor } from '../data/random';
import type { LaneSnapshot, LaneTraining, PackedPoints, TrainingConfig } from './protocol';
import { Trainer } from './trainer';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const PARAMS = { alpha: 0.25, gamma: 2, wPos: 3, wNeg: 1.2, lambda: 1, epsilon: 1, gammaPos: 0, gammaNeg: 4, margin: 0.05, tau: 1, priorPos: 0.1 };
const MODEL = { hiddenLayers: [8, 6], activation: 'tanh' as const, seed: 5 };

const lane = (patch: Partial<LaneTraining>): LaneTraining => ({ loss: 'ce', params: PARAMS, classWeighting: 'none', beta: 0.999, ...patch });
const LANES: LaneTraining[] = [
  lane({}),
  lane({ loss: 'focal', classWeighting: 'inverseFrequency' }),
  lane({ loss: 'dwb' }),
  lane({ loss: 'balanced-ce', params: { ...PARAMS, alpha: 0.9 }, classWeighting: 'effectiveNumber' }),
];
const training = (lanes: LaneTraining[], patch: Partial<TrainingConfig> = {}): TrainingConfig => ({
  lanes,
  optimizer: 'adam',
  learningRate: 0.02,
  batchSize: 32,
  weightDecay: 0,
  ...patch,
});

/** An overlapping, 1 : 9 skewed set: the losses pull the networks apart. */
function skewed(count: number, seed: number): PackedPoints {
  const random = streamFor(seed, 'test/skewed');
  const labels = Uint8Array.from({ length: count }, (_, i) => (i % 10 === 0 ? 1 : 0));
  const coords = Float32Array.from({ length: 2 * count }, (_, j) => (j % 2 === 0 && labels[j >> 1] ? 0.4 : 0) + random.normal() * 0.5);
  return { coords, labels };
}

function raced(lanes: LaneTraining[], steps: number, patch: Partial<TrainingConfig> = {}): LaneSnapshot[] {
  const trainer = new Trainer();
  trainer.setData(skewed(300, 1), skewed(100, 2));
  trainer.setModel(MODEL);
  trainer.setTraining(training(lanes, patch));
  trainer.train(steps);
  const { lanes: snapshots } = trainer.snapshot(6, 1.3);
  trainer.dispose();
  return snapshots;
}

function expectClose(actual: Float32Array, expected: Float32Array): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((value, i) => expect(Math.abs(value - (expected[i] as number))).toBeLessThan(1e-4 * (1 + Math.abs(expected[i] as number))));
}

describe('a race', () => {
  it('trains every lane as the same network would train alone, from the same start on the same batches', () => {
    const together = raced(LANES, 50);
    LANES.forEach((one, k) => {
      const [alone] = raced([one], 50) as [LaneSnapshot];
      const lane = together[k] as LaneSnapshot;
      expectClose(lane.trainLogits, alone.trainLogits);
      expectClose(lane.testLogits, alone.testLogits);
      expectClose(lane.grid, alone.grid);
      expect(lane.loss).toBeCloseTo(alone.loss, 5);
    });
  });

  it('gives every lane the same mini-batch at every step: two lanes with one loss stay identical', () => {
    const [a, b, c] = raced([lane({ loss: 'focal' }), lane({ loss: 'focal' }), lane({})], 80) as [LaneSnapshot, LaneSnapshot, LaneSnapshot];
    expect(b.trainLogits).toEqual(a.trainLogits);
    expect(b.loss).toBe(a.loss);
    expect(c.trainLogits).not.toEqual(a.trainLogits);
  });

  it('starts every lane from the seeded weights, and starts over when the number of lanes changes', () => {
    const trainer = new Trainer();
    trainer.setData(skewed(100, 1), skewed(50, 2));
    trainer.setModel(MODEL);
    trainer.setTraining(training(LANES.slice(0, 2)));
    const start = trainer.snapshot(4, 1.3).lanes;
    expect(start[1]?.trainLogits).toEqual(start[0]?.trainLogits);
    trainer.train(10);
    trainer.setTraining(training(LANES.slice(0, 3)));
    expect(trainer.step).toBe(0);
    const restarted = trainer.snapshot(4, 1.3).lanes;
    expect(restarted).toHaveLength(3);
    restarted.forEach((l) => expect(l.trainLogits).toEqual(start[0]?.trainLogits));
    trainer.dispose();
  });

  it('counts the minority examples in each batch, the same batches for every lane', () => {
    const trainer = new Trainer();
    // 300 examples, 30 positives; full batches hold all 30, batches of 16 sometimes none.
    trainer.setData(skewed(300, 1), skewed(50, 2));
    trainer.setModel(MODEL);
    trainer.setTraining(training(LANES.slice(0, 2), { batchSize: 1024 }));
    trainer.train(3);
    expect(trainer.snapshot(2, 1).batchCounts).toEqual({ lastPositives: 30, batchSize: 300, batches: 3, batchesWithoutPositives: 0 });
    trainer.setTraining(training(LANES.slice(0, 2), { batchSize: 16 }));
    trainer.reset();
    trainer.train(200);
    const counts = trainer.snapshot(2, 1).batchCounts;
    expect(counts.batches).toBe(200);
    expect(counts.batchSize).toBe(16);
    // P(no positive among 16 of 300 with 30 positives) ≈ 0.18: some, not most.
    expect(counts.batchesWithoutPositives).toBeGreaterThan(10);
    expect(counts.batchesWithoutPositives).toBeLessThan(80);
    trainer.dispose();
  });
});

describe('L2 weight decay', () => {
  /** Σ kernel² and Σ bias² of lane 1, from the exported weights. */
  function norms(weightDecay: number): { kernels: number; biases: number } {
    const trainer = new Trainer();
    trainer.setData(skewed(300, 1), skewed(50, 2));
    trainer.setModel(MODEL);
    trainer.setTraining(training([lane({})], { weightDecay }));
    trainer.train(300);
    const { layers } = trainer.exportWeights();
    trainer.dispose();
    const squares = (values: number[]) => values.reduce((sum, v) => sum + v * v, 0);
    return {
      kernels: layers.reduce((sum, l) => sum + squares(l.kernel), 0),
      biases: layers.reduce((sum, l) => sum + squares(l.bias), 0),
    };
  }

  it('shrinks the kernels and leaves λ = 0 exactly as plain training', () => {
    const plain = norms(0);
    const decayed = norms(0.01);
    expect(decayed.kernels).toBeLessThan(0.8 * plain.kernels);
    expect(raced([lane({})], 30, { weightDecay: 0 })[0]?.trainLogits).toEqual(raced([lane({})], 30)[0]?.trainLogits);
  });
});
