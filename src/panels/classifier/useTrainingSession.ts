import { useCallback, useEffect, useRef, useState } from 'react';
import type {
  BackendName,
  FromWorker,
  ModelConfig,
  PackedPoints,
  SerializedWeights,
  Snapshot,
  TrainingConfig,
} from '../../model/protocol';
import { TrainingClient } from '../../model/trainingClient';

export type SessionStatus =
  | { phase: 'starting' }
  | { phase: 'ready'; backend: BackendName; fellBackFrom?: BackendName; reason?: string }
  | { phase: 'diverged'; backend: BackendName; step: number }
  | { phase: 'error'; message: string };

/** One row of the training history: what the charts of loss and metrics over steps plot. */
export interface HistoryPoint {
  step: number;
  loss: number;
  minorityRecall: number | null;
  averagePrecision: number | null;
}

const HISTORY_LIMIT = 1500;

/** Appends, and when the history is long keeps every other old point, so a long run stays cheap to draw. */
function appendHistory(history: HistoryPoint[], point: HistoryPoint): HistoryPoint[] {
  const last = history.at(-1);
  if (last && point.step < last.step) return [point]; // weights were reset: a new run
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
  /** The test metrics of a snapshot, for the history (the caller knows the labels and threshold). */
  summarize(snapshot: Snapshot): Omit<HistoryPoint, 'step' | 'loss'>;
}

/** A copy, because posting transfers (empties) the buffers and the page still draws these points. */
const copyPoints = (p: PackedPoints): PackedPoints => ({ coords: p.coords.slice(), labels: p.labels.slice() });

/**
 * One training worker for the classifier's lifetime (a new one when the backend changes). Settings
 * flow in as messages; snapshots flow back and are kept as React state at the worker's cadence.
 */
export function useTrainingSession({ backend, gridSize, extent, data, model, training, summarize }: Inputs) {
  const clientRef = useRef<TrainingClient | null>(null);
  const [status, setStatus] = useState<SessionStatus>({ phase: 'starting' });
  const [snapshot, setSnapshot] = useState<Snapshot | null>(null);
  const [history, setHistory] = useState<HistoryPoint[]>([]);
  const summarizeRef = useRef(summarize);
  useEffect(() => {
    summarizeRef.current = summarize;
  });
  const weightsWaiters = useRef<((w: SerializedWeights) => void)[]>([]);

  const modelKey = JSON.stringify(model);
  const trainingKey = JSON.stringify(training);
  const latest = useRef({ data, modelKey, trainingKey });
  latest.current = { data, modelKey, trainingKey };

  useEffect(() => {
    const client = new TrainingClient();
    clientRef.current = client;
    setStatus({ phase: 'starting' });
    setSnapshot(null);
    setHistory([]);
    let activeBackend: BackendName = backend;
    client.onMessage((message: FromWorker) => {
      switch (message.type) {
        case 'ready':
          activeBackend = message.backend;
          setStatus({ phase: 'ready', backend: message.backend, fellBackFrom: message.fellBackFrom, reason: message.reason });
          break;
        case 'snapshot': {
          const { step, loss } = message.snapshot;
          setSnapshot(message.snapshot);
          if (Number.isFinite(loss)) {
            setHistory((h) => appendHistory(h, { step, loss, ...summarizeRef.current(message.snapshot) }));
          }
          break;
        }
        case 'diverged':
          setStatus({ phase: 'diverged', backend: activeBackend, step: message.step });
          break;
        case 'weights':
          weightsWaiters.current.splice(0).forEach((resolve) => resolve(message.weights));
          break;
        case 'error':
          setStatus({ phase: 'error', message: message.message });
          break;
      }
    });
    // The worker handles messages in order, so the first data and settings can follow init at once.
    const { data: firstData, modelKey: firstModel, trainingKey: firstTraining } = latest.current;
    client.send({ type: 'init', backend, wasmPaths: {}, gridSize, extent });
    client.send({ type: 'setModel', model: JSON.parse(firstModel) as ModelConfig });
    client.send({ type: 'setTraining', training: JSON.parse(firstTraining) as TrainingConfig });
    client.send({ type: 'setData', train: copyPoints(firstData.train), test: copyPoints(firstData.test) });
    return () => {
      client.dispose();
      clientRef.current = null;
    };
  }, [backend, gridSize, extent]);

  const sent = useRef({ data, modelKey, trainingKey });
  useEffect(() => {
    const client = clientRef.current;
    if (!client) return;
    if (sent.current.modelKey !== modelKey) {
      client.send({ type: 'setModel', model: JSON.parse(modelKey) as ModelConfig });
    }
    if (sent.current.trainingKey !== trainingKey) {
      client.send({ type: 'setTraining', training: JSON.parse(trainingKey) as TrainingConfig });
    }
    if (sent.current.data !== data) {
      client.send({ type: 'setData', train: copyPoints(data.train), test: copyPoints(data.test) });
    }
    sent.current = { data, modelKey, trainingKey };
  }, [data, modelKey, trainingKey]);

  const send = useCallback((message: Parameters<TrainingClient['send']>[0]) => clientRef.current?.send(message), []);
  const play = useCallback(() => send({ type: 'play' }), [send]);
  const pause = useCallback(() => send({ type: 'pause' }), [send]);
  const step = useCallback((steps = 1) => send({ type: 'step', steps }), [send]);
  const reset = useCallback(() => {
    setStatus((s) => (s.phase === 'diverged' ? { phase: 'ready', backend: s.backend } : s));
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
  const importWeights = useCallback((weights: SerializedWeights) => send({ type: 'importWeights', weights }), [send]);

  return { status, snapshot, history, play, pause, step, reset, exportWeights, importWeights };
}
