/**
 * The numbers the lesson's words quote about the curves, computed from the losses themselves. If a
 * loss changes and a sentence no longer holds, this fails. (What the trained networks show is
 * checked on screen by tests/e2e/lesson.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { alphaFromRatio, binaryLosses, dwbLogRatio, logit } from '../losses';

const ce = binaryLosses.ce;
const balanced = binaryLosses['balanced-ce'];
const focal = binaryLosses.focal;
const dwb = binaryLosses.dwb;
/** The logit of a majority example (y = 0) with confidence p_t in the truth. */
const majorityAt = (pt: number) => -logit(pt);
const focalHalf = { gamma: 2, alpha: 0.5 };

describe('what to look for, beside the curves (i18n lesson.points)', () => {
  const linAlpha = { gamma: 2, alpha: 0.25 };
  const pushRatio = (pt: number) => focal.grad(logit(pt), 1, { gamma: 2, alpha: -1 }) / ce.grad(logit(pt), 1, {});

  it('2: at γ = 2, before α_t, a hard example pushes 1.2 times as hard as under cross-entropy, an easy one 0.03 times', () => {
    expect(pushRatio(0.1)).toBeCloseTo(1.2, 1);
    expect(pushRatio(0.9)).toBeCloseTo(0.03, 2);
  });

  it('4: a thousand easy negatives weigh 46 times one hard positive under CE, 1.7 times under focal loss', () => {
    const easyCe = 1000 * ce.value(majorityAt(0.9), 0, {});
    const hardCe = ce.value(logit(0.1), 1, {});
    expect(easyCe).toBeCloseTo(105, 0);
    expect(hardCe).toBeCloseTo(2.3, 2);
    expect(easyCe / hardCe).toBeCloseTo(46, 0);
    const easyFocal = 1000 * focal.value(majorityAt(0.9), 0, linAlpha);
    const hardFocal = focal.value(logit(0.1), 1, linAlpha);
    expect(easyFocal).toBeCloseTo(0.79, 2);
    expect(hardFocal).toBeCloseTo(0.47, 2);
    expect(easyFocal / hardFocal).toBeCloseTo(1.7, 1);
  });
});

describe('the lesson’s claims about the curves', () => {
  it('problem: an easy majority example costs 0.105, and a hundred of them outweigh a badly missed minority one', () => {
    const easy = ce.value(majorityAt(0.9), 0, {});
    expect(easy).toBeCloseTo(0.105, 3);
    expect(100 * easy).toBeCloseTo(10.5, 1);
    expect(ce.value(logit(0.001), 1, {})).toBeCloseTo(6.9, 1);
  });

  it('class weights: α = 100/101 ≈ 0.99 at 1 : 100, and the easy majority example’s loss falls to 0.00104', () => {
    const alpha = alphaFromRatio(100, 1);
    expect(alpha).toBeCloseTo(0.99, 2);
    expect(1 - alpha).toBeCloseTo(0.0099, 4);
    expect(balanced.value(majorityAt(0.9), 0, { alpha })).toBeCloseTo(0.00104, 5);
    expect(100 * (1 - alpha)).toBeCloseTo(alpha, 12);
  });

  it('focal: the modulating factor keeps 1 % at p_t = 0.9 and 49 % at p_t = 0.3; α = 0.5 halves the curve', () => {
    for (const [pt, kept] of [
      [0.9, 0.01],
      [0.3, 0.49],
    ] as const) {
      const x = majorityAt(pt);
      expect(focal.value(x, 0, { gamma: 2, alpha: -1 }) / ce.value(x, 0, {})).toBeCloseTo(kept, 12);
      expect(focal.value(x, 0, focalHalf) / ce.value(x, 0, {})).toBeCloseTo(kept / 2, 12);
    }
  });

  it('gradient: at p_t = 0.9 cross-entropy pushes with 0.1 and focal loss with 0.00145, 69 times less; at 0.3, 0.35 against 0.7', () => {
    const push = (loss: typeof ce | typeof focal, pt: number) => Math.abs(loss.grad(majorityAt(pt), 0, focalHalf));
    expect(push(ce, 0.9)).toBeCloseTo(0.1, 12);
    expect(push(focal, 0.9)).toBeCloseTo(0.00145, 5);
    expect(Math.round(push(ce, 0.9) / push(focal, 0.9))).toBe(69);
    expect(push(ce, 0.3)).toBeCloseTo(0.7, 12);
    expect(push(focal, 0.3)).toBeCloseTo(0.35, 2);
  });

  it('DWB: the minority weight is about 5.6 at 1 : 100, and a majority example’s loss is smallest at p_t ≈ 0.81', () => {
    const [wNeg, wPos] = dwbLogRatio([100, 1]) as [number, number];
    expect(wPos).toBeCloseTo(5.6, 1);
    expect(wNeg).toBe(1);
    const best = (1 + Math.sqrt(5)) / 4;
    expect(best).toBeCloseTo(0.81, 2);
    expect(dwb.grad(majorityAt(best), 0, { wPos, wNeg })).toBeCloseTo(0, 12);
  });
});
