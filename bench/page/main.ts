/**
 * The bench page. bench/run.mjs opens it in headless Chromium and calls window.imbalanceBench, one
 * measurement at a time, so that no two loops share the machine's two cores. Every training loop
 * runs in a Web Worker on the same 2,000 training points from the app's own generator.
 */
import { createBoundaryMap, type BoundaryFrame } from '../../src/charts/boundaryMap';
import { generateDataset, packPoints, VIEW_EXTENT } from '../../src/data';
import type { FromWorker, PackedPoints } from '../../src/model/protocol';
import { TrainingClient } from '../../src/model/trainingClient';
import {
  modelConfig,
  RACE_LOSSES,
  trainingConfig,
  type LoopResult,
  type LoopTiming,
  type MemoryRequest,
  type MemoryResult,
  type PredictRequest,
  type PredictResult,
  type WorkerReply,
  type WorkerRequest,
} from './shared';

/** The data set: blobs, 1 : 10, 2,000 training points (and as many test points), seed 1. */
const dataset = generateDataset({ shape: 'blobs', ratio: 10, size: 2000, noise: 0.3, labelNoise: 0, seed: 1 });
const train = packPoints(dataset.train);
const test = packPoints(dataset.test);
const copy = (p: PackedPoints): PackedPoints => ({ coords: p.coords.slice(), labels: p.labels.slice() });

/** Sends one request to a fresh worker, waits for its one reply, and ends the worker. */
function runWorker<T>(worker: Worker, request: WorkerRequest, timeoutMs: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const finish = (settle: () => void) => {
      clearTimeout(timer);
      worker.terminate();
      settle();
    };
    const timer = setTimeout(() => finish(() => reject(new Error(`${request.type}: no reply within ${timeoutMs} ms`))), timeoutMs);
    worker.onmessage = (event: MessageEvent<WorkerReply<T>>) => {
      const reply = event.data;
      finish(() => (reply.type === 'result' ? resolve(reply.result) : reject(new Error(reply.message))));
    };
    worker.onerror = (event) => finish(() => reject(new Error(`${request.type}: worker failed: ${event.message || 'could not load'}`)));
    worker.postMessage(request);
  });
}

const loopTimeout = (timing: LoopTiming) => timing.warmUpMs + timing.measureMs + 30_000;

function yardstick(timing: LoopTiming): Promise<LoopResult> {
  const worker = new Worker(new URL('./yardstick.worker.ts', import.meta.url), { type: 'module' });
  return runWorker(worker, { type: 'loop', train: copy(train), timing }, loopTimeout(timing));
}

function bareTf(timing: LoopTiming): Promise<LoopResult> {
  const worker = new Worker(new URL('./bareTf.worker.ts', import.meta.url), { type: 'module' });
  return runWorker(worker, { type: 'loop', train: copy(train), timing }, loopTimeout(timing));
}

/** The app's grid size (ClassifierView's GRID_SIZE), for the snapshots the real worker posts. */
const APP_GRID_SIZE = 100;

export interface AppLoopResult {
  /** Δstep / Δt between two snapshots as they arrive on the page: training, snapshots and yields. */
  stepsPerSecond: number;
  /** The worker's own figure (time inside Trainer.train only), averaged over the same steps. */
  reportedStepsPerSecond: number;
  steps: number;
  ms: number;
  snapshots: number;
  /** The whole training set's loss at step 0 (the first snapshot with data), then the mean batch loss over the last snapshot's steps. */
  lossFirst: number;
  lossLast: number;
  backend: string;
}

/**
 * The app's training loop itself: the real worker (src/model/worker.ts) through TrainingClient,
 * with the messages the classifier view sends, playing; timed from the snapshots it posts.
 */
async function app(timing: LoopTiming): Promise<AppLoopResult> {
  const client = new TrainingClient();
  const seen: { at: number; step: number; stepsPerSecond: number; loss: number }[] = [];
  let backend = '';
  let failure = '';
  client.onMessage((message: FromWorker) => {
    if (message.type === 'ready') backend = message.backend;
    else if (message.type === 'snapshot') {
      const { step, stepsPerSecond, lanes } = message.snapshot;
      seen.push({ at: performance.now(), step, stepsPerSecond, loss: lanes[0]?.loss ?? Number.NaN });
    } else if (message.type === 'error') failure = message.message;
    else if (message.type === 'diverged') failure = `diverged at step ${message.step}`;
  });
  const until = async (done: () => boolean, timeoutMs: number, what: string) => {
    const end = performance.now() + timeoutMs;
    while (!done()) {
      if (failure) throw new Error(`app worker: ${failure}`);
      if (performance.now() > end) throw new Error(`app worker: ${what} within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };
  try {
    client.send({ type: 'init', backend: 'wasm', gridSize: APP_GRID_SIZE, extent: VIEW_EXTENT });
    client.send({ type: 'setModel', model: modelConfig() });
    client.send({ type: 'setTraining', training: trainingConfig(timing.batchSize, undefined, timing.losses) });
    client.send({ type: 'setData', train: copy(train), test: copy(test) });
    await until(() => backend !== '' && seen.length > 0, 30_000, 'no ready and snapshot');
    if (backend !== 'wasm') throw new Error(`app worker runs on ${backend}, not wasm`);
    client.send({ type: 'play' });
    const warmUpEnd = performance.now() + timing.warmUpMs;
    await until(() => performance.now() >= warmUpEnd, timing.warmUpMs + 1000, 'warm-up');
    const from = seen.length;
    await until(() => seen.length > from, 5000, 'no snapshot while playing');
    const first = seen.length - 1;
    const measureEnd = performance.now() + timing.measureMs;
    await until(() => performance.now() >= measureEnd && seen.length > first + 1, timing.measureMs + 5000, 'no snapshot at the end');
    client.send({ type: 'pause' });
    const start = seen[first];
    const window = seen.slice(first + 1);
    const end = window.at(-1);
    if (!start || !end) throw new Error('app worker: no snapshots to time');
    const steps = end.step - start.step;
    const ms = end.at - start.at;
    // Σ steps / Σ (steps / rate): the rate over all the steps, as if timed in one piece.
    let previous = start.step;
    let trainingMs = 0;
    for (const s of window) {
      if (s.stepsPerSecond > 0) trainingMs += (1000 * (s.step - previous)) / s.stepsPerSecond;
      previous = s.step;
    }
    return {
      stepsPerSecond: (1000 * steps) / ms,
      reportedStepsPerSecond: trainingMs > 0 ? (1000 * steps) / trainingMs : Number.NaN,
      steps,
      ms,
      snapshots: window.length,
      lossFirst: seen.find((s) => Number.isFinite(s.loss))?.loss ?? Number.NaN,
      lossLast: end.loss,
      backend,
    };
  } finally {
    client.dispose();
  }
}

const trainerWorker = () => new Worker(new URL('./trainer.worker.ts', import.meta.url), { type: 'module' });

function memory(options: Omit<MemoryRequest, 'type' | 'train' | 'test'>): Promise<MemoryResult> {
  return runWorker(trainerWorker(), { type: 'memory', train: copy(train), test: copy(test), ...options }, 120_000);
}

const frameEnd = () =>
  new Promise<void>((resolve) => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(null);
    });
  });

export interface PredictPaintResult extends PredictResult {
  /** ms from the start of a frame's map.update(new grid) to the end of that frame (style, layout, paint). */
  paintMs: number[];
  /** ms inside map.update alone. */
  updateMs: number[];
  size: number;
  devicePixelRatio: number;
}

/**
 * Grid prediction in the app's Trainer (worker), then the boundary map painting those grids on
 * this page. Each paint starts inside a requestAnimationFrame callback, as a snapshot's redraw
 * does, and ends in a task posted from it, which runs once the frame is painted (as in run.mjs).
 */
async function predictPaint(options: {
  gridSize: number;
  repeats: number;
  grids: number;
  paints: number;
  warmUpPaints: number;
  size: number;
  threshold: number;
}): Promise<Omit<PredictPaintResult, 'grids'>> {
  const request: PredictRequest = {
    type: 'predict',
    train: copy(train),
    test: copy(test),
    gridSize: options.gridSize,
    batchSize: 64,
    repeats: options.repeats,
    grids: options.grids,
  };
  const predicted = await runWorker<PredictResult>(trainerWorker(), request, 120_000);
  const container = document.getElementById('map');
  if (!container) throw new Error('no #map container');
  const map = createBoundaryMap(container, {});
  const base: Omit<BoundaryFrame, 'grid'> = {
    size: options.size,
    extent: VIEW_EXTENT,
    gridSize: options.gridSize,
    threshold: options.threshold,
    train: { coords: train.coords, labels: train.labels, weights: null },
    test: null,
    showContours: true,
  };
  const paintMs: number[] = [];
  const updateMs: number[] = [];
  try {
    // A new array each paint, as every snapshot brings, so the map redraws heatmap and contours.
    const grids = Array.from({ length: options.warmUpPaints + options.paints }, (_, i) => {
      const grid = predicted.grids[i % predicted.grids.length];
      if (!grid) throw new Error('the worker sent no grid');
      return grid.slice();
    });
    await frameEnd();
    for (const [i, grid] of grids.entries()) {
      const [paint, update] = await new Promise<[number, number]>((resolve) => {
        requestAnimationFrame(() => {
          const t0 = performance.now();
          const channel = new MessageChannel();
          let inUpdate = 0;
          channel.port1.onmessage = () => resolve([performance.now() - t0, inUpdate]);
          channel.port2.postMessage(null);
          map.update({ ...base, grid });
          inUpdate = performance.now() - t0;
        });
      });
      if (i >= options.warmUpPaints) {
        paintMs.push(paint);
        updateMs.push(update);
      }
    }
  } finally {
    map.destroy();
  }
  const { predictMs, snapshotMs, backend } = predicted;
  return { predictMs, snapshotMs, backend, paintMs, updateMs, size: options.size, devicePixelRatio: window.devicePixelRatio };
}

/** The app's worker training a four-lane race (RACE_LOSSES) on the same workload. */
const race = (timing: LoopTiming) => app({ ...timing, losses: RACE_LOSSES });
const raceMemory = (options: Omit<MemoryRequest, 'type' | 'train' | 'test' | 'losses'>) => memory({ ...options, losses: RACE_LOSSES });

const api = {
  app,
  race,
  yardstick,
  bareTf,
  memory,
  raceMemory,
  predictPaint,
  points: { train: train.labels.length, test: test.labels.length },
  raceLosses: RACE_LOSSES,
};
export type BenchApi = typeof api;

declare global {
  interface Window {
    imbalanceBench?: BenchApi;
  }
}
window.imbalanceBench = api;
