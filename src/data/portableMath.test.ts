import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cosSinTurns, portableLog } from './portableMath';

const EPSILON = Number.EPSILON;

describe('portable log', () => {
  it('agrees with Math.log to a few ulps across the range Box–Muller uses, (0, 1]', () => {
    fc.assert(
      fc.property(fc.double({ min: 2 ** -32, max: 1, noNaN: true }), (u) => {
        const expected = Math.log(u);
        return Math.abs(portableLog(u) - expected) <= 4 * EPSILON * Math.max(1, Math.abs(expected));
      }),
    );
  });

  it('agrees with Math.log on any positive double, subnormals included', () => {
    fc.assert(
      fc.property(fc.double({ min: Number.MIN_VALUE, max: Number.MAX_VALUE, noNaN: true }), (x) => {
        const expected = Math.log(x);
        return Math.abs(portableLog(x) - expected) <= 4 * EPSILON * Math.max(1, Math.abs(expected));
      }),
    );
    expect(portableLog(Number.MIN_VALUE)).toBeCloseTo(Math.log(Number.MIN_VALUE), 12);
  });

  it('is exact where it must be: log 1 = 0, log 2 = ln 2', () => {
    expect(portableLog(1)).toBe(0);
    expect(portableLog(2)).toBe(Math.LN2);
  });

  it('follows Math.log at the edges: 0 → −∞, ∞ → ∞, negative or NaN → NaN', () => {
    expect(portableLog(0)).toBe(-Infinity);
    expect(portableLog(Infinity)).toBe(Infinity);
    expect(portableLog(-1)).toBeNaN();
    expect(portableLog(Number.NaN)).toBeNaN();
  });
});

describe('portable cos and sin of an angle in turns', () => {
  it('agree with Math.cos and Math.sin of 2π·turns to 1e−14', () => {
    fc.assert(
      fc.property(fc.double({ min: -4, max: 4, noNaN: true }), (turns) => {
        const [cos, sin] = cosSinTurns(turns);
        const radians = 2 * Math.PI * turns;
        // Math's own argument 2π·turns carries a rounding error of up to ~4 ulps of 8π.
        return Math.abs(cos - Math.cos(radians)) <= 1e-14 && Math.abs(sin - Math.sin(radians)) <= 1e-14;
      }),
    );
  });

  it('are exact at the quarter turns, where an inexact π would not be', () => {
    expect(cosSinTurns(0)).toEqual([1, 0]);
    expect(cosSinTurns(0.25)).toEqual([-0, 1]);
    expect(cosSinTurns(0.5)).toEqual([-1, -0]);
    expect(cosSinTurns(0.75)).toEqual([0, -1]);
    expect(cosSinTurns(1)).toEqual([1, 0]);
  });

  it('stay on the unit circle: cos² + sin² = 1 to 1e−15', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (turns) => {
        const [cos, sin] = cosSinTurns(turns);
        return Math.abs(cos * cos + sin * sin - 1) <= 1e-15;
      }),
    );
  });
});
