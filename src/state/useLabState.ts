import { useCallback, useEffect, useState } from 'react';
import type { LabState } from './labState';
import { serializeUrl } from './url';

const URL_WRITE_DELAY_MS = 200;

/**
 * The lab's one store. Every change is mirrored into the address bar (replaceState, a moment later
 * so a slider drag doesn't flood the history API), so reload and shared links restore it. Only
 * what differs from `defaults` (this browser's defaults, e.g. its language) is written.
 */
export function useLabState(initial: LabState, defaults: LabState) {
  const [state, setState] = useState(initial);
  const update = useCallback((patch: Partial<LabState>) => setState((s) => ({ ...s, ...patch })), []);

  useEffect(() => {
    const timer = window.setTimeout(() => {
      const url = `${window.location.pathname}${serializeUrl(state, defaults)}${window.location.hash}`;
      window.history.replaceState(null, '', url);
    }, URL_WRITE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [state, defaults]);

  return [state, update] as const;
}
