import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { it } from 'vitest';
import { streamFor } from '../data/random';
import { Trainer } from './trainer';
const PARAMS = { alpha: 0.25, gamma: 2, wPos: 1, wNeg: 1, epsilon: 1, gammaPos: 0, gammaNeg: 4, margin: 0.05, tau: 1, priorPos: 0.1 };
function ring(count: number, seed: number) {
  const random = streamFor(seed, 'test/ring');
  const coords = Float32Array.from({ length: 2 * count }, () => random.uniformIn(-1.3, 1.3));
  const labels = Uint8Array.from({ length: count }, (_, i) => (Math.hypot(coords[2 * i] as number, coords[2 * i + 1] as number) < 0.5 ? 1 : 0));
  return { coords, labels };
}
it('probe', async () => {
  for (const backend of ['cpu', 'wasm']) {
    await tf.setBackend(backend);
    for (const lanes of [1, 3]) {
      const trainer = new Trainer();
      trainer.setModel({ hiddenLayers: [16, 16], activation: 'tanh', seed: 3 });
      trainer.setTraining({ lanes: Array.from({ length: lanes }, () => ({ loss: 'ce' as const, params: PARAMS, classWeighting: 'none' as const, beta: 0.999 })), optimizer: 'adam', learningRate: 0.01, batchSize: 64, weightDecay: 0 });
      trainer.setData(ring(2000, 1), ring(2000, 2));
      const s = trainer.snapshot(100, 1.3);
      console.log(backend, lanes, s.lanes.map((l) => [l.loss, l.trainLogits[0], l.grid[0]]), trainer.diverged);
      trainer.train(100);
      const s2 = trainer.snapshot(100, 1.3);
      console.log(backend, lanes, s2.step, s2.lanes.map((l) => [l.loss, l.trainLogits[0], l.grid[0]]), trainer.diverged);
      trainer.dispose();
    }
  }
}, 120000);
