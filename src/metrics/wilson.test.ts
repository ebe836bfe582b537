import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wilsonInterval } from './wilson';

describe('the Wilson interval', () => {
  it('matches published values', () => {
    // statsmodels.stats.proportion.proportion_confint(12, 20, method='wilson') = (0.38658, 0.78119)
    const twelveOfTwenty = wilsonInterval(12, 20);
    expect(twelveOfTwenty?.low).toBeCloseTo(0.38658, 5);
    expect(twelveOfTwenty?.high).toBeCloseTo(0.78119, 5);
    // 0 of 20: [0, z²/(n + z²)] = [0, 0.16113], where the textbook interval would collapse to [0, 0].
    expect(wilsonInterval(0, 20)?.low).toBe(0);
    expect(wilsonInterval(0, 20)?.high).toBeCloseTo(0.16113, 5);
    expect(wilsonInterval(20, 20)?.high).toBe(1);
  });

  it('is null without trials and for impossible counts', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(wilsonInterval(3, 2)).toBeNull();
  });

  it('holds the observed proportion, stays in [0, 1], and narrows as the sample grows', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.double({ min: 0, max: 1, noNaN: true }), (trials, share) => {
        const successes = Math.round(share * trials);
        const small = wilsonInterval(successes, trials);
        const large = wilsonInterval(successes * 4, trials * 4);
        const p = successes / trials;
        expect(small && large).toBeTruthy();
        if (!small || !large) return;
        expect(small.low).toBeGreaterThanOrEqual(0);
        expect(small.high).toBeLessThanOrEqual(1);
        expect(small.low).toBeLessThanOrEqual(p + 1e-12);
        expect(small.high).toBeGreaterThanOrEqual(p - 1e-12);
        expect(large.high - large.low).toBeLessThan(small.high - small.low + 1e-12);
      }),
    );
  });
});
