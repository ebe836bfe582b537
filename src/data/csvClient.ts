/**
 * The page's way to read a CSV file: in a worker (csvWorker.ts), so that a large file never blocks
 * the page, one worker per file, ended as soon as its answer arrives or the read is aborted (a newer
 * file was chosen, the panel closed).
 */
import type { Label } from '../losses/types';
import type { CsvError, CsvParseResult } from './csv';

/**
 * Besides parseCsv's problems: readFailed, the worker could not read the file (moved or deleted
 * since it was chosen); workerFailed, the worker did not start or its answer could not be read.
 * `detail` is the browser's text, for whoever can make sense of it.
 */
export type CsvReadError = CsvError | { line: 0; code: 'readFailed' | 'workerFailed'; detail: string };
export type CsvReadResult = Extract<CsvParseResult, { points: unknown }> | { error: CsvReadError };

/** What the worker posts back: the points packed (x0, y0, x1, y1, … as float64, so exact), or the problem. */
export type CsvWorkerReply = { coords: Float64Array; labels: Uint8Array } | { error: CsvReadError };

/** The part of a Worker used here, so tests can stand in for one. */
export type CsvWorkerLike = Pick<Worker, 'postMessage' | 'terminate' | 'onmessage' | 'onerror' | 'onmessageerror'>;

const startWorker = (): CsvWorkerLike => new Worker(new URL('./csvWorker.ts', import.meta.url), { type: 'module', name: 'csv' });

function unpack({ coords, labels }: { coords: Float64Array; labels: Uint8Array }): CsvReadResult {
  const points = Array.from(labels, (label, i) => ({ x: coords[2 * i] as number, y: coords[2 * i + 1] as number, label: label as Label }));
  return { points };
}

const failed = (detail: string): CsvReadResult => ({ error: { line: 0, code: 'workerFailed', detail } });

/**
 * The file's points or what is wrong with them, never a rejection for a bad file or a broken worker.
 * An abort ends the worker and rejects with the signal's reason: the caller asked for nothing more.
 */
export function readCsvFile(file: File, { signal, createWorker = startWorker }: { signal?: AbortSignal; createWorker?: () => CsvWorkerLike } = {}): Promise<CsvReadResult> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    let worker: CsvWorkerLike;
    try {
      worker = createWorker();
    } catch (error) {
      resolve(failed(error instanceof Error ? error.message : String(error)));
      return;
    }
    const finish = (settle: () => void) => {
      worker.terminate();
      signal?.removeEventListener('abort', onAbort);
      settle();
    };
    const onAbort = () => finish(() => reject(signal?.reason));
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.onmessage = (event: MessageEvent<CsvWorkerReply>) => finish(() => resolve('coords' in event.data ? unpack(event.data) : event.data));
    // The script did not load (offline before it was cached, a policy) or threw outside read().
    worker.onerror = (event: ErrorEvent | Event) => {
      event.preventDefault();
      finish(() => resolve(failed(('message' in event && event.message) || 'the CSV worker failed to start')));
    };
    worker.onmessageerror = () => finish(() => resolve(failed('the CSV worker’s answer could not be read')));
    worker.postMessage(file);
  });
}
