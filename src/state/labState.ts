import type { DatasetShape } from '../data/types';
import type { BinaryLossId } from '../losses/types';
import type { Activation, BackendName, ClassWeighting, OptimizerName } from '../model/protocol';

export type Language = 'en' | 'zh';
/** Which label the example on the curves has: the rare class (y = 1) or the common one (y = 0). */
export type ExampleClass = 1 | 0;
export type LabView = 'curves' | 'classifier';
export type Resampling = 'none' | 'oversample' | 'undersample' | 'smote';

/** The loss sliders a race lane carries for itself (DWB's weights and LA-CE's prior follow the ratio). */
export type LaneParamKey = 'gamma' | 'alpha' | 'epsilon' | 'gammaPos' | 'gammaNeg' | 'margin' | 'tau' | 'lambda';

/**
 * One lane of a race: a loss with its own parameters and its own class weights. Everything else
 * (data, network, seeds, optimizer, batches) is shared by all lanes.
 */
export interface RaceLane {
  loss: BinaryLossId;
  /** Every lane slider, whether or not this loss reads it (missing ones in a link take the table's defaults). */
  params: Record<LaneParamKey, number>;
  /** α from the class ratio instead of params.alpha. */
  alphaFromRatio: boolean;
  classWeighting: ClassWeighting;
  beta: number;
}

/** Everything the curve explorer shows, and everything a shared link restores. */
export interface LabState {
  losses: BinaryLossId[];
  gamma: number;
  alpha: number;
  /** When on, α comes from the class ratio (α/(1−α) = n_neg/n_pos) instead of the α slider. */
  alphaFromRatio: boolean;
  /** Majority examples per minority example: 1 (balanced) to 1000. */
  ratio: number;
  beta: number;
  epsilon: number;
  gammaPos: number;
  gammaNeg: number;
  margin: number;
  tau: number;
  /** Weight of DWB's regulariser −2p_t(1 − p_t): 1 as published, 0 for the weighting alone. */
  lambda: number;
  exampleClass: ExampleClass;
  logScale: boolean;
  lang: Language;

  view: LabView;
  /** The one loss the classifier trains with; its parameters are the sliders above. */
  trainLoss: BinaryLossId;
  shape: DatasetShape;
  size: number;
  noise: number;
  labelNoise: number;
  dataSeed: number;
  resampling: Resampling;
  hiddenLayers: number;
  width: number;
  activation: Activation;
  modelSeed: number;
  optimizer: OptimizerName;
  learningRate: number;
  batchSize: number;
  classWeighting: ClassWeighting;
  /** Decision threshold for the confusion matrix and the threshold metrics (threshold moving). */
  threshold: number;
  backend: BackendName;
  /** L2 weight decay λ: the training objective adds (λ/2)·Σ kernel weights² (biases are not decayed). */
  weightDecay: number;
  /** The race's lanes, 2–4; empty when the classifier trains one network. */
  race: RaceLane[];
  /** The guided lesson's step, 1 … n; 0 when the lesson is closed. */
  lessonStep: number;
}

export type NumericKey = {
  [K in keyof LabState]: LabState[K] extends number ? K : never;
}[keyof LabState];
