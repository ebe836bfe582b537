import { useMemo } from 'react';
import { alphaFromRatio, dwbLogRatio } from '../losses';
import type { AllLossParams } from '../losses/types';
import type { LabState } from './labState';

/** Class counts as [negatives, positives] for a ratio of 1 minority to `ratio` majority examples. */
export const countsForRatio = (ratio: number, minorityCount = 1): [number, number] => [
  ratio * minorityCount,
  minorityCount,
];

/**
 * [negatives, positives] to derive weights from: the curves know only the ratio slider, a trained
 * network the counts it trains on (after resampling, noise, clicks or an import). With a class
 * missing there is nothing to balance, and the formulas would divide by 0: equal counts then.
 */
export type ClassCounts = readonly [number, number];

const balanceable = ([nNeg, nPos]: ClassCounts): ClassCounts => (nNeg > 0 && nPos > 0 ? [nNeg, nPos] : [1, 1]);

/** α as the losses will use it: from the slider, or derived from the class counts when asked. */
export function effectiveAlpha(
  state: Pick<LabState, 'alpha' | 'alphaFromRatio' | 'ratio'>,
  counts: ClassCounts = countsForRatio(state.ratio),
): number {
  const [nNeg, nPos] = balanceable(counts);
  return state.alphaFromRatio ? alphaFromRatio(nNeg, nPos) : state.alpha;
}

/**
 * Every loss parameter from the explorer state. DWB's weights and logit adjustment's prior follow
 * the class counts, the way their papers set them from the training counts; the curves, which have
 * no training set, take the counts the ratio slider describes.
 */
type LossSettings = Pick<
  LabState,
  'gamma' | 'alpha' | 'alphaFromRatio' | 'ratio' | 'epsilon' | 'gammaPos' | 'gammaNeg' | 'margin' | 'tau' | 'lambda'
>;

export function lossParams(state: LossSettings, trainingCounts: ClassCounts = countsForRatio(state.ratio)): AllLossParams {
  const counts = balanceable(trainingCounts);
  const [wNeg, wPos] = dwbLogRatio(counts) as [number, number];
  return {
    gamma: state.gamma,
    alpha: effectiveAlpha(state, counts),
    wPos,
    wNeg,
    lambda: state.lambda,
    epsilon: state.epsilon,
    gammaPos: state.gammaPos,
    gammaNeg: state.gammaNeg,
    margin: state.margin,
    tau: state.tau,
    priorPos: counts[1] / (counts[0] + counts[1]),
  };
}

/**
 * lossParams, recomputed only when a loss parameter or a count changes: charts, the trainer and
 * the points' gradient shares all key on this object, and a threshold or language change must not
 * redraw them. Without `counts`, the ones the ratio slider describes.
 */
export function useLossParams(state: LabState, counts?: ClassCounts): AllLossParams {
  const { gamma, alpha, alphaFromRatio: tied, ratio, epsilon, gammaPos, gammaNeg, margin, tau, lambda } = state;
  const [nNeg, nPos] = counts ?? countsForRatio(ratio);
  return useMemo(
    () => lossParams({ gamma, alpha, alphaFromRatio: tied, ratio, epsilon, gammaPos, gammaNeg, margin, tau, lambda }, [nNeg, nPos]),
    [gamma, alpha, tied, ratio, epsilon, gammaPos, gammaNeg, margin, tau, lambda, nNeg, nPos],
  );
}
