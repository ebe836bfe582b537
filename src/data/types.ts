import type { Label } from '../losses/types';

/** One example on the plane. label 1 is the minority (positive) class, 0 the majority. */
export interface LabeledPoint {
  x: number;
  y: number;
  label: Label;
}

export type DatasetShape = 'blobs' | 'moons' | 'circles' | 'rare-cluster' | 'xor';

/** Everything that determines a generated dataset: the same spec gives the same points everywhere. */
export interface DatasetSpec {
  shape: DatasetShape;
  /** Majority examples per minority example, 1 … 1000. */
  ratio: number;
  /** Training examples, 200 … 20,000. The test set has the same size and ratio. */
  size: number;
  /** Spread of each class around its shape, 0 … 1 (for blobs: how much the two overlap). */
  noise: number;
  /** Fraction of labels flipped at random, 0 … 0.5. */
  labelNoise: number;
  seed: number;
}

/**
 * Generated points lie mostly inside [−extent, extent]²; the boundary heatmap covers the same square
 * with a margin, so every generator is drawn at the same scale.
 */
export const DATA_EXTENT = 1;
export const VIEW_EXTENT = 1.3;

/** Points as flat arrays, coords = [x0, y0, x1, y1, …] in float32 and labels = [label0, …]: transferable to a worker. */
export interface PackedPoints {
  coords: Float32Array;
  labels: Uint8Array;
}
