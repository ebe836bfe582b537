import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { binaryLosses, binaryLossIds } from './index';
import { logit } from './stable';
import {
  label,
  largestClassWeight,
  largestEffectiveNumberWeight,
  largestLdamScale,
  lossParamArbitraries,
} from './testSupport';
import type { BinaryLossId, Label, LossParamsById, ResolvedParams } from './types';

const everyLossId = binaryLossIds.map((id) => ({ id }));

/**
 * Central difference with step h = 1e−6 on x ∈ [−30, 30]. The losses vary on a scale of 1/(γ + 1) in
 * x wherever x is, so the step is absolute, not relative to |x| (a step of 30·1e−5 at x = 30 is
 * already too coarse for focal loss with γ = 10, whose tail falls like e^−11x). Error budget:
 * truncation h²·L'''/6 ≲ 1e−8 relative, well inside 1e−7·|grad|; rounding: each value is good to a
 * few ulps, so the difference carries noise ≈ ulp(L)/(2h), and we allow 16 times that. Where the
 * gradient is smaller than that noise (e.g. ASL at x = 30, grad 1e−15 next to a loss of 7e−4) the
 * difference cannot see it, and the check degrades to "both below the noise".
 */
function centralDifferenceAgrees<K extends BinaryLossId>(id: K, x: number, y: Label, params: LossParamsById[K]) {
  const loss = binaryLosses[id];
  const h = 1e-6;
  const [xPlus, xMinus] = [x + h, x - h];
  const [valuePlus, valueMinus] = [loss.value(xPlus, y, params), loss.value(xMinus, y, params)];
  const step = xPlus - xMinus; // the step actually taken, after rounding x ± h
  const difference = (valuePlus - valueMinus) / step;
  // One ulp of the value: relative ε, or the subnormal spacing for values below 2^−1022.
  const valueUlp = Math.max(Number.EPSILON * Math.max(Math.abs(valuePlus), Math.abs(valueMinus)), Number.MIN_VALUE);
  const noise = valueUlp / step;
  const grad = loss.grad(x, y, params);
  return Math.abs(grad - difference) <= 1e-7 * Math.abs(grad) + 16 * noise;
}

/**
 * ASL's y = 0 branch starts at p = m: the gradient jumps there when γ− = 0, and for γ− < 2 its higher
 * derivatives blow up next to it. Staying 0.05 away in x keeps the truncation error below 1e−8.
 */
function awayFromAslMargin(x: number, y: Label, params: ResolvedParams): boolean {
  const margin = params['margin'];
  return y === 1 || margin === undefined || Math.abs(x - logit(margin)) > 0.05;
}

/**
 * A prior of 1e−300 shifts the logit by ~2000; rounding x ± h + shift then changes the step by
 * ulp(2000)/h ≈ 1e−7. That is the test's error, not the loss's (laCe.test.ts checks the shift itself
 * over the whole range), so the difference check keeps π in [1e−6, 1 − 1e−6].
 */
const differenceParams: typeof lossParamArbitraries = {
  ...lossParamArbitraries,
  'la-ce': fc.record({
    tau: fc.double({ min: 0, max: 3, noNaN: true }),
    priorPos: fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }),
  }),
};

const nearZeroLogit = fc.double({ min: -30, max: 30, noNaN: true });

function assertGradientMatchesDifference<K extends BinaryLossId>(id: K) {
  fc.assert(
    fc.property(nearZeroLogit, label, differenceParams[id], (x, y, params) => {
      fc.pre(awayFromAslMargin(x, y, params));
      return centralDifferenceAgrees(id, x, y, params);
    }),
    { numRuns: 2000 },
  );
}

describe('the analytic gradient matches a central difference of the value', () => {
  it.each(everyLossId)('$id, over its full parameter range', ({ id }) => assertGradientMatchesDifference(id));
});

describe('values and gradients are finite for every finite logit', () => {
  const extremes = [700, 710, 745, 746, 1e100, 1e300, 1e306, Number.MAX_VALUE, Number.MIN_VALUE, 0];
  const extremeLogits = [...extremes, ...extremes.map((x) => -x)];

  /**
   * A class-weighted loss is ≈ w·|x| for a confidently wrong example, LDAM's ≈ S·|x|: beyond
   * MAX_VALUE / w (or / S) the true loss is not a double. The others grow at most like |x|.
   */
  const largestFactor: Partial<Record<BinaryLossId, number>> = {
    dwb: largestClassWeight,
    'weighted-ce': largestEffectiveNumberWeight,
    'class-balanced-focal': largestEffectiveNumberWeight,
    ldam: largestLdamScale,
  };
  const largestLogit = (id: BinaryLossId) => Number.MAX_VALUE / (largestFactor[id] ?? 1);

  function assertFinite<K extends BinaryLossId>(id: K) {
    const loss = binaryLosses[id];
    const bound = largestLogit(id);
    const logits = fc.oneof(
      fc.constantFrom(...extremeLogits.filter((x) => Math.abs(x) <= bound)),
      fc.double({ min: -bound, max: bound, noNaN: true }),
      nearZeroLogit,
    );
    fc.assert(
      fc.property(logits, label, lossParamArbitraries[id], (x, y, params) => {
        return Number.isFinite(loss.value(x, y, params)) && Number.isFinite(loss.grad(x, y, params));
      }),
      { numRuns: 3000 },
    );
  }

  it.each(everyLossId)('$id at ±700, ±745, ±1e308 and at random logits', ({ id }) => assertFinite(id));

  it('DWB overflows only where the true loss w·|x| exceeds the largest double', () => {
    expect(binaryLosses.dwb.value(-Number.MAX_VALUE, 1, { wPos: 2, wNeg: 1 })).toBe(Infinity);
    expect(Number.isFinite(binaryLosses.dwb.grad(-Number.MAX_VALUE, 1, { wPos: 2, wNeg: 1 }))).toBe(true);
  });

  it('LDAM overflows only where the true loss S·|x| exceeds the largest double', () => {
    const params = { deltaPos: 0.5, deltaNeg: 0.1, scale: 30 };
    expect(binaryLosses.ldam.value(-Number.MAX_VALUE, 1, params)).toBe(Infinity);
    expect(binaryLosses.ldam.grad(-Number.MAX_VALUE, 1, params)).toBe(-30);
    expect(binaryLosses.ldam.grad(Number.MAX_VALUE, 0, params)).toBe(30);
  });
});

describe('cross-entropy-family losses', () => {
  // Left out: DWB, whose regulariser −2 p_t(1 − p_t) makes it negative for confident correct examples,
  // and label smoothing, which pushes a confident correct logit back towards σ(x) = y_s (its own test).
  const crossEntropyFamily = everyLossId.filter(({ id }) => id !== 'dwb' && id !== 'label-smoothing');

  function assertNonNegativeAndPulling<K extends BinaryLossId>(id: K) {
    const loss = binaryLosses[id];
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), label, lossParamArbitraries[id], (x, y, params) => {
        const sign = y === 1 ? 1 : -1;
        return loss.value(x, y, params) >= 0 && sign * loss.grad(x, y, params) <= 0;
      }),
      { numRuns: 3000 },
    );
  }

  it.each(crossEntropyFamily)('$id is non-negative and never pushes the logit away from the true class', ({ id }) =>
    assertNonNegativeAndPulling(id),
  );

  it('Poly-1 goes negative only below ε = −1, since −log p_t ≥ 1 − p_t', () => {
    // So Poly-1 is in the family above over the whole slider range ε ∈ [−1, 10].
    expect(binaryLosses.poly1.value(3, 1, { epsilon: -1 })).toBeGreaterThan(0);
    expect(binaryLosses.poly1.value(3, 1, { epsilon: -1.5 })).toBeLessThan(0);
  });
});
