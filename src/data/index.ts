/**
 * The data layer: seeded generators, CSV import and export, resampling and the worker's packed
 * format. Pure TypeScript: no DOM, no React, no tfjs.
 */
export type * from './types';
export { DATA_EXTENT, VIEW_EXTENT } from './types';
export { streamFor, shuffle, chooseIndices } from './random';
export type { Random } from './random';
export { shapeSamplers, datasetShapes, RARE_CLUSTER_CENTRE } from './shapes';
export type { PlanePoint, PointSampler } from './shapes';
export { clampSpec, datasetSpecLimits, defaultDatasetSpec, MAX_POINTS } from './datasetSpec';
export type { NumericSpecField, SpecLimit, SpecCorrection } from './datasetSpec';
export { classCounts, flippedLabelCount, generateDataset } from './generators';
export type { ClassCounts, GeneratedDataset } from './generators';
export { parseCsv, toCsv } from './csv';
export type { CsvError, CsvErrorCode, CsvParseResult } from './csv';
export { randomOversample, randomUndersample, smote } from './resampling';
export { packPoints } from './pack';
