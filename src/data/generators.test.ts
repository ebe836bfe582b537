import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clampSpec, defaultDatasetSpec } from './datasetSpec';
import { classCounts, flippedLabelCount, generateDataset } from './generators';
import { datasetShapes } from './shapes';
import { DATA_EXTENT, type DatasetShape, type DatasetSpec, type LabeledPoint } from './types';

const spec = (changes: Partial<DatasetSpec>): DatasetSpec => ({ ...defaultDatasetSpec, ...changes });
const countLabel = (points: readonly LabeledPoint[], label: 0 | 1) => points.filter((p) => p.label === label).length;
const mean = (values: readonly number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

describe('generateDataset is reproducible', () => {
  // Recorded once: if these move, every shared link shows different points. Change them only on
  // purpose (a new generator), never to make a test pass.
  const golden: Record<DatasetShape, [LabeledPoint, LabeledPoint, LabeledPoint]> = {
    blobs: [
      { x: -0.34355150226330117, y: -0.5513007276926515, label: 0 },
      { x: -0.054154654652598166, y: 0.321096487731836, label: 1 },
      { x: -0.25685084198305624, y: -0.8046745608931754, label: 0 },
    ],
    moons: [
      { x: -0.5080487815280438, y: 0.3686232118075164, label: 0 },
      { x: 0.23973574900547917, y: -0.5595561707851855, label: 1 },
      { x: 0.26232751948762617, y: -0.06765467067049885, label: 0 },
    ],
    circles: [
      { x: -0.5855403988652987, y: -0.4383311736974855, label: 0 },
      { x: -0.4685958244406092, y: -0.03351208505113397, label: 1 },
      { x: 0.6611534372739107, y: 0.2995560758856559, label: 0 },
    ],
    'rare-cluster': [
      { x: 0.17753516616358342, y: 0.5492259693941457, label: 0 },
      { x: 0.1438811261271749, y: 0.2852592087432364, label: 1 },
      { x: -0.8645867882296443, y: 0.564322086982429, label: 0 },
    ],
    xor: [
      { x: 0.6426558091876315, y: -0.4307644315383938, label: 0 },
      { x: 0.9780322814042688, y: 0.16599467581390917, label: 1 },
      { x: -0.6423550903849168, y: 0.3475703638658705, label: 0 },
    ],
  };

  it.each(datasetShapes)('%s: reproduces the recorded coordinates bit for bit', (shape) => {
    const { train, test } = generateDataset(spec({ shape, ratio: 9, size: 200, noise: 0.4, labelNoise: 0, seed: 2024 }));
    expect([train[0], train[199], test[0]]).toEqual(golden[shape]);
  });

  it.each(datasetShapes)('%s: the same spec gives identical sets, a different seed different ones', (shape) => {
    const chosen = spec({ shape, ratio: 20, size: 1000, noise: 0.5, labelNoise: 0.1, seed: 11 });
    expect(generateDataset(chosen)).toEqual(generateDataset({ ...chosen }));
    const other = generateDataset({ ...chosen, seed: 12 });
    expect(other.train.map((p) => p.x)).not.toEqual(generateDataset(chosen).train.map((p) => p.x));
  });
});

describe('class counts', () => {
  it.each([
    [200, 1, 100, 100],
    [201, 1, 101, 100],
    [2000, 100, 20, 1980],
    [1000, 3, 250, 750],
    [200, 1000, 1, 199],
    [20_000, 1000, 20, 19_980],
    [20_000, 1, 10_000, 10_000],
    [500, 7.5, 59, 441],
  ])('size %i at 1:%d has %i minority and %i majority points', (size, ratio, minority, majority) => {
    expect(classCounts(size, ratio)).toEqual({ minority, majority });
  });

  it.each([
    [200, 1000],
    [20_000, 1000],
    [2000, 100],
    [777, 13],
  ])('generated train and test sets of size %i at 1:%d follow classCounts exactly', (size, ratio) => {
    const counts = classCounts(size, ratio);
    const { train, test } = generateDataset(spec({ size, ratio, shape: 'moons' }));
    for (const set of [train, test]) {
      expect(set).toHaveLength(size);
      expect(countLabel(set, 1)).toBe(counts.minority);
      expect(countLabel(set, 0)).toBe(counts.majority);
    }
  });

  it('always has at least one minority point, sums to the size, and the minority never leads by more than one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 200, max: 20_000 }), fc.double({ min: 1, max: 1000, noNaN: true }), (size, ratio) => {
        const { minority, majority } = classCounts(size, ratio);
        // At 1:1 an odd size rounds the half up: 201 points are 101 minority and 100 majority.
        return minority >= 1 && minority + majority === size && minority <= majority + 1;
      }),
    );
  });
});

describe('train and test sets', () => {
  it.each(datasetShapes)('%s: are independent draws (no shared point) of one distribution (class means agree)', (shape) => {
    const { train, test } = generateDataset(spec({ shape, ratio: 3, size: 20_000, noise: 0.5, seed: 5 }));
    const trainKeys = new Set(train.map((p) => `${p.x},${p.y}`));
    expect(test.some((p) => trainKeys.has(`${p.x},${p.y}`))).toBe(false);
    for (const label of [0, 1] as const) {
      for (const axis of ['x', 'y'] as const) {
        const trainMean = mean(train.filter((p) => p.label === label).map((p) => p[axis]));
        const testMean = mean(test.filter((p) => p.label === label).map((p) => p[axis]));
        // Standard errors here are below 0.01 (at most 15,000 points, spread ≤ 0.6).
        expect(Math.abs(trainMean - testMean)).toBeLessThan(0.03);
      }
    }
  });
});

describe('label noise', () => {
  it.each([
    [0.1, 1000],
    [0.5, 2000],
    [0.013, 777],
    [0.25, 20_000],
  ])('labelNoise %d flips exactly round(labelNoise · size) training labels of %i, and moves no point', (labelNoise, size) => {
    const clean = generateDataset(spec({ size, ratio: 10, labelNoise: 0, seed: 3 }));
    const noisy = generateDataset(spec({ size, ratio: 10, labelNoise, seed: 3 }));
    const flips = noisy.train.filter((p, i) => p.label !== clean.train[i]?.label).length;
    expect(flips).toBe(flippedLabelCount(size, labelNoise));
    expect(flips).toBe(Math.round(labelNoise * size));
    expect(noisy.train.map((p) => [p.x, p.y])).toEqual(clean.train.map((p) => [p.x, p.y]));
  });

  it('leaves the test set clean: identical to the noise-free test set', () => {
    const clean = generateDataset(spec({ labelNoise: 0, seed: 3 }));
    const noisy = generateDataset(spec({ labelNoise: 0.3, seed: 3 }));
    expect(noisy.test).toEqual(clean.test);
  });

  it('chooses different labels to flip for different seeds', () => {
    const flippedIndices = (seed: number) => {
      const clean = generateDataset(spec({ labelNoise: 0, seed })).train;
      return generateDataset(spec({ labelNoise: 0.05, seed })).train.flatMap((p, i) =>
        p.label !== clean[i]?.label ? [i] : [],
      );
    };
    expect(flippedIndices(1)).not.toEqual(flippedIndices(2));
  });
});

describe('shapes', () => {
  const inside = (p: LabeledPoint) => Math.abs(p.x) <= DATA_EXTENT && Math.abs(p.y) <= DATA_EXTENT;

  it.each(datasetShapes)('%s: at the highest noise, at least 90 % of each class lies within the extent', (shape) => {
    const { train } = generateDataset(spec({ shape, ratio: 1, size: 10_000, noise: 1, seed: 9 }));
    for (const label of [0, 1] as const) {
      const ofClass = train.filter((p) => p.label === label);
      expect(ofClass.filter(inside).length / ofClass.length).toBeGreaterThanOrEqual(0.9);
    }
  });

  it.each(datasetShapes)('%s: at noise 0, every point lies within the extent', (shape) => {
    const { train } = generateDataset(spec({ shape, ratio: 1, size: 10_000, noise: 0, seed: 9 }));
    expect(train.every(inside)).toBe(true);
  });

  it.each(datasetShapes)('%s: a higher ratio keeps the earlier points of each class where they were', (shape) => {
    const fewer = generateDataset(spec({ shape, ratio: 10, size: 1000, seed: 4 })).train;
    const more = generateDataset(spec({ shape, ratio: 20, size: 1000, seed: 4 })).train;
    const minorityOf = (points: LabeledPoint[]) => points.filter((p) => p.label === 1);
    const majorityOf = (points: LabeledPoint[]) => points.filter((p) => p.label === 0);
    expect(minorityOf(fewer).slice(0, minorityOf(more).length)).toEqual(minorityOf(more));
    expect(majorityOf(more).slice(0, majorityOf(fewer).length)).toEqual(majorityOf(fewer));
  });

  it.each(datasetShapes)('%s: a small change of noise moves every point only a little', (shape) => {
    const before = generateDataset(spec({ shape, noise: 0.5, seed: 4 })).train;
    const after = generateDataset(spec({ shape, noise: 0.51, seed: 4 })).train;
    const largestMove = Math.max(...before.map((p, i) => Math.hypot(p.x - (after[i]?.x ?? NaN), p.y - (after[i]?.y ?? NaN))));
    expect(largestMove).toBeLessThan(0.05);
  });

  it('blobs: overlap grows with noise (more majority points past the diagonal midline)', () => {
    const pastMidline = (noise: number) =>
      generateDataset(spec({ shape: 'blobs', ratio: 1, size: 10_000, noise, seed: 2 })).train.filter(
        (p) => p.label === 0 && p.x + p.y > 0,
      ).length;
    expect(pastMidline(0)).toBe(0);
    expect(pastMidline(0.5)).toBeGreaterThan(pastMidline(0));
    expect(pastMidline(1)).toBeGreaterThan(pastMidline(0.5));
  });

  it('circles: the minority is the inner ring, the majority around it', () => {
    const { train } = generateDataset(spec({ shape: 'circles', ratio: 1, size: 2000, noise: 0, seed: 2 }));
    for (const p of train) expect(Math.hypot(p.x, p.y)).toBeCloseTo(p.label === 1 ? 0.35 : 0.75, 12);
  });

  it('rare-cluster: at noise 0 no majority point lies within 0.3 of the cluster centre', () => {
    const { train } = generateDataset(spec({ shape: 'rare-cluster', ratio: 1, size: 20_000, noise: 0, seed: 2 }));
    const distance = (p: LabeledPoint) => Math.hypot(p.x - 0.35, p.y - 0.3);
    expect(Math.min(...train.filter((p) => p.label === 0).map(distance))).toBeGreaterThanOrEqual(0.3 - 1e-12);
    expect(mean(train.filter((p) => p.label === 1).map(distance))).toBeLessThan(0.15);
  });

  it('xor: at noise 0 the minority fills the (+, +) and (−, −) quadrants, the majority the others', () => {
    const { train } = generateDataset(spec({ shape: 'xor', ratio: 1, size: 2000, noise: 0, seed: 2 }));
    for (const p of train) expect(Math.sign(p.x * p.y)).toBe(p.label === 1 ? 1 : -1);
    const minority = train.filter((p) => p.label === 1);
    expect(minority.some((p) => p.x > 0) && minority.some((p) => p.x < 0)).toBe(true);
  });

  it('never produce NaN or infinite coordinates, for any spec clampSpec accepts', () => {
    const anySpec = fc.record({
      shape: fc.constantFrom(...datasetShapes),
      ratio: fc.double({ min: 1, max: 1000, noNaN: true }),
      size: fc.integer({ min: 200, max: 400 }),
      noise: fc.double({ min: 0, max: 1, noNaN: true }),
      labelNoise: fc.double({ min: 0, max: 0.5, noNaN: true }),
      seed: fc.integer({ min: 0, max: 4_294_967_295 }),
    });
    fc.assert(
      fc.property(anySpec, (raw) => {
        const { train, test } = generateDataset(clampSpec(raw).spec);
        return [...train, ...test].every((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
      }),
      { numRuns: 200 },
    );
  });
});

describe('performance', () => {
  it('generates 20,000 training and 20,000 test points in well under a second', () => {
    generateDataset(spec({ size: 20_000 })); // warm up the JIT
    const start = performance.now();
    generateDataset(spec({ shape: 'moons', size: 20_000, labelNoise: 0.1 }));
    // Typically 3–10 ms; the loose bound only catches an accidental quadratic step.
    expect(performance.now() - start).toBeLessThan(500);
  });
});
