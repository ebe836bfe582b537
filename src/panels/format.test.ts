import { describe, expect, it } from 'vitest';
import { formatBeta, formatParam, formatValue } from './format';

describe('formatValue', () => {
  it('shows ordinary numbers with four significant digits', () => {
    expect(formatValue(0.105360515)).toBe('0.1054');
    expect(formatValue(-2.5)).toBe('-2.5');
  });

  it('writes tiny values as powers of ten', () => {
    expect(formatValue(1.0536e-5)).toBe('1.054×10⁻⁵');
    expect(formatValue(4.2e-18)).toBe('4.200×10⁻¹⁸');
  });

  it('keeps zero and non-finite values readable', () => {
    expect(formatValue(0)).toBe('0');
    expect(formatValue(Number.NaN)).toBe('NaN');
  });
});

describe('formatParam', () => {
  it('drops trailing zeros', () => {
    expect(formatParam(0.25)).toBe('0.25');
    expect(formatParam(2)).toBe('2');
    expect(formatParam(0.123456)).toBe('0.123');
  });
});

describe('formatBeta', () => {
  it('keeps every 9 of β (0.9999 must not read "1")', () => {
    expect(formatBeta(0.9999)).toBe('0.9999');
    expect(formatBeta(0.999369)).toBe('0.999369');
    expect(formatBeta(0.9)).toBe('0.9');
  });
});
