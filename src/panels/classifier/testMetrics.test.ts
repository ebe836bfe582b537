import { describe, expect, it } from 'vitest';
import { evaluate } from '../../metrics';
import { evaluationAt, rankingOf } from './testMetrics';

const labels = Uint8Array.from([1, 0, 1, 0, 0]);
const logits = Float32Array.from([2, -1, 0.5, 0.2, -3]);

describe('test metrics of a snapshot', () => {
  it('equal a full evaluation at any threshold', () => {
    const ranking = rankingOf(logits, labels);
    expect(ranking).not.toBeNull();
    if (!ranking) return;
    for (const threshold of [0.1, 0.5, 0.6, 0.9]) {
      expect(evaluationAt(ranking, labels, threshold)).toEqual(evaluate(ranking.scores, labels, threshold));
    }
  });

  it('are computed once per snapshot', () => {
    const fresh = Float32Array.from(logits);
    expect(rankingOf(fresh, labels)).toBe(rankingOf(fresh, labels));
  });

  it('are absent for a diverged network instead of throwing', () => {
    expect(rankingOf(Float32Array.from([Number.NaN, 1, 0, 0, 0]), labels)).toBeNull();
  });
});
