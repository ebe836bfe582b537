import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { crossEntropy } from './ce';
import { ldamLoss } from './ldam';
import { label } from './testSupport';

const logitX = fc.double({ min: -100, max: 100, noNaN: true });
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(b), 1e-300);

describe('LDAM loss', () => {
  it('takes its margins from the counts: max_m for the rarer class, max_m·(n_min/n_j)^(1/4) for the other', () => {
    const rarePositives = ldamLoss.resolve({ maxMargin: 0.5, scale: 30 }, [100, 1]);
    expect(rarePositives.deltaPos).toBe(0.5);
    expect(rarePositives.deltaNeg).toBeCloseTo(0.5 * 100 ** -0.25, 15);
    expect(rarePositives.scale).toBe(30);
    const rareNegatives = ldamLoss.resolve({ maxMargin: 0.8, scale: 10 }, [16, 256]);
    expect(rareNegatives.deltaNeg).toBe(0.8);
    expect(rareNegatives.deltaPos).toBe(0.4); // (16/256)^(1/4) = ½
    expect(ldamLoss.resolve({}, [10, 10])).toEqual({ maxMargin: 0.5, scale: 30, deltaPos: 0.5, deltaNeg: 0.5 });
  });

  it('is cross-entropy at the scaled, margin-shifted logit S(x − Δ₊) for y = 1 and S(x + Δ₋) for y = 0', () => {
    fc.assert(
      fc.property(
        logitX,
        label,
        fc.double({ min: 1, max: 64, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (x, y, scale, deltaPos, deltaNeg) => {
          const params = { scale, deltaPos, deltaNeg };
          const shifted = scale * (y === 1 ? x - deltaPos : x + deltaNeg);
          return (
            close(ldamLoss.value(x, y, params), crossEntropy.value(shifted, y, {})) &&
            close(ldamLoss.grad(x, y, params), scale * crossEntropy.grad(shifted, y, {}))
          );
        },
      ),
    );
  });

  it('with no margins and S = 1 is cross-entropy', () => {
    fc.assert(
      fc.property(logitX, label, (x, y) => {
        const params = { scale: 1, deltaPos: 0, deltaNeg: 0 };
        return (
          ldamLoss.value(x, y, params) === crossEntropy.value(x, y, {}) &&
          ldamLoss.grad(x, y, params) === crossEntropy.grad(x, y, {})
        );
      }),
    );
  });

  it('makes the rare class clear its larger margin: at x = Δ₊ a positive still costs log 2', () => {
    const params = ldamLoss.resolve({}, [100, 1]);
    expect(ldamLoss.value(params.deltaPos, 1, params)).toBeCloseTo(Math.log(2), 15);
    // A negative at the mirrored logit −Δ₊ is already past its own, smaller margin.
    expect(ldamLoss.value(-params.deltaPos, 0, params)).toBeLessThan(ldamLoss.value(params.deltaPos, 1, params));
  });
});
