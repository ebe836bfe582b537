import { useMemo } from 'react';
import { clampSpec, generateDataset, packPoints, randomOversample, randomUndersample, smote } from '../../data';
import type { LabeledPoint } from '../../data/types';
import type { LabState, Resampling } from '../../state/labState';

export interface DataSplit {
  train: LabeledPoint[];
  test: LabeledPoint[];
}

const resamplers: Record<Resampling, (points: readonly LabeledPoint[], seed: number) => LabeledPoint[]> = {
  none: (points) => [...points],
  oversample: randomOversample,
  undersample: randomUndersample,
  smote: (points, seed) => smote(points, seed),
};

/**
 * The points the network trains and is tested on: generated from the settings (or the teacher's own
 * points), then resampled. Only the training set is ever resampled; the test set keeps the true ratio.
 */
export function useTrainingData(state: LabState, custom: DataSplit | null) {
  const { shape, ratio, size, noise, labelNoise, dataSeed, resampling } = state;
  const generated = useMemo(
    () => generateDataset(clampSpec({ shape, ratio, size, noise, labelNoise, seed: dataSeed }).spec),
    [shape, ratio, size, noise, labelNoise, dataSeed],
  );
  const base: DataSplit = custom ?? generated;
  const train = useMemo(() => resamplers[resampling](base.train, dataSeed), [base.train, resampling, dataSeed]);
  const packed = useMemo(() => ({ train: packPoints(train), test: packPoints(base.test) }), [train, base.test]);
  return { base, train, test: base.test, packed };
}
