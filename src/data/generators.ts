/**
 * From a DatasetSpec to a training set and a test set: exact class counts, a shape sampler per
 * class, label noise on the training set. Same spec, same points, bit for bit, in every engine.
 */
import type { Label } from '../losses/types';
import { chooseIndices, streamFor } from './random';
import { shapeSamplers } from './shapes';
import type { DatasetSpec, LabeledPoint } from './types';

export interface ClassCounts {
  /** Label 1. */
  minority: number;
  /** Label 0. */
  majority: number;
}

/**
 * How many points of each class a set of `size` points has at `ratio` majority per minority:
 * minority = max(1, round(size / (1 + ratio))), majority = the rest. Exact, never random, so a
 * teacher who sets 1:100 on 2,000 points sees 20 minority points every time. Math.round rounds
 * halves up, so 201 points at 1:1 are 101 minority and 100 majority. At least one minority point,
 * even at 1:1000 on 200 points.
 */
export function classCounts(size: number, ratio: number): ClassCounts {
  const minority = Math.max(1, Math.round(size / (1 + ratio)));
  return { minority, majority: size - minority };
}

export interface GeneratedDataset {
  train: LabeledPoint[];
  test: LabeledPoint[];
}

type SetName = 'train' | 'test';

/**
 * One set: the majority points, then the minority points. Each class draws from its own stream, so
 * a change of ratio adds or removes points at the end of a class instead of redrawing the cloud,
 * and the scatter plot draws the rare class last, on top.
 */
function generateSet(spec: DatasetSpec, set: SetName): LabeledPoint[] {
  const sample = shapeSamplers[spec.shape];
  const counts = classCounts(spec.size, spec.ratio);
  const points: LabeledPoint[] = [];
  const addClass = (label: Label, count: number, className: keyof ClassCounts) => {
    const random = streamFor(spec.seed, `${set}/${className}`);
    for (let i = 0; i < count; i++) {
      const { x, y } = sample(label, spec.noise, random);
      points.push({ x, y, label });
    }
  };
  addClass(0, counts.majority, 'majority');
  addClass(1, counts.minority, 'minority');
  return points;
}

/** How many labels labelNoise flips in a set of `size` points: round(labelNoise · size). */
export function flippedLabelCount(size: number, labelNoise: number): number {
  return Math.round(labelNoise * size);
}

/**
 * Flip round(labelNoise · n) labels, chosen uniformly among all points (so at 1:100 nearly all
 * flips turn majority points into false minority points, as symmetric label noise does).
 */
function flipLabels(points: LabeledPoint[], labelNoise: number, seed: number): LabeledPoint[] {
  const random = streamFor(seed, 'train/labelNoise');
  const flipped = points.slice();
  for (const index of chooseIndices(flippedLabelCount(points.length, labelNoise), points.length, random)) {
    const point = flipped[index] as LabeledPoint;
    flipped[index] = { ...point, label: point.label === 1 ? 0 : 1 };
  }
  return flipped;
}

/**
 * The training and test sets of a spec (pass it through clampSpec first; this trusts its ranges).
 * Both have `size` points and the exact classCounts, drawn from independent streams of the same
 * seed, so they are independent samples of one distribution.
 *
 * Label noise is applied to the training set only: the lesson is how each loss copes with wrong
 * training labels (focal loss chases them as "hard" examples), and that shows only if the test
 * set still measures the true classes. Noisy test labels would also cap every score below 100 %
 * and blur "the model is wrong" with "the label is wrong". Because of the flips, the training
 * set's label counts can differ from classCounts; the test set's never do.
 *
 * Points come grouped by class (majority first); shuffle before slicing off a subset.
 */
export function generateDataset(spec: DatasetSpec): GeneratedDataset {
  const train = generateSet(spec, 'train');
  return {
    train: spec.labelNoise > 0 ? flipLabels(train, spec.labelNoise, spec.seed) : train,
    test: generateSet(spec, 'test'),
  };
}
