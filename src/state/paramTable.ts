import { datasetSpecLimits } from '../data';
import type { SpecLimit } from '../data';
import { binaryLossIds, binaryLosses, lossRegistry } from '../losses';
import type { BinaryLossId, LossSettingsById, SettingSpec, SliderScaleSpec } from '../losses/types';
import type { LabState, NumericKey } from './labState';

/**
 * One row per setting, in the spirit of TensorFlow Playground's state table: the URL parser, the
 * serialiser and the sliders all read these rows, so a new slider is one row here.
 */
export interface NumberParam<Key extends string = string> {
  kind: 'number';
  /** The URL key: a setting's name, or `<loss>.<name>` for a loss's own parameter (`focal.gamma`). */
  key: Key;
  min: number;
  max: number;
  defaultValue: number;
  /** Track positions are integers 0…steps; the scale maps them to values (fine near 0 for γ). */
  scale: SliderScale;
}

/** A row for one loss's own setting, derived from the loss's declaration. */
export interface LossSettingParam extends NumberParam {
  loss: BinaryLossId;
  name: string;
  spec: SettingSpec;
}

export interface SliderScale {
  steps: number;
  toValue(position: number): number;
  toPosition(value: number): number;
  /** The nearest value the scale can stand for, e.g. a whole number of layers; used for URL values. */
  snap(value: number): number;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
const roundTo = (v: number, step: number) => Math.round(v / step) * step;
const roundSignificant = (v: number, digits: number) => Number(v.toPrecision(digits));

export function linearScale(min: number, max: number, step: number): SliderScale {
  const steps = Math.round((max - min) / step);
  return {
    steps,
    toValue: (position) => Number(clamp(roundTo(min + position * step, step), min, max).toFixed(6)),
    toPosition: (value) => Math.round((clamp(value, min, max) - min) / step),
    snap: (value) => Number(clamp(min + roundTo(value - min, step), min, max).toFixed(6)),
  };
}

/** γ: the first 70 % of the track covers 0–5 in steps of 0.01, the rest 5–10 in steps of 0.05. */
export function gammaScale(): SliderScale {
  const fine = 500; // positions 0…500 → γ 0…5
  const coarse = 100; // positions 500…600 → γ 5…10
  return {
    steps: fine + coarse,
    toValue: (position) =>
      position <= fine ? position / 100 : Number((5 + (position - fine) * 0.05).toFixed(2)),
    toPosition: (value) => {
      const v = clamp(value, 0, 10);
      return v <= 5 ? Math.round(v * 100) : fine + Math.round((v - 5) / 0.05);
    },
    snap: (value) => Number(clamp(value, 0, 10).toFixed(2)),
  };
}

/** Class ratio 1:1 … 1:1000 on a log track, shown to three significant digits. */
export function logScale(min: number, max: number, steps: number): SliderScale {
  const lo = Math.log10(min);
  const hi = Math.log10(max);
  return {
    steps,
    toValue: (position) => roundSignificant(10 ** (lo + ((hi - lo) * position) / steps), 3),
    toPosition: (value) =>
      Math.round(((Math.log10(clamp(value, min, max)) - lo) / (hi - lo)) * steps),
    snap: (value) => clamp(roundSignificant(value, 3), min, max),
  };
}

/** Cui et al.'s β sits at 0.9, 0.99, 0.999, 0.9999: a track in −log10(1 − β) puts them evenly apart. */
export function betaScale(): SliderScale {
  const perDecade = 100;
  const steps = 4 * perDecade;
  return {
    steps,
    toValue: (position) => Number((1 - 10 ** (-position / perDecade)).toFixed(6)),
    toPosition: (value) =>
      Math.round(clamp(-Math.log10(1 - clamp(value, 0, 0.9999)), 0, 4) * perDecade),
    snap: (value) => Number(clamp(value, 0, 0.9999).toFixed(6)),
  };
}

/** Mini-batch sizes are powers of two: 16, 32, … 1024. */
export function powerOfTwoScale(min: number, max: number): SliderScale {
  const lo = Math.log2(min);
  const steps = Math.log2(max) - lo;
  return {
    steps,
    toValue: (position) => 2 ** (lo + clamp(Math.round(position), 0, steps)),
    toPosition: (value) => clamp(Math.round(Math.log2(Math.max(value, 1)) - lo), 0, steps),
    snap: (value) => 2 ** (lo + clamp(Math.round(Math.log2(Math.max(value, 1)) - lo), 0, steps)),
  };
}

const MAX_SEED = datasetSpecLimits.seed.max;
const MAX_LINKED_LESSON_STEP = 99;
/** The dataset's ranges are the data layer's own, so the URL and the generator never disagree. */
const limits = ({ min, max, defaultValue }: SpecLimit): [number, number, number] => [min, max, defaultValue];

function numberParam(key: NumericKey, [min, max, defaultValue]: [number, number, number], scale: SliderScale): NumberParam<NumericKey> {
  return { kind: 'number', key, min, max, defaultValue, scale };
}

/** The settings that belong to no loss. */
export const numberParams: readonly NumberParam<NumericKey>[] = [
  numberParam('ratio', [1, 1000, 100], logScale(1, 1000, 600)),
  numberParam('beta', [0, 0.9999, 0.999], betaScale()),
  // The classifier's settings: they move no curve.
  numberParam('size', limits(datasetSpecLimits.size), logScale(200, 20_000, 400)),
  numberParam('noise', limits(datasetSpecLimits.noise), linearScale(0, 1, 0.01)),
  numberParam('labelNoise', limits(datasetSpecLimits.labelNoise), linearScale(0, 0.5, 0.01)),
  numberParam('dataSeed', limits(datasetSpecLimits.seed), linearScale(0, MAX_SEED, 1)),
  numberParam('hiddenLayers', [0, 3, 2], linearScale(0, 3, 1)),
  numberParam('width', [4, 32, 16], linearScale(4, 32, 1)),
  numberParam('modelSeed', [0, MAX_SEED, 3], linearScale(0, MAX_SEED, 1)),
  numberParam('learningRate', [0.0001, 10, 0.01], logScale(0.0001, 10, 500)),
  numberParam('batchSize', [16, 1024, 64], powerOfTwoScale(16, 1024)),
  numberParam('weightDecay', [0, 0.01, 0], linearScale(0, 0.01, 0.0001)),
  numberParam('threshold', [0.01, 0.99, 0.5], linearScale(0.01, 0.99, 0.01)),
  // Any whole step a link may name; the lesson, which knows how many it has, clamps it (lesson/settings.ts).
  numberParam('lessonStep', [0, MAX_LINKED_LESSON_STEP, 0], linearScale(0, MAX_LINKED_LESSON_STEP, 1)),
];

export const numberParamByKey = Object.fromEntries(numberParams.map((p) => [p.key, p])) as Record<
  NumericKey,
  NumberParam<NumericKey>
>;

function scaleOf(spec: SliderScaleSpec, min: number, max: number): SliderScale {
  switch (spec.kind) {
    case 'linear':
      return linearScale(min, max, spec.step);
    case 'focusing':
      return gammaScale();
    case 'nines':
      return betaScale();
  }
}

/** Every loss's own settings, one row each, in the registry's order: sliders, URL keys and lanes read these. */
export const lossSettingParams: readonly LossSettingParam[] = lossRegistry.flatMap((loss) =>
  Object.entries(loss.params).flatMap(([name, spec]) =>
    spec.kind === 'setting'
      ? [{ kind: 'number' as const, key: `${loss.id}.${name}`, loss: loss.id, name, spec, min: spec.min, max: spec.max, defaultValue: spec.default, scale: scaleOf(spec.scale, spec.min, spec.max) }]
      : [],
  ),
);

/** The rows of one loss's settings (none for cross-entropy). */
export const settingParamsOf = (loss: BinaryLossId): readonly LossSettingParam[] =>
  lossSettingParams.filter((p) => p.loss === loss);

/** Whether a loss has a setting the class counts can stand in for (α): then "tie to the counts" means something. */
export const canFollowCounts = (loss: BinaryLossId): boolean => settingParamsOf(loss).some((p) => p.spec.fromCounts !== undefined);

export const lossSettingParamByKey: ReadonlyMap<string, LossSettingParam> = new Map(lossSettingParams.map((p) => [p.key, p]));

/** The value of one loss setting in the state. */
export const settingValue = (settings: LossSettingsById, { loss, name }: Pick<LossSettingParam, 'loss' | 'name'>): number =>
  (settings[loss] as Readonly<Record<string, number>>)[name] ?? Number.NaN;

/** Every loss at its defaults. */
export const defaultLossSettings = (): LossSettingsById =>
  Object.fromEntries(binaryLossIds.map((id) => [id, binaryLosses[id].defaultSettings()])) as LossSettingsById;

export const defaultLosses: BinaryLossId[] = ['ce', 'balanced-ce', 'focal'];

export function defaultState(): LabState {
  const numbers = Object.fromEntries(numberParams.map((p) => [p.key, p.defaultValue])) as Pick<
    LabState,
    NumericKey
  >;
  return {
    ...numbers,
    losses: [...defaultLosses],
    lossSettings: defaultLossSettings(),
    race: [],
    alphaFromRatio: false,
    exampleClass: 1,
    logScale: false,
    projector: false,
    lang: 'en',
    view: 'curves',
    trainLoss: 'focal',
    shape: 'blobs',
    resampling: 'none',
    activation: 'tanh',
    optimizer: 'adam',
    classWeighting: 'none',
    backend: 'wasm',
  };
}
