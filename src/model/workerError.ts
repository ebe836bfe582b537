import type { WorkerErrorCode } from './protocol';

/** An error the page can explain in the reader's language: its code travels with the message. */
export class WorkerError extends Error {
  constructor(
    readonly code: WorkerErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'WorkerError';
  }
}
