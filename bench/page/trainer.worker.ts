/**
 * The app's Trainer (src/model/trainer.ts) on the wasm backend, in a worker as in the app, for
 * what the real worker's messages cannot tell: tf.memory() over a long run, and the time of one
 * grid prediction on its own.
 */
import * as tf from '@tensorflow/tfjs-core';
import { VIEW_EXTENT } from '../../src/data/types';
import { Mlp } from '../../src/model/mlp';
import { Trainer } from '../../src/model/trainer';
import { deserializeWeights } from '../../src/model/weights';
import { modelConfig, serve, trainingConfig, type MemoryRequest, type MemoryResult, type PredictRequest, type PredictResult } from './shared';
import { useWasmBackend } from './wasm';

function newTrainer(request: MemoryRequest | PredictRequest): Trainer {
  const trainer = new Trainer();
  trainer.setModel(modelConfig());
  trainer.setTraining(trainingConfig(request.batchSize, undefined, request.type === 'memory' ? request.losses : undefined));
  trainer.setData(request.train, request.test);
  return trainer;
}

/**
 * 10,000 steps the way the worker runs them: a batch of steps, then a snapshot, over and over; and
 * on the way what a user does: new loss settings, a reset, the same data sent again. Counted once
 * everything has been created (after the first snapshot), so only growth shows.
 */
function memory(request: MemoryRequest): MemoryResult {
  const { steps, stepsPerSnapshot, gridSize, batchSize, losses } = request;
  const trainer = newTrainer(request);
  trainer.train(stepsPerSnapshot);
  trainer.snapshot(gridSize, VIEW_EXTENT, true);
  const before = tf.memory();
  const started = performance.now();
  let done = 0;
  let snapshots = 0;
  while (done < steps) {
    const previous = done;
    const ran = trainer.train(Math.min(stepsPerSnapshot, steps - done));
    if (ran === 0) throw new Error(`training stopped after ${done} steps (diverged?)`);
    done += ran;
    trainer.snapshot(gridSize, VIEW_EXTENT, true);
    snapshots++;
    const passed = (fraction: number) => previous < fraction * steps && done >= fraction * steps;
    if (passed(0.25)) trainer.setTraining(trainingConfig(batchSize, 1, losses));
    if (passed(0.5)) trainer.reset();
    if (passed(0.75)) {
      trainer.setTraining(trainingConfig(batchSize, undefined, losses));
      trainer.setData(request.train, request.test);
    }
  }
  const ms = performance.now() - started;
  const after = tf.memory();
  trainer.dispose();
  return {
    steps: done,
    snapshots,
    tensorsBefore: before.numTensors,
    tensorsAfter: after.numTensors,
    bytesBefore: before.numBytes,
    bytesAfter: after.numBytes,
    ms,
    backend: tf.getBackend(),
  };
}

/** The app's grid: gridSize² nodes, edges included, row 0 at y = +extent (as in trainer.ts). */
function gridCoords(gridSize: number, extent: number): Float32Array {
  const coords = new Float32Array(2 * gridSize * gridSize);
  const spacing = (2 * extent) / (gridSize - 1);
  for (let row = 0; row < gridSize; row++) {
    for (let col = 0; col < gridSize; col++) {
      coords[2 * (row * gridSize + col)] = -extent + col * spacing;
      coords[2 * (row * gridSize + col) + 1] = extent - row * spacing;
    }
  }
  return coords;
}

/**
 * Times (a) the grid prediction alone, Mlp.probabilities over gridSize² nodes plus the read-back,
 * with the trained weights, and (b) a whole Trainer.snapshot at that grid size; and returns grids
 * from successive stages of training, for the page to paint.
 */
function predict(request: PredictRequest): { result: PredictResult; transfer: Transferable[] } {
  const { gridSize, repeats } = request;
  const trainer = newTrainer(request);
  const grids: Float32Array[] = [];
  for (let i = 0; i < request.grids; i++) {
    trainer.train(i === 0 ? 200 : 40); // the boundary moves a little between grids
    grids.push(trainer.snapshot(gridSize, VIEW_EXTENT, true).lanes[0]?.grid.slice() ?? new Float32Array(0));
  }
  const snapshotMs: number[] = [];
  for (let i = 0; i < repeats + 3; i++) {
    trainer.train(1);
    const t0 = performance.now();
    trainer.snapshot(gridSize, VIEW_EXTENT, true);
    if (i >= 3) snapshotMs.push(performance.now() - t0);
  }
  const { model, parameters } = deserializeWeights(trainer.exportWeights());
  const mlp = new Mlp(model, 1, parameters);
  const x = tf.tensor2d(gridCoords(gridSize, VIEW_EXTENT), [gridSize * gridSize, 2]);
  const predictMs: number[] = [];
  let checksum = 0;
  for (let i = 0; i < repeats + 3; i++) {
    const t0 = performance.now();
    const probabilities = tf.tidy(() => new Float32Array(mlp.probabilities(x).dataSync()));
    if (i >= 3) predictMs.push(performance.now() - t0);
    checksum += probabilities[0] ?? 0;
  }
  if (!Number.isFinite(checksum)) throw new Error('the grid prediction is not finite');
  x.dispose();
  mlp.dispose();
  trainer.dispose();
  return {
    result: { predictMs, snapshotMs, grids, backend: tf.getBackend() },
    transfer: grids.map((g) => g.buffer),
  };
}

serve(async (request) => {
  await useWasmBackend();
  switch (request.type) {
    case 'memory':
      return { result: memory(request) };
    case 'predict':
      return predict(request);
    default:
      throw new Error(`the trainer worker does not run ${request.type}`);
  }
});
