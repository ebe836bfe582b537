import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clampSpec, datasetSpecLimits, defaultDatasetSpec } from './datasetSpec';
import type { DatasetShape, DatasetSpec } from './types';

const spec = (changes: Partial<DatasetSpec>): DatasetSpec => ({ ...defaultDatasetSpec, ...changes });

describe('clampSpec', () => {
  it('leaves a valid spec alone and reports nothing', () => {
    const valid = spec({ ratio: 2.5, size: 200, noise: 1, labelNoise: 0.5, seed: 0 });
    expect(clampSpec(valid)).toEqual({ spec: valid, corrections: [] });
  });

  it('clamps each number into its range and says what it was and what it became', () => {
    const { spec: clamped, corrections } = clampSpec(
      spec({ ratio: 0.5, size: 50_000, noise: -0.1, labelNoise: 0.9, seed: -3 }),
    );
    expect(clamped).toMatchObject({ ratio: 1, size: 20_000, noise: 0, labelNoise: 0.5, seed: 0 });
    expect(corrections).toEqual([
      { field: 'ratio', reason: 'outOfRange', given: 0.5, used: 1 },
      { field: 'size', reason: 'outOfRange', given: 50_000, used: 20_000 },
      { field: 'noise', reason: 'outOfRange', given: -0.1, used: 0 },
      { field: 'labelNoise', reason: 'outOfRange', given: 0.9, used: 0.5 },
      { field: 'seed', reason: 'outOfRange', given: -3, used: 0 },
    ]);
  });

  it('rounds size and seed to whole numbers, but not the ratio', () => {
    const { spec: clamped, corrections } = clampSpec(spec({ size: 1234.6, seed: 7.2, ratio: 12.5 }));
    expect(clamped).toMatchObject({ size: 1235, seed: 7, ratio: 12.5 });
    expect(corrections).toEqual([
      { field: 'size', reason: 'notAnInteger', given: 1234.6, used: 1235 },
      { field: 'seed', reason: 'notAnInteger', given: 7.2, used: 7 },
    ]);
  });

  it('replaces NaN, ±∞ and non-numbers with the default', () => {
    const broken = { ...spec({ noise: Number.NaN, ratio: Infinity }), size: '300' as unknown as number };
    const { spec: clamped, corrections } = clampSpec(broken);
    const { noise, ratio, size } = datasetSpecLimits;
    expect(clamped).toMatchObject({ noise: noise.defaultValue, ratio: ratio.defaultValue, size: size.defaultValue });
    expect(corrections.map((c) => [c.field, c.reason, c.given])).toEqual([
      ['ratio', 'notANumber', 'Infinity'],
      ['size', 'notANumber', '300'],
      ['noise', 'notANumber', 'NaN'],
    ]);
  });

  it('replaces an unknown shape with blobs', () => {
    const { spec: clamped, corrections } = clampSpec(spec({ shape: 'spiral' as DatasetShape }));
    expect(clamped.shape).toBe('blobs');
    expect(corrections).toEqual([{ field: 'shape', reason: 'unknownShape', given: 'spiral', used: 'blobs' }]);
  });

  it('always returns a spec within every limit, and clamping twice changes nothing more', () => {
    const anyNumber = fc.oneof(fc.double(), fc.integer());
    fc.assert(
      fc.property(anyNumber, anyNumber, anyNumber, anyNumber, anyNumber, (ratio, size, noise, labelNoise, seed) => {
        const { spec: clamped } = clampSpec(spec({ ratio, size, noise, labelNoise, seed }));
        for (const [field, limit] of Object.entries(datasetSpecLimits)) {
          const value = clamped[field as keyof typeof datasetSpecLimits];
          expect(value).toBeGreaterThanOrEqual(limit.min);
          expect(value).toBeLessThanOrEqual(limit.max);
          if (limit.integer) expect(Number.isInteger(value)).toBe(true);
        }
        expect(clampSpec(clamped).corrections).toEqual([]);
      }),
    );
  });
});
