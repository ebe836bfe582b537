import { lazy } from 'react';
import type { ComponentType } from 'react';

/** A lazily loaded view's code did not arrive: a network failure, or its file is gone after a deploy. */
export class ChunkLoadError extends Error {
  /** Prepares a fresh import for the next render; ErrorBoundary calls it on "Try again". */
  readonly retry: () => void;

  constructor(cause: unknown, retry: () => void) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = 'ChunkLoadError';
    this.retry = retry;
  }
}

/**
 * React.lazy whose failure can be retried. React.lazy keeps a rejected import for ever, so "Try
 * again" would only rethrow it; here the failure carries a retry() that swaps in a new React.lazy,
 * whose first render calls import() again (browsers refetch a module whose fetch failed).
 */
export function lazyWithRetry<P extends object>(load: () => Promise<{ default: ComponentType<P> }>): ComponentType<P> {
  const attempt = () =>
    lazy(() =>
      load().catch((cause: unknown) => {
        throw new ChunkLoadError(cause, retry);
      }),
    );
  let current = attempt();
  function retry() {
    current = attempt();
  }
  function LazyWithRetry(props: P) {
    const Current = current;
    return <Current {...props} />;
  }
  return LazyWithRetry;
}
