import type { DatasetShape } from '../data/types';
import type { BinaryLossId, LossSettingsById } from '../losses/types';
import type { Activation, BackendName, ClassWeighting, OptimizerName } from '../model/protocol';

/** Each choice's options, written once (see also model/protocol.ts). */
export const languages = ['en', 'zh'] as const;
export type Language = (typeof languages)[number];
/** Which label the example on the curves has: the rare class (y = 1) or the common one (y = 0). */
export type ExampleClass = 1 | 0;
export const labViews = ['curves', 'classifier'] as const;
export type LabView = (typeof labViews)[number];
export const resamplings = ['none', 'oversample', 'undersample', 'smote'] as const;
export type Resampling = (typeof resamplings)[number];

/**
 * One lane of a race: a loss with its own parameters and its own class weights. Everything else
 * (data, network, seeds, optimizer, batches) is shared by all lanes.
 */
export interface RaceLane {
  loss: BinaryLossId;
  /** The settings of this lane's loss (what a link leaves out takes the loss's defaults). */
  settings: Readonly<Record<string, number>>;
  /** α from the class counts instead of settings.alpha (for the losses with an α). */
  alphaFromRatio: boolean;
  classWeighting: ClassWeighting;
  beta: number;
}

/** Everything the curve explorer shows, and everything a shared link restores. */
export interface LabState {
  losses: BinaryLossId[];
  /** Each loss's own sliders (focal's γ and α, DWB's λ…): a loss's parameters belong to that loss. */
  lossSettings: LossSettingsById;
  /** When on, α comes from the class counts (α/(1−α) = n_neg/n_pos) instead of the α slider. */
  alphaFromRatio: boolean;
  /** Majority examples per minority example: 1 (balanced) to 1000. */
  ratio: number;
  /** Cui et al.'s β for the trainer's effective-number class weights. */
  beta: number;
  exampleClass: ExampleClass;
  logScale: boolean;
  /** Projector mode: large type, thick lines, high contrast, the key figure above the fold. */
  projector: boolean;
  lang: Language;

  view: LabView;
  /** The one loss the classifier trains with; its parameters are its lossSettings. */
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
