/**
 * The page's handle on the training worker: typed messages both ways (protocol.ts).
 */
import type { FromWorker, ToWorker } from './protocol';

export type TrainingMessageHandler = (message: FromWorker) => void;

/** The buffers a message can hand over instead of copying (20,000 points × 2 sets add up). */
function transferables(message: ToWorker): ArrayBuffer[] {
  if (message.type !== 'setData') return [];
  const views = [message.train.coords, message.train.labels, message.test.coords, message.test.labels];
  // A buffer may back several views; listing it twice makes postMessage throw.
  return [...new Set(views.map((view) => view.buffer))].filter((buffer) => buffer instanceof ArrayBuffer);
}

export class TrainingClient {
  private readonly worker: Worker;
  private readonly handlers = new Set<TrainingMessageHandler>();

  constructor() {
    this.worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'training' });
    this.worker.onmessage = (event: MessageEvent<FromWorker>) => this.emit(event.data);
    // The worker script failed to load or threw outside a handler: say so instead of going quiet.
    this.worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      this.emit({ type: 'error', code: 'workerFailed', message: `training worker: ${event.message || 'failed to start'}` });
    };
    this.worker.onmessageerror = () =>
      this.emit({ type: 'error', code: 'unreadableMessage', message: 'training worker: a message could not be read' });
  }

  /**
   * Posts a command. setData transfers its arrays' buffers, which are empty afterwards: send copies
   * of points the page still needs.
   */
  send(message: ToWorker): void {
    this.worker.postMessage(message, transferables(message));
  }

  /** Calls `handler` for every message from the worker; returns a function that stops it. */
  onMessage(handler: TrainingMessageHandler): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }

  /** Stops the worker (and its training) at once. */
  dispose(): void {
    this.worker.terminate();
    this.handlers.clear();
  }

  private emit(message: FromWorker): void {
    this.handlers.forEach((handler) => handler(message));
  }
}
