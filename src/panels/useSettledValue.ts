import { useEffect, useState } from 'react';

/**
 * The value once it has stopped changing for `delayMs`. Typesetting a formula takes longer than a
 * frame, so formulas follow a slider when the hand pauses instead of on every step of a drag.
 */
export function useSettledValue<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), delayMs);
    return () => window.clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}
