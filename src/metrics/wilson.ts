/**
 * The Wilson score interval for a proportion (Wilson 1927; Brown, Cai & DasGupta, Statistical
 * Science 2001, who recommend it over the textbook p ± z·√(p(1−p)/n) for small n or p near 0 or 1,
 * where that one leaves [0, 1] or collapses to a point). With 20 minority test examples a recall of
 * 12/20 = 0.600 is, at 95 %, anywhere from 0.387 to 0.781: the interval says so.
 */

/** z for a two-sided 95 % interval: Φ⁻¹(0.975). */
export const Z_95 = 1.959963984540054;

export interface Interval {
  low: number;
  high: number;
}

/** The interval for `successes` out of `trials`; null when there are no trials (no proportion at all). */
export function wilsonInterval(successes: number, trials: number, z = Z_95): Interval | null {
  if (!(trials > 0) || !(successes >= 0) || successes > trials) return null;
  const p = successes / trials;
  const z2n = (z * z) / trials;
  const centre = (p + z2n / 2) / (1 + z2n);
  const half = (z / (1 + z2n)) * Math.sqrt((p * (1 - p)) / trials + z2n / (4 * trials));
  // Clamped: at p = 0 or 1 the bound is exactly 0 or 1, up to rounding.
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}
