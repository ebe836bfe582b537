import { describe, expect, it } from 'vitest';
import { contrastRatio, TEXT_CONTRAST } from '../../charts/contrast';
import { binaryLossIds } from '../../losses';
import { laneStyles } from './laneStyles';

describe('lane styles', () => {
  it('write every lane’s name and values readably on white, in any position, also when lanes repeat a loss', () => {
    for (const id of binaryLossIds) {
      for (const style of laneStyles([id, id, id, id])) {
        expect(contrastRatio(style.text, '#ffffff'), `${id} ${style.color}`).toBeGreaterThanOrEqual(TEXT_CONTRAST);
      }
    }
  });

  it('keep each lane’s line in its loss’s own colour', () => {
    const [first] = laneStyles(['focal', 'ce']);
    expect(first?.color).toBe('#D55E00');
  });
});
