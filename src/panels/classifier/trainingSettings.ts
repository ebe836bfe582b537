import type { AllLossParams } from '../../losses/types';
import type { LaneTraining, ModelConfig } from '../../model/protocol';
import type { LabState, RaceLane } from '../../state/labState';
import { lossParams, type ClassCounts } from '../../state/lossParams';

/** The one network's lane: the loss picked under "Train with", with the explorer's sliders. */
export const singleLane = (state: Pick<LabState, 'trainLoss' | 'classWeighting' | 'beta'>, params: AllLossParams): LaneTraining => ({
  loss: state.trainLoss,
  params,
  classWeighting: state.classWeighting,
  beta: state.beta,
});

/** A race lane's own sliders; α from the ratio, DWB's weights and LA-CE's prior follow the training counts. */
export const raceLaneTraining = (lane: RaceLane, ratio: number, counts: ClassCounts): LaneTraining => ({
  loss: lane.loss,
  params: lossParams({ ...lane.params, alphaFromRatio: lane.alphaFromRatio, ratio }, counts),
  classWeighting: lane.classWeighting,
  beta: lane.beta,
});

/** The page's network: 0–3 hidden layers of one width. */
export const modelConfig = (layers: number, width: number, activation: ModelConfig['activation'], seed: number): ModelConfig => ({
  hiddenLayers: Array.from({ length: layers }, () => width),
  activation,
  seed,
});
