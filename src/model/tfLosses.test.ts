import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { binaryLosses, binaryLossIds } from '../losses';
import type { BinaryLossId, Label, LossParamsById } from '../losses/types';
import { meanLoss, tfBinaryLosses } from './tfLosses';

/**
 * Tolerance against the float64 module: |tfjs − ref| ≤ RTOL·|ref| + ATOL.
 * RTOL: float32 rounds each op to u = 2^−24 ≈ 6e−8 relative; a loss is 10–20 ops, and exp/log turn
 * the absolute error of their arguments (up to ~|x|·u) into relative error, so a few 1e−6 is honest
 * (measured worst on this grid: 3.8e−6 relative, 2.6e−7 of max(1, |ref|)); 1e−5 leaves headroom
 * without hiding a wrong formula (those are off by ≥ 1e−3). ATOL: where terms of size O(1…w) cancel
 * (dwb's regulariser near its zero crossing, ASL's p − m next to the margin) float32 keeps only
 * ~1e−7 absolute and relative error is meaningless; 1e−6 ≈ 16 float32 ulps at 1. Because ATOL would
 * let a 0-instead-of-1e−13 through, the tail test below checks relative accuracy alone.
 */
const RTOL = 1e-5;
const ATOL = 1e-6;

/** Every integer in [−30, 30] (±15, 0, the saturated tails) plus quarter steps in [−4, 4], where the
 * losses bend. All exactly representable in float32, so both implementations see the same logits. */
const GRID = [
  ...Array.from({ length: 61 }, (_, i) => i - 30),
  ...Array.from({ length: 33 }, (_, i) => -4 + i / 4).filter((x) => !Number.isInteger(x)),
];
const EXTREME = [-700, -80, 80, 700];
const LABELS: readonly Label[] = [0, 1];

interface Case {
  id: BinaryLossId;
  name: string;
  loss(logits: tf.Tensor, labels: tf.Tensor): tf.Tensor;
  mean(logits: tf.Tensor, labels: tf.Tensor): tf.Scalar;
  value(x: number, y: Label): number;
  grad(x: number, y: Label): number;
}

/** Binds a loss to its parameters (generic, so the id and the params stay correlated for the checker). */
function lossCase<K extends BinaryLossId>(id: K, params: LossParamsById[K]): Case {
  return {
    id,
    name: `${id} ${JSON.stringify(params)}`,
    loss: (logits, labels) => tfBinaryLosses[id](logits, labels, params),
    mean: (logits, labels) => meanLoss(id, logits, labels, params),
    value: (x, y) => binaryLosses[id].value(x, y, params),
    grad: (x, y) => binaryLosses[id].grad(x, y, params),
  };
}

const CASES: Case[] = [
  lossCase('ce', {}),
  ...[0.25, 0.5, 0.75].map((alpha) => lossCase('balanced-ce', { alpha })),
  ...[0, 0.5, 1, 2, 5].flatMap((gamma) => [-1, 0.25, 0.75].map((alpha) => lossCase('focal', { gamma, alpha }))),
  ...[
    [1, 1],
    [5.605170185988092, 1],
    [1, 3],
    [7.907755278982137, 2],
  ].map(([wPos = 1, wNeg = 1]) => lossCase('dwb', { wPos, wNeg, lambda: 1 })),
  lossCase('dwb', { wPos: 5.605170185988092, wNeg: 1, lambda: 0 }),
  ...[-1, 0, 1, 2].map((epsilon) => lossCase('poly1', { epsilon })),
  lossCase('asl', { gammaPos: 0, gammaNeg: 4, margin: 0.05 }),
  lossCase('asl', { gammaPos: 1, gammaNeg: 2, margin: 0 }),
  lossCase('asl', { gammaPos: 0, gammaNeg: 0, margin: 0 }),
  lossCase('asl', { gammaPos: 0.5, gammaNeg: 0.5, margin: 0.2 }),
  lossCase('asl', { gammaPos: 2, gammaNeg: 1, margin: 0.2 }),
  lossCase('la-ce', { tau: 1, priorPos: 0.01 }),
  lossCase('la-ce', { tau: 0.5, priorPos: 0.3 }),
  lossCase('la-ce', { tau: 2, priorPos: 0.9 }),
  // Effective-number weights (β = 0.999) for 1 : 100 counts, as in the reference vectors, and β = 0.
  ...[
    { beta: 0.999, wPos: 1.9689997056721649, wNeg: 0.031000294327835184 },
    { beta: 0, wPos: 1, wNeg: 1 },
  ].flatMap((weights) => [
    lossCase('weighted-ce', weights),
    ...[0, 0.5, 2, 5].map((gamma) => lossCase('class-balanced-focal', { gamma, ...weights })),
  ]),
  ...[-1, 0, 1, 2].flatMap((epsilon) => [0, 0.5, 2].map((gamma) => lossCase('poly1-focal', { epsilon, gamma }))),
  ...[0, 0.1, 0.2, 1].map((epsilon) => lossCase('label-smoothing', { epsilon })),
  // LDAM's margins for 1 : 100 counts (max_m = 0.5) with the reference code's S = 30 and with S = 1;
  // then the largest S and max_m with the positives the larger class, and no margin at all.
  lossCase('ldam', { maxMargin: 0.5, scale: 30, deltaPos: 0.5, deltaNeg: 0.15811388300841897 }),
  lossCase('ldam', { maxMargin: 0.5, scale: 1, deltaPos: 0.5, deltaNeg: 0 }),
  lossCase('ldam', { maxMargin: 1, scale: 64, deltaPos: 0.31622776601683794, deltaNeg: 1 }),
  lossCase('ldam', { maxMargin: 0, scale: 30, deltaPos: 0, deltaNeg: 0 }),
];

/** Per-example values and d(Σ loss)/dx_i (= dL_i/dx_i, since example i only enters L_i) from tfjs. */
function evaluate(c: Case, xs: readonly number[], y: Label): { values: number[]; grads: number[] } {
  return tf.tidy(() => {
    const logits = tf.tensor1d([...xs]);
    const labels = tf.fill([xs.length], y);
    const values = Array.from(c.loss(logits, labels).dataSync());
    const grads = Array.from(tf.grad((l: tf.Tensor) => tf.sum(c.loss(l, labels)))(logits).dataSync());
    return { values, grads };
  });
}

/** The grid points where tfjs and the float64 module disagree beyond `ok`, for a readable failure. */
function mismatches(c: Case, xs: readonly number[], ok: (got: number, ref: number) => boolean): string[] {
  const out: string[] = [];
  for (const y of LABELS) {
    const { values, grads } = evaluate(c, xs, y);
    xs.forEach((x, i) => {
      const [v, g] = [values[i] ?? NaN, grads[i] ?? NaN];
      const [rv, rg] = [c.value(x, y), c.grad(x, y)];
      if (!ok(v, rv)) out.push(`value x=${x} y=${y}: tfjs ${v}, float64 ${rv}`);
      if (!ok(g, rg)) out.push(`grad x=${x} y=${y}: tfjs ${g}, float64 ${rg}`);
    });
  }
  return out;
}

const withinTolerance = (got: number, ref: number) => Math.abs(got - ref) <= RTOL * Math.abs(ref) + ATOL;

beforeAll(async () => {
  await tf.setBackend('cpu');
});

it('has a tfjs implementation, and test cases, for every loss id of the float64 module', () => {
  expect(Object.keys(tfBinaryLosses).sort()).toEqual([...binaryLossIds].sort());
  expect([...new Set(CASES.map((c) => c.id))].sort()).toEqual([...binaryLossIds].sort());
});

describe.each(CASES)('$name', (c) => {
  it('matches the float64 values and gradients on the logit grid, for both labels', () => {
    expect(mismatches(c, GRID, withinTolerance)).toEqual([]);
  });

  it('keeps relative accuracy in the saturated tails (|x| ≥ 10), where 1 − σ by subtraction gives 0', () => {
    const tails = GRID.filter((x) => Math.abs(x) >= 10);
    // Below 1e−30 float32 nears its subnormal range and relative accuracy ends by design.
    const relative = (got: number, ref: number) =>
      Math.abs(ref) < 1e-30 ? Math.abs(got) < 1e-30 : Math.abs(got - ref) <= RTOL * Math.abs(ref);
    expect(mismatches(c, tails, relative)).toEqual([]);
  });

  it('has finite values and gradients at extreme logits (±80, ±700), with no NaN from pow or log at 0', () => {
    for (const y of LABELS) {
      const { values, grads } = evaluate(c, EXTREME, y);
      expect([...values, ...grads].every(Number.isFinite)).toBe(true);
    }
  });

  it('meanLoss is the batch mean, and its gradient is each analytic gradient divided by the batch size', () => {
    const xs = [-15, -2.5, 0, 0.75, 15];
    const ys: Label[] = [1, 0, 1, 0, 1];
    const { mean, grads } = tf.tidy(() => {
      const logits = tf.tensor1d(xs);
      const labels = tf.tensor1d(ys);
      return {
        mean: c.mean(logits, labels).dataSync()[0] ?? NaN,
        grads: Array.from(tf.grad((l: tf.Tensor) => c.mean(l, labels))(logits).dataSync()),
      };
    });
    const refMean = xs.reduce((sum, x, i) => sum + c.value(x, ys[i] ?? 0), 0) / xs.length;
    expect(withinTolerance(mean, refMean)).toBe(true);
    xs.forEach((x, i) => {
      expect(withinTolerance(grads[i] ?? NaN, c.grad(x, ys[i] ?? 0) / xs.length)).toBe(true);
    });
  });

  it('returns a float32 loss per example in the logits’ shape and leaks no tensors', () => {
    const logits = tf.tensor2d([[-3], [0], [4]]);
    const labels = tf.tensor2d([[0], [1], [1]]);
    const before = tf.memory().numTensors;

    const loss = c.loss(logits, labels);
    expect(loss.shape).toEqual([3, 1]);
    expect(loss.dtype).toBe('float32');
    loss.dispose();
    tf.grad((l: tf.Tensor) => c.mean(l, labels))(logits).dispose();
    c.mean(logits, labels).dispose();

    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([logits, labels]);
  });
});
