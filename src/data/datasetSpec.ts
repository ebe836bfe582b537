/**
 * The allowed range of every dataset setting, one row each (in the spirit of TensorFlow
 * Playground's state table), and the one place a spec from a URL or a file is made valid.
 */
import { datasetShapes } from './shapes';
import type { DatasetShape, DatasetSpec } from './types';

export type NumericSpecField = Exclude<keyof DatasetSpec, 'shape'>;

export interface SpecLimit {
  min: number;
  max: number;
  /** Whole numbers only (rounded to the nearest). */
  integer: boolean;
  /** Used when the given value is not a finite number at all. */
  defaultValue: number;
}

/** The largest dataset the app generates or imports; also the CSV import's limit. */
export const MAX_POINTS = 20_000;

export const datasetSpecLimits: Readonly<Record<NumericSpecField, SpecLimit>> = {
  ratio: { min: 1, max: 1000, integer: false, defaultValue: 100 },
  size: { min: 200, max: MAX_POINTS, integer: true, defaultValue: 20_000 },
  noise: { min: 0, max: 1, integer: false, defaultValue: 0.8 },
  labelNoise: { min: 0, max: 0.5, integer: false, defaultValue: 0 },
  // 32 bits: as many datasets as anyone will share, and short in a URL.
  seed: { min: 0, max: 4_294_967_295, integer: true, defaultValue: 7 },
};

export const defaultDatasetShape: DatasetShape = 'blobs';

export const defaultDatasetSpec: Readonly<DatasetSpec> = {
  shape: defaultDatasetShape,
  ratio: datasetSpecLimits.ratio.defaultValue,
  size: datasetSpecLimits.size.defaultValue,
  noise: datasetSpecLimits.noise.defaultValue,
  labelNoise: datasetSpecLimits.labelNoise.defaultValue,
  seed: datasetSpecLimits.seed.defaultValue,
};

/** What clampSpec changed and why: `reason` names an i18n message, given/used fill it in. */
export interface SpecCorrection {
  field: keyof DatasetSpec;
  reason: 'notANumber' | 'outOfRange' | 'notAnInteger' | 'unknownShape';
  given: number | string;
  used: number | string;
}

const numericFields = Object.keys(datasetSpecLimits) as NumericSpecField[];

/**
 * A spec every generator accepts: numbers clamped into range (integers rounded first), non-numbers
 * replaced by the default, an unknown shape replaced by blobs. Never throws; reports each change.
 */
export function clampSpec(spec: DatasetSpec): { spec: DatasetSpec; corrections: SpecCorrection[] } {
  const corrections: SpecCorrection[] = [];
  const shapeIsKnown = (datasetShapes as readonly string[]).includes(spec.shape);
  const result: DatasetSpec = { ...spec, shape: shapeIsKnown ? spec.shape : defaultDatasetShape };
  if (!shapeIsKnown) {
    corrections.push({ field: 'shape', reason: 'unknownShape', given: String(spec.shape), used: defaultDatasetShape });
  }
  for (const field of numericFields) {
    const limit = datasetSpecLimits[field];
    const given: unknown = spec[field];
    if (typeof given !== 'number' || !Number.isFinite(given)) {
      result[field] = limit.defaultValue;
      corrections.push({ field, reason: 'notANumber', given: String(given), used: limit.defaultValue });
      continue;
    }
    const rounded = limit.integer ? Math.round(given) : given;
    const clamped = Math.min(limit.max, Math.max(limit.min, rounded));
    result[field] = clamped;
    if (clamped !== rounded) corrections.push({ field, reason: 'outOfRange', given, used: clamped });
    else if (rounded !== given) corrections.push({ field, reason: 'notAnInteger', given, used: rounded });
  }
  return { spec: result, corrections };
}
