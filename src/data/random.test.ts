import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { chooseIndices, shuffle, streamFor } from './random';

/** How often each of 0 … bins − 1 occurs. */
function tally(values: Iterable<number>, bins: number): number[] {
  const counts = new Array<number>(bins).fill(0);
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

function* repeat(times: number, draw: () => number | number[]): Generator<number> {
  for (let i = 0; i < times; i++) {
    const drawn = draw();
    yield* Array.isArray(drawn) ? drawn : [drawn];
  }
}

const draws = (seed: number, purpose: string, count: number) => {
  const random = streamFor(seed, purpose);
  return Array.from({ length: count }, () => random.nextUint32());
};

describe('seeded streams', () => {
  it('reproduce the recorded golden sequence (a change of generator or hash must be noticed)', () => {
    const random = streamFor(2024, 'golden');
    expect([random.nextUint32(), random.nextUint32(), random.nextUint32()]).toEqual([
      1871779919, 2776512106, 375081241,
    ]);
    expect(random.uniform()).toBe(0.3665856276638806);
    expect(random.normal()).toBe(-1.0378336406132183);
    expect(random.normal()).toBe(-1.635245408940684);
  });

  it('give the same sequence for the same seed and purpose', () => {
    expect(draws(7, 'train/minority', 100)).toEqual(draws(7, 'train/minority', 100));
  });

  it('differ between seeds, and between purposes of one seed', () => {
    const base = draws(7, 'train', 8);
    expect(draws(8, 'train', 8)).not.toEqual(base);
    expect(draws(7, 'test', 8)).not.toEqual(base);
    // "1/2" + "3" and "1" + "/23" must not collide either.
    expect(draws(12, '3', 8)).not.toEqual(draws(1, '23', 8));
  });

  it('look uncorrelated between neighbouring seeds (first draws of seeds 0…999 spread over all values)', () => {
    const firsts = Array.from({ length: 1000 }, (_, seed) => streamFor(seed, 'train').uniform());
    for (const count of tally(firsts.map((u) => Math.floor(u * 10)), 10)) expect(count).toBeGreaterThan(60); // 100 expected per decile
  });
});

describe('uniform, integer and normal draws', () => {
  it('uniform stays in [0, 1) and uniformIn in [low, high)', () => {
    const random = streamFor(1, 'range');
    for (let i = 0; i < 10_000; i++) {
      const u = random.uniform();
      expect(u >= 0 && u < 1).toBe(true);
      const v = random.uniformIn(-2, 3);
      expect(v >= -2 && v < 3).toBe(true);
    }
  });

  it('integer(n) hits every value in 0 … n − 1 about equally often', () => {
    const random = streamFor(1, 'integer');
    for (const count of tally(repeat(70_000, () => random.integer(7)), 7)) expect(Math.abs(count - 10_000)).toBeLessThan(500); // ~5 σ
  });

  it('integer(n) refuses n that is not a whole number of at least 1', () => {
    const random = streamFor(1, 'integer');
    expect(() => random.integer(0)).toThrow(RangeError);
    expect(() => random.integer(2.5)).toThrow(RangeError);
  });

  it('normal has mean 0, variance 1 and a normal tail (4.6 % beyond ±2)', () => {
    const random = streamFor(1, 'normal');
    const n = 100_000;
    let sum = 0;
    let sumOfSquares = 0;
    let beyondTwo = 0;
    for (let i = 0; i < n; i++) {
      const z = random.normal();
      expect(Number.isFinite(z)).toBe(true);
      sum += z;
      sumOfSquares += z * z;
      if (Math.abs(z) > 2) beyondTwo += 1;
    }
    expect(Math.abs(sum / n)).toBeLessThan(0.02);
    expect(Math.abs(sumOfSquares / n - 1)).toBeLessThan(0.02);
    expect(Math.abs(beyondTwo / n - 0.0455)).toBeLessThan(0.004);
  });
});

describe('shuffle (Fisher–Yates)', () => {
  it('returns a permutation and leaves the input alone', () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.nat(), (items, seed) => {
        const before = items.slice();
        const shuffled = shuffle(items, streamFor(seed, 'shuffle'));
        expect(items).toEqual(before);
        expect(shuffled.slice().sort((a, b) => a - b)).toEqual(before.slice().sort((a, b) => a - b));
      }),
    );
  });

  it('puts each item in each place equally often', () => {
    const random = streamFor(3, 'shuffle');
    const firstPlace = tally(repeat(40_000, () => shuffle([0, 1, 2, 3], random)[0] ?? -1), 4);
    for (const count of firstPlace) expect(Math.abs(count - 10_000)).toBeLessThan(500);
  });
});

describe('choose k of n', () => {
  it('gives k distinct indices in 0 … n − 1', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 300 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n))),
        fc.nat(),
        ([k, n], seed) => {
          const chosen = chooseIndices(k, n, streamFor(seed, 'choose'));
          expect(chosen).toHaveLength(k);
          expect(new Set(chosen).size).toBe(k);
          for (const index of chosen) expect(Number.isInteger(index) && index >= 0 && index < n).toBe(true);
        },
      ),
    );
  });

  it('choosing all n is a permutation; choosing more than n is refused', () => {
    expect(chooseIndices(5, 5, streamFor(1, 'choose')).sort()).toEqual([0, 1, 2, 3, 4]);
    expect(() => chooseIndices(6, 5, streamFor(1, 'choose'))).toThrow(RangeError);
  });

  it('picks every index equally often', () => {
    const random = streamFor(5, 'choose');
    for (const count of tally(repeat(10_000, () => chooseIndices(3, 10, random)), 10)) expect(Math.abs(count - 3_000)).toBeLessThan(250);
  });
});
