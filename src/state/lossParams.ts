import { useMemo } from 'react';
import { alphaFromRatio, dwbLogRatio } from '../losses';
import type { AllLossParams } from '../losses/types';
import type { LabState } from './labState';

/** Class counts as [negatives, positives] for a ratio of 1 minority to `ratio` majority examples. */
export const countsForRatio = (ratio: number, minorityCount = 1): [number, number] => [
  ratio * minorityCount,
  minorityCount,
];

/** α as the losses will use it: from the slider, or derived from the class ratio when asked. */
export function effectiveAlpha(state: Pick<LabState, 'alpha' | 'alphaFromRatio' | 'ratio'>): number {
  const [nNeg, nPos] = countsForRatio(state.ratio);
  return state.alphaFromRatio ? alphaFromRatio(nNeg, nPos) : state.alpha;
}

/**
 * Every loss parameter from the explorer state. DWB's weights and logit adjustment's prior follow
 * the class ratio, the way their papers set them from the training counts.
 */
type LossSettings = Pick<
  LabState,
  'gamma' | 'alpha' | 'alphaFromRatio' | 'ratio' | 'epsilon' | 'gammaPos' | 'gammaNeg' | 'margin' | 'tau'
>;

export function lossParams(state: LossSettings): AllLossParams {
  const counts = countsForRatio(state.ratio);
  const [wNeg, wPos] = dwbLogRatio(counts) as [number, number];
  return {
    gamma: state.gamma,
    alpha: effectiveAlpha(state),
    wPos,
    wNeg,
    epsilon: state.epsilon,
    gammaPos: state.gammaPos,
    gammaNeg: state.gammaNeg,
    margin: state.margin,
    tau: state.tau,
    priorPos: counts[1] / (counts[0] + counts[1]),
  };
}

/**
 * lossParams, recomputed only when a loss parameter changes: charts, the trainer and the points'
 * gradient shares all key on this object, and a threshold or language change must not redraw them.
 */
export function useLossParams(state: LabState): AllLossParams {
  const { gamma, alpha, alphaFromRatio: tied, ratio, epsilon, gammaPos, gammaNeg, margin, tau } = state;
  return useMemo(
    () => lossParams({ gamma, alpha, alphaFromRatio: tied, ratio, epsilon, gammaPos, gammaNeg, margin, tau }),
    [gamma, alpha, tied, ratio, epsilon, gammaPos, gammaNeg, margin, tau],
  );
}
