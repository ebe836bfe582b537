import { describe, expect, it } from 'vitest';
import { lossRegistry } from '../losses';
import { gammaScale, lossSettingParamByKey, numberParams, settingParamsOf } from './paramTable';

describe('slider scales', () => {
  it.each(numberParams.map((p) => [p.key, p] as const))('%s maps its track ends to its range', (_key, p) => {
    expect(p.scale.toValue(0)).toBeCloseTo(p.min, 9);
    expect(p.scale.toValue(p.scale.steps)).toBeCloseTo(p.max, 9);
  });

  it.each(numberParams.map((p) => [p.key, p] as const))('%s keeps its default where the slider puts it', (_key, p) => {
    const position = p.scale.toPosition(p.defaultValue);
    expect(p.scale.toValue(position)).toBeCloseTo(p.defaultValue, 9);
  });

  it('γ moves in steps of 0.01 below 5 and 0.05 above', () => {
    const scale = gammaScale();
    expect(scale.toValue(scale.toPosition(0.37))).toBe(0.37);
    expect(scale.toValue(scale.toPosition(5))).toBe(5);
    expect(scale.toValue(scale.toPosition(7.25))).toBe(7.25);
  });

  it('the class ratio slider spans 1:1 to 1:1000 on a log track', () => {
    const ratio = numberParams.find((p) => p.key === 'ratio');
    expect(ratio?.scale.toValue((ratio.scale.steps * 2) / 3)).toBe(100);
  });
});

describe('values from a link', () => {
  it('snap to what the setting can be', () => {
    const byKey = Object.fromEntries(numberParams.map((p) => [p.key, p]));
    expect(byKey.hiddenLayers?.scale.snap(2.4)).toBe(2);
    expect(byKey.batchSize?.scale.snap(100)).toBe(128);
    expect(byKey.ratio?.scale.snap(500)).toBe(500);
    expect(byKey.ratio?.scale.snap(123.456)).toBe(123);
    expect(lossSettingParamByKey.get('focal.gamma')?.scale.snap(3.14159)).toBe(3.14);
  });

  it('give every loss setting one row, keyed `<loss>.<name>`, with its default inside its range', () => {
    for (const loss of lossRegistry) {
      const rows = settingParamsOf(loss.id);
      expect(rows.map((row) => row.name)).toEqual(Object.keys(loss.defaultSettings()));
      for (const row of rows) {
        expect(row.key).toBe(`${loss.id}.${row.name}`);
        expect(row.defaultValue).toBeGreaterThanOrEqual(row.min);
        expect(row.defaultValue).toBeLessThanOrEqual(row.max);
        expect(row.scale.snap(row.defaultValue)).toBe(row.defaultValue);
      }
    }
  });
});
