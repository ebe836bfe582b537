/**
 * The vertical range of a chart from what it must show. Linear axes always include zero (so a
 * negative DWB or Poly-1 value is visible as such); log axes start at a fixed floor so curves
 * can be compared while a slider moves.
 */
export function yDomain(values: Iterable<number>, scale: 'linear' | 'log', logFloor: number): [number, number] {
  let lo = 0;
  let hi = 0;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (scale === 'log') return [logFloor, Math.max(hi, logFloor * 10)];
  if (hi === lo) return [lo, lo + 1];
  return [lo, hi];
}
