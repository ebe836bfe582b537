import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseCsv, toCsv, type CsvErrorCode } from './csv';
import type { LabeledPoint } from './types';

const pointsOf = (text: string) => {
  const result = parseCsv(text);
  if ('error' in result) throw new Error(`unexpected error ${JSON.stringify(result.error)}`);
  return result.points;
};
const errorOf = (text: string) => {
  const result = parseCsv(text);
  if (!('error' in result)) throw new Error('expected an error');
  return result.error;
};

describe('parseCsv reads good files', () => {
  const expected: LabeledPoint[] = [
    { x: 0.5, y: -1.25, label: 0 },
    { x: -0.001, y: 300, label: 1 },
  ];

  it('reads x,y,label lines', () => {
    expect(pointsOf('0.5,-1.25,0\n-1e-3,3e2,1')).toEqual(expected);
  });

  it('accepts a header line, in any case', () => {
    expect(pointsOf('x,y,label\n0.5,-1.25,0\n-1e-3,3e2,1\n')).toEqual(expected);
    expect(pointsOf(' X , Y , Label \n0.5,-1.25,0\n-1e-3,3e2,1\n')).toEqual(expected);
  });

  it('accepts CRLF, blank lines, a trailing newline, spaces around fields and a byte-order mark', () => {
    expect(pointsOf('\uFEFFx,y,label\r\n\r\n  0.5 , -1.25 ,0\r\n   \r\n-1e-3,\t3e2 , 1\r\n\r\n')).toEqual(expected);
  });

  it('reads spreadsheet exports: semicolons or tabs, quoted fields, decimal commas', () => {
    const expected = [
      { x: 0.5, y: -2, label: 1 },
      { x: 3, y: 4.25, label: 0 },
    ];
    expect(pointsOf('"x";"y";"label"\r\n"0,5";"-2";"1"\r\n3;4,25;0\r\n')).toEqual(expected);
    expect(pointsOf('x\ty\tlabel\n0.5\t-2\t1\n3\t4,25\t0\n')).toEqual(expected);
    expect(pointsOf('"x","y","label"\n"0.5","-2","1"\n3,4.25,0\n')).toEqual(expected);
  });

  it('accepts .5, +1 and 5. as numbers', () => {
    expect(pointsOf('.5,+1,0\n5.,0,1')).toEqual([
      { x: 0.5, y: 1, label: 0 },
      { x: 5, y: 0, label: 1 },
    ]);
  });
});

describe('parseCsv names each problem with its code and line', () => {
  const cases: [string, string, number, CsvErrorCode, string][] = [
    ['too few fields', 'x,y,label\n1,2,0\n3,4\n', 3, 'fieldCount', '2'],
    ['too many fields', '1,2,0\n1,2,1\n1,2,1,9', 3, 'fieldCount', '4'],
    ['a line without the separator of the first', '1;2;0\n1,2,1\n', 2, 'fieldCount', '1'],
    ['a word for x', '1,2,0\n\nabc,2,1', 3, 'notANumber', 'abc'],
    ['an empty y', '1,2,0\n1,,1', 2, 'notANumber', ''],
    ['hex', '0x10,2,0', 1, 'notANumber', '0x10'],
    ['Infinity', '1,Infinity,0', 1, 'notANumber', 'Infinity'],
    ['a number too large for a double', '1,1e999,0', 1, 'notANumber', '1e999'],
    ['x beyond float32, where the network would see Infinity', '1e39,2,0\n1,2,1', 1, 'tooLarge', '1e39'],
    ['y just beyond float32', '1,2,0\n1,-3.5e38,1', 2, 'tooLarge', '-3.5e38'],
    ['a header that is not x,y,label', 'a,b,c\n1,2,0', 1, 'notANumber', 'a'],
    ['a header not on the first line', '1,2,0\nx,y,label\n3,4,1', 2, 'notANumber', 'x'],
    ['true as a label', '1,2,0\r\n3,4,true', 2, 'badLabel', 'true'],
    ['1.0 as a label', '1,2,1.0', 1, 'badLabel', '1.0'],
    ['2 as a label', '1,2,0\n1,2,2', 2, 'badLabel', '2'],
    ['nothing at all', '', 0, 'empty', ''],
    ['only a header and blank lines', 'x,y,label\n\n\n', 0, 'empty', ''],
    ['only majority points', '1,2,0\n3,4,0\n', 0, 'oneClass', '0'],
    ['only minority points', '1,2,1', 0, 'oneClass', '1'],
  ];

  it.each(cases)('%s', (_, text, line, code, detail) => {
    expect(errorOf(text)).toEqual({ line, code, detail });
  });

  it('tooMany: 20,001 points are refused at the line of the 20,001st', () => {
    const lines = ['x,y,label', ...Array.from({ length: 20_000 }, (_, i) => `${i},0,${i % 2}`)];
    expect(pointsOf(lines.join('\n'))).toHaveLength(20_000);
    expect(errorOf([...lines, '', '1,1,1'].join('\n'))).toEqual({ line: 20_003, code: 'tooMany', detail: '20000' });
  });

  it('shortens a very long offending field in the detail', () => {
    const detail = errorOf(`1,${'9'.repeat(500)}x,0`).detail;
    expect(detail.length).toBeLessThanOrEqual(41);
  });
});

describe('toCsv', () => {
  it('writes a header and one line per point', () => {
    expect(
      toCsv([
        { x: 0.1, y: -2, label: 1 },
        { x: 3, y: 4, label: 0 },
      ]),
    ).toBe('x,y,label\n0.1,-2,1\n3,4,0\n');
  });

  it('round-trips through parseCsv exactly, −0, tiny and huge (float32-sized) numbers included', () => {
    const coordinate = fc.double({ min: -3.4e38, max: 3.4e38, noNaN: true });
    const point = fc.record({
      x: coordinate,
      y: coordinate,
      label: fc.constantFrom(0 as const, 1 as const),
    });
    const bothClasses = fc
      .tuple(fc.array(point, { maxLength: 50 }), point, point)
      .map(([rest, a, b]) => [...rest, { ...a, label: 0 as const }, { ...b, label: 1 as const }]);
    fc.assert(
      fc.property(bothClasses, (points) => {
        const parsed = pointsOf(toCsv(points));
        expect(parsed).toHaveLength(points.length);
        parsed.forEach((p, i) => {
          const original = points[i] as LabeledPoint;
          expect(Object.is(p.x, original.x) && Object.is(p.y, original.y) && p.label === original.label).toBe(true);
        });
      }),
    );
  });
});
