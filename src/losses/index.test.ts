import { describe, expect, it } from 'vitest';
import { binaryLosses, binaryLossIds, multiClassLosses } from './index';

describe('the loss table', () => {
  it('lists every loss once, in the UI order', () => {
    expect(binaryLossIds).toEqual([
      'ce',
      'balanced-ce',
      'focal',
      'dwb',
      'poly1',
      'asl',
      'la-ce',
      'weighted-ce',
      'class-balanced-focal',
      'poly1-focal',
      'label-smoothing',
      'ldam',
    ]);
    expect(Object.keys(binaryLosses).sort()).toEqual([...binaryLossIds].sort());
  });

  it('files each loss under its own id', () => {
    for (const id of binaryLossIds) expect(binaryLosses[id].id).toBe(id);
    for (const [id, loss] of Object.entries(multiClassLosses)) expect(loss.id).toBe(id);
  });
});
