import { useCallback, useEffect, useRef, useState } from 'react';
import type {
  BackendName,
  FromWorker,
  ModelConfig,
  PackedPoints,
  SerializedWeights,
  Snapshot,
  TrainingConfig,
  WorkerErrorCode,
} from '../../model/protocol';
import { TrainingClient } from '../../model/trainingClient';
import type { BinaryLossId } from '../../losses/types';

export type SessionStatus =
  | { phase: 'starting' }
  | { phase: 'ready'; backend: BackendName; fellBackFrom?: BackendName; reason?: string }
  | { phase: 'diverged'; backend: BackendName; step: number }
  | { phase: 'error'; message: string; code?: WorkerErrorCode };

/** One lane's row of the training history: what the charts of loss and metrics over steps plot. */
export interface LanePoint {
  /** The training loss on the whole training set at this step. */
  loss: number;
  /** The loss trained with at this step: a teacher may switch it mid-run. */
  lossId: BinaryLossId;
  minorityRecall: number | null;
  precision: number | null;
  averagePrecision: number | null;
  ece: number | null;
  /** Training examples whose p_t crossed 0.5 since the previous snapshot (null for the first). */
  flips: number | null;
}

export interface HistoryPoint {
  step: number;
  lanes: LanePoint[];
}

const HISTORY_LIMIT = 1500;

/** Appends, and when the history is long keeps every other old point, so a long run stays cheap to draw. */
function appendHistory(history: HistoryPoint[], point: HistoryPoint): HistoryPoint[] {
  const last = history.at(-1);
  // Weights reset, or another number of lanes: a new run.
  if (last && (point.step < last.step || point.lanes.length !== last.lanes.length)) return [point];
  if (last && point.step === last.step) return [...history.slice(0, -1), point];
  const next = [...history, point];
  return next.length > HISTORY_LIMIT ? next.filter((_, i) => i % 2 === 0 || i === next.length - 1) : next;
}

interface Inputs {
  backend: BackendName;
  gridSize: number;
  extent: number;
  data: { train: PackedPoints; test: PackedPoints };
  model: ModelConfig;
  training: TrainingConfig;
  /**
   * Each lane's test metrics for the history (the caller knows the labels and threshold), given
   * the previous snapshot of this worker too (null for its first).
   */
  summarize(snapshot: Snapshot, previous: Snapshot | null): Omit<LanePoint, 'loss'>[] | null;
  /** When this changes the weights start over (a race's lanes); a change of `training` alone keeps them. */
  restartKey: string;
}

/** A copy, because posting transfers (empties) the buffers and the page still draws these points. */
const copyPoints = (p: PackedPoints): PackedPoints => ({ coords: p.coords.slice(), labels: p.labels.slice() });

/** What one worker has reported; a new backend starts a new run with a new worker. */
interface Run {
  backend: BackendName;
  status: SessionStatus;
  /** The worker's report that it is ready: what a reset or a new weights file returns to after an error. */
  ready: Extract<SessionStatus, { phase: 'ready' }> | null;
  snapshot: Snapshot | null;
  history: HistoryPoint[];
}

const freshRun = (backend: BackendName): Run => ({ backend, status: { phase: 'starting' }, ready: null, snapshot: null, history: [] });

/**
 * A reset or a new weights file starts over: whatever a command broke (an error) or training broke
 * (a divergence) is behind it, and if the worker fails again it says so again. No state of the
 * session needs a reload to leave.
 */
const startOver = (r: Run): Run => (r.ready && (r.status.phase === 'error' || r.status.phase === 'diverged') ? { ...r, status: r.ready } : r);

/** What the worker has been told; null for a worker that has been told nothing yet. */
interface Sent {
  data: Inputs['data'];
  modelKey: string;
  trainingKey: string;
  restartKey: string;
}

/**
 * One training worker for the classifier's lifetime (a new one when the backend changes). Settings
 * flow in as messages; snapshots flow back and are kept as React state at the worker's cadence.
 */
export function useTrainingSession({ backend, gridSize, extent, data, model, training, summarize, restartKey }: Inputs) {
  const clientRef = useRef<TrainingClient | null>(null);
  const sent = useRef<Sent | null>(null);
  const [run, setRun] = useState<Run>(() => freshRun(backend));
  const summarizeRef = useRef(summarize);
  useEffect(() => {
    summarizeRef.current = summarize;
  });
  const weightsWaiters = useRef<((w: SerializedWeights) => void)[]>([]);

  useEffect(() => {
    const client = new TrainingClient();
    clientRef.current = client;
    sent.current = null;
    // Reports of this worker belong to this backend's run; a run of another backend is replaced.
    const report = (change: (run: Run) => Partial<Run>) =>
      setRun((r) => {
        const current = r.backend === backend ? r : freshRun(backend);
        return { ...current, ...change(current) };
      });
    let previous: Snapshot | null = null;
    client.onMessage((message: FromWorker) => {
      switch (message.type) {
        case 'ready': {
          const ready = { phase: 'ready', backend: message.backend, fellBackFrom: message.fellBackFrom, reason: message.reason } as const;
          report(() => ({ status: ready, ready }));
          break;
        }
        case 'snapshot': {
          const { snapshot } = message;
          const summaries = summarizeRef.current(snapshot, previous);
          previous = snapshot;
          const point = summaries && snapshot.lanes.every((lane) => Number.isFinite(lane.loss))
            ? { step: snapshot.step, lanes: summaries.map((summary, k) => ({ ...summary, loss: snapshot.lanes[k]?.loss ?? Number.NaN })) }
            : null;
          // The worker starts over at step 0 only on a reset, a new model or imported weights: any
          // divergence is behind it (a diverged import reports 'diverged' again right after this).
          report((r) => ({
            snapshot,
            history: point ? appendHistory(r.history, point) : r.history,
            ...(r.status.phase === 'diverged' && snapshot.step === 0 ? { status: { phase: 'ready', backend: r.status.backend } } : {}),
          }));
          break;
        }
        case 'diverged':
          report((r) => ({
            status: { phase: 'diverged', backend: r.status.phase === 'ready' ? r.status.backend : backend, step: message.step },
          }));
          break;
        case 'weights':
          weightsWaiters.current.splice(0).forEach((resolve) => resolve(message.weights));
          break;
        case 'error':
          report(() => ({ status: { phase: 'error', message: message.message, code: message.code } }));
          break;
      }
    });
    client.send({ type: 'init', backend, gridSize, extent });
    return () => {
      client.dispose();
      clientRef.current = null;
    };
  }, [backend, gridSize, extent]);

  // Runs after the effect above (effects run in order), so a new worker gets everything at once;
  // the worker handles messages in order, so they can follow init without waiting for 'ready'.
  const modelKey = JSON.stringify(model);
  const trainingKey = JSON.stringify(training);
  useEffect(() => {
    const client = clientRef.current;
    if (!client) return;
    const told = sent.current;
    if (told?.modelKey !== modelKey) client.send({ type: 'setModel', model: JSON.parse(modelKey) as ModelConfig });
    if (told?.trainingKey !== trainingKey) {
      client.send({ type: 'setTraining', training: JSON.parse(trainingKey) as TrainingConfig });
    }
    if (told?.data !== data) client.send({ type: 'setData', train: copyPoints(data.train), test: copyPoints(data.test) });
    if (told && told.restartKey !== restartKey) client.send({ type: 'reset' });
    sent.current = { data, modelKey, trainingKey, restartKey };
  }, [backend, gridSize, extent, data, modelKey, trainingKey, restartKey]);

  const send = useCallback((message: Parameters<TrainingClient['send']>[0]) => clientRef.current?.send(message), []);
  /** Trains until paused, or until step `untilStep`. */
  const play = useCallback((untilStep?: number) => send({ type: 'play', untilStep }), [send]);
  const pause = useCallback(() => send({ type: 'pause' }), [send]);
  const step = useCallback((steps = 1) => send({ type: 'step', steps }), [send]);
  const reset = useCallback(() => {
    setRun(startOver);
    send({ type: 'reset' });
  }, [send]);
  const exportWeights = useCallback(
    () =>
      new Promise<SerializedWeights>((resolve) => {
        weightsWaiters.current.push(resolve);
        send({ type: 'exportWeights' });
      }),
    [send],
  );
  /** `model` is the configuration the page will show for these weights: no setModel follows for it. */
  const importWeights = useCallback(
    (weights: SerializedWeights, model: ModelConfig) => {
      if (sent.current) sent.current = { ...sent.current, modelKey: JSON.stringify(model) };
      setRun(startOver);
      send({ type: 'importWeights', weights });
    },
    [send],
  );

  const { status, snapshot, history } = run.backend === backend ? run : freshRun(backend);
  return { status, snapshot, history, play, pause, step, reset, exportWeights, importWeights };
}
