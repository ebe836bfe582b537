import { describe, expect, it } from 'vitest';
import { countFlips } from './flips';

describe('countFlips', () => {
  it('counts a positive whose logit turned positive and a negative whose logit did as one each way', () => {
    // Positive −1 → 2: became easy. Negative −3 → 0.5: became hard. The others stay on their side.
    expect(countFlips([-1, -3, 4, -2], [2, 0.5, 1, -5], [1, 0, 1, 0])).toEqual({ toEasy: 1, toHard: 1, total: 2 });
  });

  it('sees the same logit move as easy for a negative and hard for a positive', () => {
    expect(countFlips([1, 1], [-1, -1], [0, 1])).toEqual({ toEasy: 1, toHard: 1, total: 2 });
  });

  it('does not count a move within one side, however large', () => {
    expect(countFlips([0.1, -0.1], [50, -50], [1, 0])).toEqual({ toEasy: 0, toHard: 0, total: 0 });
  });

  it('treats p_t = ½ (x_t = 0) as hard: reaching it is a flip to hard, leaving it upwards a flip to easy', () => {
    expect(countFlips([0.5, 0], [0, 0.5], [1, 1])).toEqual({ toEasy: 1, toHard: 1, total: 2 });
    expect(countFlips([0, -0], [-2, 0], [1, 0])).toEqual({ toEasy: 0, toHard: 0, total: 0 });
  });

  it('counts NaN logits as hard, so a diverging model loses its easy examples', () => {
    expect(countFlips([3, -3, Number.NaN], [Number.NaN, Number.NaN, 3], [1, 0, 1])).toEqual({
      toEasy: 1,
      toHard: 2,
      total: 3,
    });
  });

  it('is null when the snapshots are of different point sets, and zero for two empty ones', () => {
    expect(countFlips([1, 2], [1, 2, 3], [1, 1, 1])).toBeNull();
    expect(countFlips([1, 2], [1, 2], [1])).toBeNull();
    expect(countFlips([], [], [])).toEqual({ toEasy: 0, toHard: 0, total: 0 });
  });

  it('reads typed arrays from the model unchanged', () => {
    const previous = new Float32Array([-1, 1]);
    const current = new Float32Array([1, -1]);
    expect(countFlips(previous, current, new Float32Array([1, 1]))).toEqual({ toEasy: 1, toHard: 1, total: 2 });
  });
});
