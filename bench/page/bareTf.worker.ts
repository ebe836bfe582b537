/**
 * A bare tfjs training loop on the wasm backend, the way a tutorial writes one: a tf.variable per
 * kernel and bias, the forward pass with tf ops, the app's focal loss (tfLosses.ts) on tfjs's
 * autodiff tape, tf.train.adam's minimize, and no read-back inside the timed loop. Batches are
 * consecutive slices of a per-epoch shuffled copy, as in the app.
 */
import * as tf from '@tensorflow/tfjs-core';
import { streamFor } from '../../src/data/random';
import { tfBinaryLosses } from '../../src/model/tfLosses'; // also registers every gradient
import { serve, timeSteps, WORKLOAD, type LoopResult } from './shared';
import { useWasmBackend } from './wasm';

serve(async (request) => {
  if (request.type !== 'loop') throw new Error(`the bare tfjs worker only runs loops, not ${request.type}`);
  const backend = await useWasmBackend();
  const { train, timing } = request;
  const { batchSize } = timing;
  const n = train.labels.length;
  const params = { gamma: WORKLOAD.gamma, alpha: WORKLOAD.alpha };
  const widths = [2, ...WORKLOAD.hiddenLayers, 1];

  const x = tf.tensor2d(train.coords, [n, 2]);
  const y = tf.tensor1d(Float32Array.from(train.labels));
  const init = streamFor(WORKLOAD.seed, 'bare/init');
  const layers = widths.slice(1).map((outputs, l) => {
    const inputs = widths[l] as number;
    const limit = Math.sqrt(6 / (inputs + outputs));
    const kernel = Float32Array.from({ length: inputs * outputs }, () => init.uniformIn(-limit, limit));
    return { w: tf.variable(tf.tensor2d(kernel, [inputs, outputs])), b: tf.variable(tf.zeros([outputs])) };
  });
  const forward = (input: tf.Tensor2D): tf.Tensor1D => {
    let h: tf.Tensor2D = input;
    layers.forEach(({ w, b }, l) => {
      h = tf.add(tf.matMul(h, w), b);
      if (l < layers.length - 1) h = tf.tanh(h);
    });
    return tf.reshape(h, [-1]);
  };
  const optimizer = tf.train.adam(WORKLOAD.learningRate);

  const random = streamFor(WORKLOAD.seed, 'bare/batches');
  const order = Int32Array.from({ length: n }, (_, i) => i);
  let epoch: { x: tf.Tensor2D; y: tf.Tensor1D } | null = null;
  let row = n;
  const nextBatch = () => {
    if (!epoch || row + batchSize > n) {
      for (let i = n - 1; i > 0; i--) {
        const j = random.integer(i + 1);
        [order[i], order[j]] = [order[j] as number, order[i] as number];
      }
      if (epoch) tf.dispose([epoch.x, epoch.y]);
      const rows = tf.tensor1d(order.slice(), 'int32');
      epoch = { x: tf.keep(tf.gather(x, rows)), y: tf.keep(tf.gather(y, rows)) };
      row = 0;
    }
    const batch = { x: tf.slice(epoch.x, [row, 0], [batchSize, 2]), y: tf.slice(epoch.y, row, batchSize) };
    row += batchSize;
    return batch;
  };
  const step = () =>
    tf.tidy(() => {
      const batch = nextBatch();
      optimizer.minimize(() => tf.mean(tfBinaryLosses.focal(forward(batch.x), batch.y, params)), false);
    });
  const wholeSetLoss = () => tf.tidy(() => tf.mean(tfBinaryLosses.focal(forward(x), y, params)).dataSync()[0] as number);

  const lossBefore = wholeSetLoss();
  step(); // the first step creates the optimizer's slots and the first epoch: count from there
  const tensorsBefore = tf.memory().numTensors;
  const { steps, ms } = timeSteps(step, timing);
  const tensorsAfter = tf.memory().numTensors;
  const result: LoopResult = {
    steps,
    ms,
    stepsPerSecond: (1000 * steps) / ms,
    lossBefore,
    lossAfter: wholeSetLoss(),
    backend,
    tensorsBefore,
    tensorsAfter,
  };
  return { result };
});
