import { describe, expect, it } from 'vitest';
import { binaryLosses } from '../losses';
import { batchGradient, laneObjective, meanLoss } from './laneObjective';
import type { LaneTraining } from './protocol';

const PARAMS = { alpha: 0.25, gamma: 2, wPos: 3, wNeg: 1.2, lambda: 1, epsilon: 1, gammaPos: 0, gammaNeg: 4, margin: 0.05, tau: 1, priorPos: 0.1 };
const labels = new Uint8Array([0, 1, 0, 0, 1, 0]);
const logits = new Float32Array([-2, 0.5, 1.5, -0.25, -3, 0]);

describe('a lane objective', () => {
  it.each(['ce', 'focal', 'dwb', 'asl'] as const)('gives %s’s class-weighted mean loss and its derivative per logit', (loss) => {
    const training: LaneTraining = { loss, params: PARAMS, classWeighting: 'inverseFrequency', beta: 0.999 };
    const objective = laneObjective(training, labels);
    // Inverse frequency on 4 negatives and 2 positives: N / (2 n_y).
    expect(objective.weights).toEqual([6 / 8, 6 / 4]);
    const gradient = new Float32Array(logits.length);
    batchGradient(objective, logits, { offset: 0, stride: 1 }, null, labels, gradient);
    logits.forEach((x, i) => {
      // Central difference over the step float32 really takes (x ± 1e-3 rounds).
      const [above, below] = [Math.fround(x + 1e-3), Math.fround(x - 1e-3)];
      const at = (value: number) => meanLoss(objective, logits.map((other, j) => (j === i ? value : other)), labels);
      expect(gradient[i]).toBeCloseTo((at(above) - at(below)) / (above - below), 5);
    });
    const weight = (y: number) => (y === 1 ? 6 / 4 : 6 / 8);
    const expected = [...logits].reduce((sum, x, i) => sum + weight(labels[i] as number) * binaryLosses[loss].value(x, labels[i] as 0 | 1, PARAMS), 0) / 6;
    expect(meanLoss(objective, logits, labels)).toBeCloseTo(expected, 12);
  });

  it('reads and writes one lane’s slots of an array of several lanes, for the batch’s rows', () => {
    const objective = laneObjective({ loss: 'ce', params: PARAMS, classWeighting: 'none', beta: 0.999 }, labels);
    // Two lanes, example by example: lane 1 at odd slots. The batch is examples 4 and 1 (both positives).
    const interleaved = new Float32Array([9, -1, 9, 2]);
    const gradient = new Float32Array(4);
    batchGradient(objective, interleaved, { offset: 1, stride: 2 }, new Int32Array([4, 1]), labels, gradient);
    const ce = binaryLosses.ce;
    expect([...gradient]).toEqual([0, Math.fround(ce.grad(-1, 1, {}) / 2), 0, Math.fround(ce.grad(2, 1, {}) / 2)]);
  });
});
