import { describe, expect, it } from 'vitest';
import { exportFileName } from './exportChart';

describe('exportFileName', () => {
  const when = new Date(2026, 11, 2, 19, 58, 41); // local time, as the file name shows it

  it('says what, which loss and when, to the minute in local time', () => {
    expect(exportFileName(['pr-curve', 'focal'], 'svg', when)).toBe('imbalance-lab_pr-curve_focal_2026-12-02T19-58.svg');
  });

  it('holds nothing Windows refuses in a file name', () => {
    const name = exportFileName(['a<b>c:d"e/f\\g|h?i*j', 'two words\tand\ncontrol\u0001', '...dots.'], 'png', when);
    expect(name).toBe('imbalance-lab_a-b-c-d-e-f-g-h-i-j_two-words-and-control_dots_2026-12-02T19-58.png');
    expect([...name].every((char) => char >= ' ' && !'<>:"/\\|?*'.includes(char))).toBe(true);
  });

  it('leaves out empty parts and keeps race names readable', () => {
    expect(exportFileName(['race-results', 'ce+focal+balanced-ce', ''], 'csv', when)).toBe(
      'imbalance-lab_race-results_ce+focal+balanced-ce_2026-12-02T19-58.csv',
    );
  });
});
