/**
 * Balancing the classes by changing the data instead of the loss, for comparison with the losses.
 *
 * Resample the TRAINING set only, never the test set: the test set must keep the real class ratio,
 * or precision, PR-AUC and calibration would be measured on a world that does not exist (and
 * SMOTE's synthetic points would be graded as if they were real). These functions cannot tell the
 * two apart; the caller must pass training data.
 *
 * All are pure and seeded: they return new arrays and new point objects and leave the input alone.
 * "Minority" means the smaller class by count (label 1 in generated data; after heavy label noise
 * it may not be). Equal classes, or a missing class, come back unchanged (as a copy).
 */
import type { Label } from '../losses/types';
import { chooseIndices, streamFor } from './random';
import type { LabeledPoint } from './types';

interface ClassSplit {
  minority: LabeledPoint[];
  majority: LabeledPoint[];
  minorityLabel: Label;
}

/** Undefined when there is nothing to balance: the classes are equal or one is empty. */
function splitByClass(points: readonly LabeledPoint[]): ClassSplit | undefined {
  const positives = points.filter((point) => point.label === 1);
  const negatives = points.filter((point) => point.label === 0);
  if (positives.length === 0 || negatives.length === 0 || positives.length === negatives.length) return undefined;
  return positives.length < negatives.length
    ? { minority: positives, majority: negatives, minorityLabel: 1 }
    : { minority: negatives, majority: positives, minorityLabel: 0 };
}

const copyAll = (points: readonly LabeledPoint[]) => points.map((point) => ({ ...point }));

/**
 * Random oversampling: every original point, followed by minority points drawn with replacement
 * until the classes are equal.
 */
export function randomOversample(points: readonly LabeledPoint[], seed: number): LabeledPoint[] {
  const split = splitByClass(points);
  const result = copyAll(points);
  if (!split) return result;
  const random = streamFor(seed, 'oversample');
  const { minority, majority } = split;
  for (let i = minority.length; i < majority.length; i++) {
    result.push({ ...(minority[random.integer(minority.length)] as LabeledPoint) });
  }
  return result;
}

/**
 * Random undersampling: all minority points and as many majority points, chosen without
 * replacement; the kept points stay in their original order.
 */
export function randomUndersample(points: readonly LabeledPoint[], seed: number): LabeledPoint[] {
  const split = splitByClass(points);
  if (!split) return copyAll(points);
  const random = streamFor(seed, 'undersample');
  const majorityLabel: Label = split.minorityLabel === 1 ? 0 : 1;
  const majorityIndices = points.flatMap((point, index) => (point.label === majorityLabel ? [index] : []));
  const kept = new Set(
    chooseIndices(split.minority.length, majorityIndices.length, random).map((i) => majorityIndices[i]),
  );
  return points.flatMap((point, index) => (point.label !== majorityLabel || kept.has(index) ? [{ ...point }] : []));
}

const squaredDistance = (a: LabeledPoint, b: LabeledPoint) => (a.x - b.x) ** 2 + (a.y - b.y) ** 2;

/**
 * Indices of the k nearest other minority points of minority[index], nearest first (ties: lower
 * index first). Brute force over the minority only: O(m·k) per point, and only for the points
 * actually used as a base, which is fast for the minority sizes this app has.
 */
function nearestNeighbours(minority: readonly LabeledPoint[], index: number, k: number): number[] {
  const base = minority[index] as LabeledPoint;
  const nearest: number[] = [];
  const distances: number[] = [];
  for (let j = 0; j < minority.length; j++) {
    if (j === index) continue;
    const d = squaredDistance(base, minority[j] as LabeledPoint);
    if (nearest.length === k && d >= (distances[k - 1] as number)) continue;
    let slot = nearest.length;
    while (slot > 0 && (distances[slot - 1] as number) > d) slot--;
    nearest.splice(slot, 0, j);
    distances.splice(slot, 0, d);
    if (nearest.length > k) {
      nearest.pop();
      distances.pop();
    }
  }
  return nearest;
}

/**
 * SMOTE (Chawla, Bowyer, Hall & Kegelmeyer 2002, "SMOTE: Synthetic Minority Over-sampling
 * Technique", JAIR 16, §4.2): each synthetic point lies at a random place on the segment from a
 * minority point to one of its k nearest minority neighbours. Bases are drawn with replacement, as
 * in imbalanced-learn, so any ratio is balanced exactly, not only whole multiples. Returns every
 * original point followed by the synthetic ones, labelled as the minority.
 *
 * With a single minority point there is no neighbour and no segment: the synthetic points are
 * duplicates of it (SMOTE degenerates to random oversampling). With fewer than k + 1 minority points,
 * all the others are its neighbours.
 */
export function smote(points: readonly LabeledPoint[], seed: number, k = 5): LabeledPoint[] {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`smote needs an integer k ≥ 1, got ${k}`);
  const split = splitByClass(points);
  const result = copyAll(points);
  if (!split) return result;
  const random = streamFor(seed, 'smote');
  const { minority, majority, minorityLabel } = split;
  const neighbourCount = Math.min(k, minority.length - 1);
  const neighbourCache = new Map<number, number[]>();
  for (let i = minority.length; i < majority.length; i++) {
    const baseIndex = random.integer(minority.length);
    const base = minority[baseIndex] as LabeledPoint;
    if (neighbourCount === 0) {
      result.push({ x: base.x, y: base.y, label: minorityLabel });
      continue;
    }
    let neighbours = neighbourCache.get(baseIndex);
    if (!neighbours) {
      neighbours = nearestNeighbours(minority, baseIndex, neighbourCount);
      neighbourCache.set(baseIndex, neighbours);
    }
    const neighbour = minority[neighbours[random.integer(neighbourCount)] as number] as LabeledPoint;
    const gap = random.uniform();
    result.push({
      x: base.x + gap * (neighbour.x - base.x),
      y: base.y + gap * (neighbour.y - base.y),
      label: minorityLabel,
    });
  }
  return result;
}
