import { useMemo } from 'react';
import { anyLoss, binaryLossIds } from '../losses';
import type { BinaryLossId, ClassCounts, LossParamsById, ResolvedParams } from '../losses/types';
import type { LabState } from './labState';

export type { ClassCounts };

/** Class counts as [negatives, positives] for a ratio of 1 minority to `ratio` majority examples. */
export const countsForRatio = (ratio: number, minorityCount = 1): [number, number] => [
  ratio * minorityCount,
  minorityCount,
];

/**
 * [negatives, positives] to derive parameters from: the curves know only the ratio slider, a trained
 * network the counts it trains on (after resampling, noise, clicks or an import). With a class
 * missing there is nothing to balance, and the formulas would divide by 0: equal counts then.
 */
const balanceable = ([nNeg, nPos]: ClassCounts): ClassCounts => (nNeg > 0 && nPos > 0 ? [nNeg, nPos] : [1, 1]);

/** What a loss's parameters are resolved from: its own settings and whether α follows the counts. */
export interface LossSetup {
  loss: BinaryLossId;
  settings: Readonly<Record<string, number>>;
  alphaFromRatio: boolean;
}

/**
 * Every parameter one loss reads. Derived ones (DWB's weights, LA-CE's prior, LDAM's margins…)
 * follow the class counts, the way their papers set them from the training counts; α does when
 * tied to them.
 */
export function resolveLoss({ loss, settings, alphaFromRatio }: LossSetup, counts: ClassCounts): ResolvedParams {
  return anyLoss(loss).resolve(settings, balanceable(counts), alphaFromRatio);
}

export type ResolvedParamsById = Readonly<LossParamsById>;

/** Every loss's parameters from the explorer state; the curves take the counts the ratio slider describes. */
export function lossParams(
  state: Pick<LabState, 'lossSettings' | 'alphaFromRatio' | 'ratio'>,
  counts: ClassCounts = countsForRatio(state.ratio),
): ResolvedParamsById {
  return Object.fromEntries(
    binaryLossIds.map((loss) => [loss, resolveLoss({ loss, settings: state.lossSettings[loss], alphaFromRatio: state.alphaFromRatio }, counts)]),
  ) as ResolvedParamsById;
}

/**
 * lossParams, recomputed only when a loss setting or a count changes: charts, the trainer and the
 * points' gradient shares all key on these objects, and a threshold or language change must not
 * redraw them. Without `counts`, the ones the ratio slider describes.
 */
export function useLossParams(state: LabState, counts?: ClassCounts): ResolvedParamsById {
  const { lossSettings, alphaFromRatio, ratio } = state;
  const [nNeg, nPos] = counts ?? countsForRatio(ratio);
  return useMemo(() => lossParams({ lossSettings, alphaFromRatio, ratio }, [nNeg, nPos]), [lossSettings, alphaFromRatio, ratio, nNeg, nPos]);
}
