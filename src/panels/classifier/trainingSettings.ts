import type { ClassCounts } from '../../losses/types';
import type { LaneTraining, ModelConfig } from '../../model/protocol';
import type { LabState, RaceLane } from '../../state/labState';
import { resolveLoss } from '../../state/lossParams';

type SingleSettings = Pick<LabState, 'trainLoss' | 'alphaFromRatio' | 'classWeighting' | 'beta'> & {
  /** The trained loss's own settings. */
  settings: Readonly<Record<string, number>>;
};

/** The one network's lane: the loss picked under "Train with", with that loss's sliders. */
export const singleLane = (state: SingleSettings, counts: ClassCounts): LaneTraining => ({
  loss: state.trainLoss,
  params: resolveLoss({ loss: state.trainLoss, settings: state.settings, alphaFromRatio: state.alphaFromRatio }, counts),
  classWeighting: state.classWeighting,
  beta: state.beta,
});

/** A race lane's own sliders; what is derived (α when tied, DWB's weights, LA-CE's prior…) follows the training counts. */
export const raceLaneTraining = (lane: RaceLane, counts: ClassCounts): LaneTraining => ({
  loss: lane.loss,
  params: resolveLoss(lane, counts),
  classWeighting: lane.classWeighting,
  beta: lane.beta,
});

/** The page's network: 0–3 hidden layers of one width. */
export const modelConfig = (layers: number, width: number, activation: ModelConfig['activation'], seed: number): ModelConfig => ({
  hiddenLayers: Array.from({ length: layers }, () => width),
  activation,
  seed,
});
