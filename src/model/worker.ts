/**
 * The training worker: owns the tfjs backend and the Trainer, and speaks protocol.ts.
 *
 * While playing it trains in slices of ~30 ms and then yields, so pause, setTraining and the rest
 * are handled within one slice; it posts a snapshot about every 100 ms (less often if snapshots
 * get expensive) and after every command that changes what the page shows. Messages are handled
 * strictly in order: the page may send setModel, setTraining and setData right after init.
 */
import { startBackend } from './backend';
import type { FromWorker, Snapshot, ToWorker } from './protocol';
import { Trainer } from './trainer';

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
let running = false;
/** Where a 'play' with untilStep stops; Infinity while playing freely. */
let untilStep = Infinity;
let sliceScheduled = false;
let stepsPerChunk = 1;
let lastSnapshotAt = 0;
let snapshotIntervalMs = SNAPSHOT_INTERVAL_MS;
let reportedDivergence = false;

function post(message: FromWorker, transfer: Transferable[] = []): void {
  scope.postMessage(message, transfer);
}

function reportError(error: unknown): void {
  const text = error instanceof Error ? error.message : String(error);
  post({ type: 'error', message: text || 'unknown error in the training worker' });
}

function requireTrainer(): Trainer {
  if (!trainer) throw new Error('the training worker got a command before init');
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
  if (!running || !trainer) return;
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
    if (trainer.step >= untilStep) running = false;
    if (!running || trainer.diverged || performance.now() - lastSnapshotAt >= snapshotIntervalMs) postSnapshot();
  } catch (error) {
    running = false;
    reportError(error);
  }
  if (running) scheduleSlice();
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
      current.setModel(message.model);
      postSnapshot();
      break;
    case 'setTraining':
      current.setTraining(message.training);
      // While playing the next periodic snapshot shows it; while paused, show the new loss now.
      if (!running) postSnapshot();
      break;
    case 'play':
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
      running = false;
      postSnapshot();
      break;
    case 'step':
      current.train(message.steps);
      postSnapshot();
      break;
    case 'reset':
      current.reset();
      postSnapshot();
      break;
    case 'exportWeights':
      post({ type: 'weights', weights: current.exportWeights() });
      break;
    case 'importWeights':
      current.importWeights(message.weights);
      postSnapshot();
      break;
    default:
      throw new Error(`unknown message type "${(message as { type?: unknown }).type}"`);
  }
}

// A chain, so an init that is still loading wasm holds back the commands sent after it.
let pending: Promise<void> = Promise.resolve();
scope.onmessage = (event: MessageEvent<ToWorker>) => {
  pending = pending.then(() => handle(event.data)).catch(reportError);
};
scope.addEventListener('unhandledrejection', (event: PromiseRejectionEvent) => reportError(event.reason));
