import { useCallback, useEffect, useRef, useState } from 'react';

/** How long "Copied" or "Copy failed" shows before the button reads as before. */
const COPY_MESSAGE_MS = 2500;

export type CopyState = 'idle' | 'copied' | 'failed';

/**
 * Copies text and says how it went for a few seconds. The clipboard API is missing on plain-http
 * pages other than localhost and may be refused: callers then keep the text where it can be selected.
 */
export function useClipboard(): [CopyState, (text: string) => void] {
  const [state, setState] = useState<CopyState>('idle');
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  const copy = useCallback((text: string) => {
    const show = (outcome: CopyState) => {
      setState(outcome);
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => setState('idle'), COPY_MESSAGE_MS);
    };
    if (!navigator.clipboard) return show('failed');
    navigator.clipboard.writeText(text).then(
      () => show('copied'),
      () => show('failed'),
    );
  }, []);
  return [state, copy];
}
