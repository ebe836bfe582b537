import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv';
import type { CsvErrorCode } from './csv';

const codes: readonly CsvErrorCode[] = ['fieldCount', 'notANumber', 'tooLarge', 'badLabel', 'tooMany', 'empty', 'oneClass'];

/** Text shaped like a spreadsheet export gone wrong: numbers, labels, separators, quotes and junk. */
const csvLike = fc
  .array(
    fc.oneof(
      fc.constantFrom(',', ';', '\t', '"', '\n', '\r\n', '\r', ' ', '0', '1', '-', '.', 'e', 'x,y,label', '1e39', 'NaN', '\uFEFF'),
      fc.double().map(String),
      fc.string({ maxLength: 4 }),
    ),
    { maxLength: 80 },
  )
  .map((parts) => parts.join(''));

describe('a CSV file from anywhere', () => {
  it('gives finite float32 points of both classes, or names a problem and its line; it never throws', () => {
    fc.assert(
      fc.property(fc.oneof(csvLike, fc.string({ unit: 'binary', maxLength: 300 })), (text) => {
        const result = parseCsv(text);
        if ('error' in result) {
          expect(codes).toContain(result.error.code);
          expect(result.error.line).toBeGreaterThanOrEqual(0);
          expect(result.error.line).toBeLessThanOrEqual(text.split(/\r\n|\n|\r/).length);
          expect(result.error.detail.length).toBeLessThanOrEqual(41);
        } else {
          expect(new Set(result.points.map((p) => p.label))).toEqual(new Set([0, 1]));
          for (const { x, y } of result.points) {
            expect(Number.isFinite(Math.fround(x)) && Number.isFinite(Math.fround(y))).toBe(true);
          }
        }
      }),
      { numRuns: 3000 },
    );
  });
});
