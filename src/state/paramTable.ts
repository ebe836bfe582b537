import { datasetSpecLimits } from '../data';
import type { SpecLimit } from '../data';
import { binaryLossIds } from '../losses';
import { lessonSteps } from '../lesson/steps';
import type { BinaryLossId } from '../losses/types';
import type { LabState, NumericKey } from './labState';

/**
 * One row per setting, in the spirit of TensorFlow Playground's state table: the URL parser, the
 * serialiser and the sliders all read these rows, so a new slider is one row here.
 */
export interface NumberParam {
  kind: 'number';
  key: NumericKey;
  min: number;
  max: number;
  defaultValue: number;
  /** Track positions are integers 0…steps; the scale maps them to values (fine near 0 for γ). */
  scale: SliderScale;
  /** The losses whose curves move with this setting (empty: it drives the class weights). */
  usedBy: readonly BinaryLossId[];
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
/** The dataset's ranges are the data layer's own, so the URL and the generator never disagree. */
const limits = ({ min, max, defaultValue }: SpecLimit): [number, number, number] => [min, max, defaultValue];

function numberParam(
  key: NumericKey,
  [min, max, defaultValue]: [number, number, number],
  scale: SliderScale,
  usedBy: readonly BinaryLossId[],
): NumberParam {
  return { kind: 'number', key, min, max, defaultValue, scale, usedBy };
}

export const numberParams: readonly NumberParam[] = [
  numberParam('gamma', [0, 10, 2], gammaScale(), ['focal']),
  numberParam('alpha', [0, 1, 0.25], linearScale(0, 1, 0.01), ['balanced-ce', 'focal']),
  numberParam('ratio', [1, 1000, 100], logScale(1, 1000, 600), ['dwb', 'la-ce']),
  numberParam('beta', [0, 0.9999, 0.999], betaScale(), []),
  numberParam('epsilon', [-1, 10, 1], linearScale(-1, 10, 0.05), ['poly1']),
  numberParam('gammaPos', [0, 10, 0], linearScale(0, 10, 0.05), ['asl']),
  numberParam('gammaNeg', [0, 10, 4], linearScale(0, 10, 0.05), ['asl']),
  numberParam('margin', [0, 0.5, 0.05], linearScale(0, 0.5, 0.01), ['asl']),
  numberParam('tau', [0, 3, 1], linearScale(0, 3, 0.05), ['la-ce']),
  numberParam('lambda', [0, 2, 1], linearScale(0, 2, 0.05), ['dwb']),
  // The classifier's settings: they move no curve.
  numberParam('size', limits(datasetSpecLimits.size), logScale(200, 20_000, 400), []),
  numberParam('noise', limits(datasetSpecLimits.noise), linearScale(0, 1, 0.01), []),
  numberParam('labelNoise', limits(datasetSpecLimits.labelNoise), linearScale(0, 0.5, 0.01), []),
  numberParam('dataSeed', limits(datasetSpecLimits.seed), linearScale(0, MAX_SEED, 1), []),
  numberParam('hiddenLayers', [0, 3, 2], linearScale(0, 3, 1), []),
  numberParam('width', [4, 32, 16], linearScale(4, 32, 1), []),
  numberParam('modelSeed', [0, MAX_SEED, 3], linearScale(0, MAX_SEED, 1), []),
  numberParam('learningRate', [0.0001, 10, 0.01], logScale(0.0001, 10, 500), []),
  numberParam('batchSize', [16, 1024, 64], powerOfTwoScale(16, 1024), []),
  numberParam('weightDecay', [0, 0.01, 0], linearScale(0, 0.01, 0.0001), []),
  numberParam('threshold', [0.01, 0.99, 0.5], linearScale(0.01, 0.99, 0.01), []),
  numberParam('lessonStep', [0, lessonSteps.length, 0], linearScale(0, lessonSteps.length, 1), []),
];

export const numberParamByKey = Object.fromEntries(numberParams.map((p) => [p.key, p])) as Record<
  NumericKey,
  NumberParam
>;

export const defaultLosses: BinaryLossId[] = ['ce', 'balanced-ce', 'focal'];

export function defaultState(): LabState {
  const numbers = Object.fromEntries(numberParams.map((p) => [p.key, p.defaultValue])) as Pick<
    LabState,
    NumericKey
  >;
  return {
    ...numbers,
    losses: [...defaultLosses],
    race: [],
    alphaFromRatio: false,
    exampleClass: 1,
    logScale: false,
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

export function isLossId(id: string): id is BinaryLossId {
  return (binaryLossIds as readonly string[]).includes(id);
}
