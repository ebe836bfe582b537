import type { DatasetShape } from '../data/types';
import type { BinaryLossId } from '../losses/types';
import type { Activation, BackendName, ClassWeighting, OptimizerName } from '../model/protocol';

export type Language = 'en' | 'zh';
/** Which label the example on the curves has: the rare class (y = 1) or the common one (y = 0). */
export type ExampleClass = 1 | 0;
export type LabView = 'curves' | 'classifier';
export type Resampling = 'none' | 'oversample' | 'undersample' | 'smote';

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
  /** The guided lesson's step, 1 … n; 0 when the lesson is closed. */
  lessonStep: number;
}

export type NumericKey = {
  [K in keyof LabState]: LabState[K] extends number ? K : never;
}[keyof LabState];
