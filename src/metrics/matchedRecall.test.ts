import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { confusionAt, thresholdMetrics } from './confusion';
import { thresholdAtRecall } from './matchedRecall';

// Six points. By score: 0.9(+) 0.8(−) 0.7(+) 0.6(+) 0.4(−) 0.2(−).
const scores = [0.4, 0.9, 0.2, 0.7, 0.8, 0.6];
const labels = [0, 1, 0, 1, 0, 1];

describe('thresholdAtRecall', () => {
  it('picks the highest threshold that reaches the recall, by hand for six points', () => {
    expect(thresholdAtRecall(scores, labels, 0.5)).toEqual({
      threshold: 0.7,
      recall: 2 / 3,
      precision: 2 / 3,
      truePositives: 2,
      predictedPositives: 3,
    });
    expect(thresholdAtRecall(scores, labels, 1)).toEqual({
      threshold: 0.6,
      recall: 1,
      precision: 3 / 4,
      truePositives: 3,
      predictedPositives: 4,
    });
  });

  it('meets a recall read off another threshold exactly, not one ulp short', () => {
    const { minorityRecall } = thresholdMetrics(confusionAt(scores, labels, 0.65));
    expect(minorityRecall).toBe(2 / 3);
    expect(thresholdAtRecall(scores, labels, minorityRecall)?.threshold).toBe(0.7);
  });

  it('with target 0 is the top score, where recall is already 1/3 because a positive holds it', () => {
    expect(thresholdAtRecall(scores, labels, 0)).toMatchObject({ threshold: 0.9, recall: 1 / 3 });
    expect(thresholdAtRecall([0.9, 0.5], [0, 1], 0)).toMatchObject({ threshold: 0.9, recall: 0, precision: 0 });
  });

  it('takes tied scores as one step', () => {
    // Positives {0.8, 0.5}, negatives {0.5, 0.5, 0.2}: recall ½ at 0.8, then 1 at 0.5 with all three ties.
    expect(thresholdAtRecall([0.5, 0.8, 0.5, 0.2, 0.5], [0, 1, 1, 0, 0], 0.75)).toEqual({
      threshold: 0.5,
      recall: 1,
      precision: 2 / 4,
      truePositives: 2,
      predictedPositives: 4,
    });
  });

  it('is null without positives, without a target, or for a target no threshold reaches', () => {
    expect(thresholdAtRecall([0.2, 0.7], [0, 0], 0.5)).toBeNull();
    expect(thresholdAtRecall([], [], 0.5)).toBeNull();
    expect(thresholdAtRecall(scores, labels, null)).toBeNull();
    expect(thresholdAtRecall(scores, labels, 1.01)).toBeNull();
  });

  it('agrees with confusionAt: the recall is reached there and missed at the next higher score', () => {
    const gridScore = fc.integer({ min: 0, max: 20 }).map((k) => k / 20);
    const points = fc.array(fc.tuple(fc.oneof(gridScore, fc.double({ min: 0, max: 1, noNaN: true })), fc.constantFrom(0, 1)), {
      maxLength: 30,
    });
    const recallAt = (s: number[], y: number[], t: number) =>
      thresholdMetrics(confusionAt(s, y, t)).minorityRecall ?? Number.NaN;
    const agrees = (s: number[], y: number[], target: number) => {
      const point = thresholdAtRecall(s, y, target);
      if (!y.includes(1)) return point === null;
      if (point === null) return false;
      const { tp, fp } = confusionAt(s, y, point.threshold);
      const higher = s.filter((score) => score > point.threshold);
      return (
        s.includes(point.threshold) &&
        point.recall === recallAt(s, y, point.threshold) &&
        point.recall >= target &&
        point.truePositives === tp &&
        point.predictedPositives === tp + fp &&
        (higher.length === 0 || recallAt(s, y, Math.min(...higher)) < target)
      );
    };
    fc.assert(
      fc.property(points, fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(), (pairs, target, pick) => {
        const s = pairs.map(([score]) => score);
        const y = pairs.map(([, label]) => label);
        // Also a target that some threshold meets exactly, where an off-by-one-step would show.
        const exactTarget = s.length === 0 ? 0 : recallAt(s, y, s[pick % s.length] ?? 0);
        return agrees(s, y, target) && agrees(s, y, Number.isNaN(exactTarget) ? 0 : exactTarget);
      }),
    );
  });
});
