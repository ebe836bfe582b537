/**
 * The training worker: owns the tfjs backend and the Trainer, and speaks protocol.ts.
 *
 * It trains in slices of ~30 ms and then yields, so pause, reset, setTraining and the rest are
 * handled within one slice, however many steps are asked for. While playing it posts a snapshot
 * about every 100 ms (less often if snapshots get expensive); "+N steps" posts one when the N steps
 * are done (clicks add up); every command that changes what the page shows posts one too. Messages
 * are handled strictly in order: the page may send setModel, setTraining and setData after init.
 */
import { startBackend } from './backend';
import type { FromWorker, Snapshot, ToWorker, WorkerErrorCode } from './protocol';
import { shownValue } from './shapes';
import { Trainer } from './trainer';
import { WeightsError } from './weights';
import { WorkerError } from './workerError';

const scope = self as unknown as DedicatedWorkerGlobalScope;

const SLICE_MS = 30;
const SNAPSHOT_INTERVAL_MS = 100;
/** Snapshots may take at most about this share of the time while playing. */
const SNAPSHOT_SHARE = 0.25;
/** Check the clock about this often inside a slice. */
const CHUNK_MS = 2;

let trainer: Trainer | null = null;
let gridSize = 100;
let extent = 1.3;
/** Playing: periodic snapshots, until paused or `untilStep`. */
let running = false;
/** Working off "+N steps": a snapshot only at the end. */
let stepping = false;
/** Where playing (Infinity: until paused) or stepping stops. */
let untilStep = Infinity;
let sliceScheduled = false;
let stepsPerChunk = 1;
let lastSnapshotAt = 0;
let snapshotIntervalMs = SNAPSHOT_INTERVAL_MS;
let reportedDivergence = false;

function post(message: FromWorker, transfer: Transferable[] = []): void {
  scope.postMessage(message, transfer);
}

/** The code the page translates, when the error is one it can word for a person. */
function codeOf(error: unknown): WorkerErrorCode | undefined {
  if (error instanceof WorkerError) return error.code;
  // The page checks a weights file before sending it; this is the same check, failing here anyway.
  if (error instanceof WeightsError) return 'badWeights';
  return undefined;
}

function reportError(error: unknown): void {
  const text = error instanceof Error ? error.message : String(error);
  const code = codeOf(error);
  post({ type: 'error', message: text || 'unknown error in the training worker', ...(code ? { code } : {}) });
}

function requireTrainer(): Trainer {
  if (!trainer) throw new WorkerError('notStarted', 'the training worker got a command before init');
  return trainer;
}

/** Posts what the page draws (when there is a model to draw), and 'diverged' once if it happened. */
function postSnapshot(): void {
  const current = requireTrainer();
  if (!current.modelConfig) return;
  const started = performance.now();
  const snapshot: Snapshot = current.snapshot(gridSize, extent, running);
  lastSnapshotAt = performance.now();
  snapshotIntervalMs = Math.max(SNAPSHOT_INTERVAL_MS, (lastSnapshotAt - started) / SNAPSHOT_SHARE);
  if (current.diverged) {
    running = false;
    snapshot.running = false;
  }
  // Every lane's logits and grid are views of three buffers: each is handed over once.
  const buffers = new Set(
    snapshot.lanes.flatMap((lane) => [lane.trainLogits.buffer, lane.testLogits.buffer, lane.grid.buffer, ...(lane.pointWeights ? [lane.pointWeights.buffer] : [])]),
  );
  post({ type: 'snapshot', snapshot }, [...buffers].filter((buffer) => buffer instanceof ArrayBuffer));
  if (current.diverged && !reportedDivergence) post({ type: 'diverged', step: current.step });
  reportedDivergence = current.diverged;
}

/** Yields to the event loop without setTimeout's ≥ 4 ms clamp on nested timers. */
const channel = new MessageChannel();
channel.port1.onmessage = runSlice;

function scheduleSlice(): void {
  if (sliceScheduled) return;
  sliceScheduled = true;
  channel.port2.postMessage(null);
}

function runSlice(): void {
  sliceScheduled = false;
  if ((!running && !stepping) || !trainer) return;
  try {
    const sliceEnd = performance.now() + SLICE_MS;
    for (let now = performance.now(); now < sliceEnd && !trainer.diverged && trainer.step < untilStep; ) {
      trainer.train(Math.min(stepsPerChunk, untilStep - trainer.step));
      const after = performance.now();
      // Aim at CHUNK_MS per clock check, whatever a step costs (a full batch of 20,000 or 32 points).
      const msPerStep = (after - now) / stepsPerChunk;
      stepsPerChunk = Math.max(1, Math.min(256, Math.round(CHUNK_MS / Math.max(msPerStep, 1e-3))));
      now = after;
    }
    const done = trainer.step >= untilStep || trainer.diverged;
    if (done) running = stepping = false;
    if (done || (running && performance.now() - lastSnapshotAt >= snapshotIntervalMs)) postSnapshot();
  } catch (error) {
    running = stepping = false;
    reportError(error);
  }
  if (running || stepping) scheduleSlice();
}

async function handle(message: ToWorker): Promise<void> {
  if (message.type === 'init') {
    const choice = await startBackend(message.backend);
    trainer?.dispose();
    // Created only now: its first tensor would otherwise start tfjs's default backend.
    trainer = new Trainer();
    gridSize = message.gridSize;
    extent = message.extent;
    post({ type: 'ready', ...choice });
    return;
  }
  const current = requireTrainer();
  switch (message.type) {
    case 'setData':
      current.setData(message.train, message.test);
      postSnapshot();
      break;
    case 'setModel':
      stepping = false; // the steps asked for belonged to other weights
      current.setModel(message.model);
      postSnapshot();
      break;
    case 'setTraining':
      current.setTraining(message.training);
      // While playing the next periodic snapshot shows it; while paused, show the new loss now.
      if (!running) postSnapshot();
      break;
    case 'play':
      stepping = false;
      untilStep = message.untilStep ?? Infinity;
      if (current.diverged) {
        post({ type: 'diverged', step: current.step });
      } else if (current.step >= untilStep) {
        postSnapshot();
      } else if (!running) {
        running = true;
        lastSnapshotAt = performance.now();
        scheduleSlice();
      }
      break;
    case 'pause':
      running = stepping = false;
      postSnapshot();
      break;
    case 'step':
      // Clicks that arrive while earlier ones are still training add up.
      if (running) break;
      untilStep = (stepping ? untilStep : current.step) + message.steps;
      stepping = true;
      scheduleSlice();
      break;
    case 'reset':
      // Steps asked for belong to the weights that are gone.
      stepping = false;
      current.reset();
      postSnapshot();
      break;
    case 'exportWeights':
      post({ type: 'weights', weights: current.exportWeights() });
      break;
    case 'importWeights':
      current.importWeights(message.weights);
      stepping = false;
      postSnapshot();
      break;
    default:
      throw new WorkerError('unknownMessage', `unknown message type ${shownValue((message as { type?: unknown }).type)}`);
  }
}

// A chain, so an init that is still loading wasm holds back the commands sent after it.
let pending: Promise<void> = Promise.resolve();
scope.onmessage = (event: MessageEvent<ToWorker>) => {
  pending = pending.then(() => handle(event.data)).catch(reportError);
};
scope.addEventListener('unhandledrejection', (event: PromiseRejectionEvent) => reportError(event.reason));
