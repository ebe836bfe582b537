import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { packPoints } from './pack';
import type { LabeledPoint } from './types';

describe('packed points for the worker', () => {
  it('lay coordinates out as x0, y0, x1, y1, … and labels alongside', () => {
    const packed = packPoints([
      { x: 0.5, y: -1, label: 1 },
      { x: 2, y: 0.25, label: 0 },
    ]);
    expect(Array.from(packed.coords)).toEqual([0.5, -1, 2, 0.25]);
    expect(Array.from(packed.labels)).toEqual([1, 0]);
  });

  it('keep every point, coordinates rounded to float32', () => {
    const point = fc.record({
      x: fc.double({ min: -10, max: 10, noNaN: true }),
      y: fc.double({ min: -10, max: 10, noNaN: true }),
      label: fc.constantFrom(0 as const, 1 as const),
    });
    fc.assert(
      fc.property(fc.array(point, { maxLength: 100 }), (points: LabeledPoint[]) => {
        const { coords, labels } = packPoints(points);
        expect(Array.from(labels)).toEqual(points.map((p) => p.label));
        expect(Array.from(coords)).toEqual(points.flatMap((p) => [Math.fround(p.x), Math.fround(p.y)]));
      }),
    );
  });
});
