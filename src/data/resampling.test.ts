import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { generateDataset } from './generators';
import { randomOversample, randomUndersample, smote } from './resampling';
import { defaultDatasetSpec } from './datasetSpec';
import type { LabeledPoint } from './types';

const countLabel = (points: readonly LabeledPoint[], label: 0 | 1) => points.filter((p) => p.label === label).length;
const key = (p: LabeledPoint) => `${p.x},${p.y},${p.label}`;
const training = (ratio: number, size = 2000, seed = 1) =>
  generateDataset({ ...defaultDatasetSpec, shape: 'moons', ratio, size, seed }).train;

/** Small labelled sets with both classes, for properties. */
const twoClassPoints = fc
  .array(
    fc.record({
      x: fc.double({ min: -1, max: 1, noNaN: true }),
      y: fc.double({ min: -1, max: 1, noNaN: true }),
      label: fc.constantFrom(0 as const, 1 as const),
    }),
    { minLength: 2, maxLength: 60 },
  )
  .filter((points) => countLabel(points, 0) > 0 && countLabel(points, 1) > 0);

describe('random oversampling', () => {
  it('balances the classes, keeping every original point first and in order', () => {
    const points = training(50);
    const balanced = randomOversample(points, 7);
    expect(countLabel(balanced, 1)).toBe(countLabel(balanced, 0));
    expect(countLabel(balanced, 0)).toBe(countLabel(points, 0));
    expect(balanced.slice(0, points.length)).toEqual(points);
  });

  it('adds only copies of minority points', () => {
    const points = training(50);
    const minorityKeys = new Set(points.filter((p) => p.label === 1).map(key));
    for (const added of randomOversample(points, 7).slice(points.length)) expect(minorityKeys.has(key(added))).toBe(true);
  });

  it('balances any two-class set and leaves the input untouched', () => {
    fc.assert(
      fc.property(twoClassPoints, fc.nat(), (points, seed) => {
        const before = structuredClone(points);
        const balanced = randomOversample(points, seed);
        expect(points).toEqual(before);
        expect(countLabel(balanced, 0)).toBe(countLabel(balanced, 1));
      }),
    );
  });
});

describe('random undersampling', () => {
  it('balances the classes with a subset: every minority point, and majority points from the input', () => {
    const points = training(20);
    const balanced = randomUndersample(points, 7);
    expect(countLabel(balanced, 0)).toBe(countLabel(points, 1));
    expect(countLabel(balanced, 1)).toBe(countLabel(points, 1));
    const inputKeys = new Set(points.map(key));
    for (const point of balanced) expect(inputKeys.has(key(point))).toBe(true);
    expect(new Set(balanced.map(key)).size).toBe(balanced.length);
  });

  it('keeps the chosen points in their original order', () => {
    const points = training(20);
    const position = new Map(points.map((p, i) => [key(p), i]));
    const positions = randomUndersample(points, 7).map((p) => position.get(key(p)) ?? -1);
    expect(positions).toEqual(positions.slice().sort((a, b) => a - b));
  });

  it('drops different majority points for different seeds', () => {
    const points = training(20);
    expect(randomUndersample(points, 1)).not.toEqual(randomUndersample(points, 2));
  });
});

describe('SMOTE', () => {
  it('balances the classes, keeps every original point first, and labels the new points as minority', () => {
    const points = training(30);
    const balanced = smote(points, 7);
    expect(countLabel(balanced, 0)).toBe(countLabel(balanced, 1));
    expect(balanced.slice(0, points.length)).toEqual(points);
    for (const added of balanced.slice(points.length)) expect(added.label).toBe(1);
  });

  it('puts each synthetic point on a segment between two minority points that are k-nearest neighbours', () => {
    const points = training(30, 2000, 3);
    const minority = points.filter((p) => p.label === 1);
    const k = 3;
    const distance = (a: LabeledPoint, b: LabeledPoint) => Math.hypot(a.x - b.x, a.y - b.y);
    const kNearest = (base: LabeledPoint) =>
      minority
        .filter((other) => other !== base)
        .sort((a, b) => distance(base, a) - distance(base, b))
        .slice(0, k);
    for (const synthetic of smote(points, 7, k).slice(points.length)) {
      const onSegment = minority.some((base) =>
        kNearest(base).some((neighbour) => {
          const cross = (neighbour.x - base.x) * (synthetic.y - base.y) - (neighbour.y - base.y) * (synthetic.x - base.x);
          const length = distance(base, neighbour);
          const collinear = Math.abs(cross) <= 1e-12 * Math.max(length, 1);
          const along = distance(base, synthetic) + distance(synthetic, neighbour);
          return collinear && Math.abs(along - length) <= 1e-12;
        }),
      );
      expect(onSegment).toBe(true);
    }
  });

  it('stays within the minority’s bounding box, always (fast-check)', () => {
    fc.assert(
      fc.property(twoClassPoints, fc.nat(), fc.integer({ min: 1, max: 6 }), (points, seed, k) => {
        const balanced = smote(points, seed, k);
        const minorityLabel = countLabel(points, 1) <= countLabel(points, 0) ? 1 : 0;
        const minority = points.filter((p) => p.label === minorityLabel);
        const xs = minority.map((p) => p.x);
        const ys = minority.map((p) => p.y);
        expect(countLabel(balanced, 0)).toBe(countLabel(balanced, 1));
        for (const p of balanced.slice(points.length)) {
          expect(p.label).toBe(minorityLabel);
          // base + gap·(neighbour − base) is rounded twice: allow a hair past the box.
          expect(p.x >= Math.min(...xs) - 1e-15 && p.x <= Math.max(...xs) + 1e-15).toBe(true);
          expect(p.y >= Math.min(...ys) - 1e-15 && p.y <= Math.max(...ys) + 1e-15).toBe(true);
        }
      }),
    );
  });

  it('with a single minority point, falls back to duplicates of it', () => {
    const points = training(1000, 200); // 1 minority, 199 majority
    const only = points.find((p) => p.label === 1);
    const added = smote(points, 7).slice(points.length);
    expect(added).toHaveLength(198);
    for (const p of added) expect(p).toEqual(only);
  });

  it('balances 20,000 points with 20 minority quickly (brute-force neighbours among the minority only)', () => {
    const points = training(1000, 20_000);
    const start = performance.now();
    const balanced = smote(points, 7);
    expect(countLabel(balanced, 1)).toBe(19_980);
    expect(performance.now() - start).toBeLessThan(500);
  });

  it('refuses a k that is not a whole number of at least 1', () => {
    expect(() => smote(training(10), 1, 0)).toThrow(RangeError);
    expect(() => smote(training(10), 1, 2.5)).toThrow(RangeError);
  });
});

describe('every resampler', () => {
  const resamplers = { randomOversample, randomUndersample, smote };

  it.each(Object.entries(resamplers))('%s: is reproducible for a seed and returns new point objects', (_, resample) => {
    const points = training(10);
    const first = resample(points, 5);
    expect(resample(points, 5)).toEqual(first);
    expect(first.some((p) => points.includes(p))).toBe(false);
  });

  it.each(Object.entries(resamplers))('%s: returns an equal copy when there is nothing to balance', (_, resample) => {
    const balanced: LabeledPoint[] = [
      { x: 0, y: 0, label: 0 },
      { x: 1, y: 1, label: 1 },
    ];
    const oneClass: LabeledPoint[] = [{ x: 0, y: 0, label: 0 }];
    expect(resample(balanced, 1)).toEqual(balanced);
    expect(resample(oneClass, 1)).toEqual(oneClass);
    expect(resample([], 1)).toEqual([]);
  });
});
