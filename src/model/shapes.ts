/**
 * The network's shape, as plain numbers: which layers a configuration has and how many parameters.
 * No tfjs here, so the page can check a weights file (weights.ts) before anything changes, without
 * loading the library the worker trains with.
 */
import { activations, type ModelConfig } from './protocol';

export const INPUT_FEATURES = 2;

export interface LayerShape {
  inputs: number;
  outputs: number;
}

/** The dense layers of a model: 2 → h₁ → … → 1; no hidden layer is logistic regression. */
export function layerShapes(hiddenLayers: readonly number[]): LayerShape[] {
  const widths = [INPUT_FEATURES, ...hiddenLayers, 1];
  return widths.slice(1).map((outputs, i) => ({ inputs: widths[i] as number, outputs }));
}

/** One network's parameters: per layer a kernel and a bias, (inputs + 1) × outputs. */
export function parameterCount(layers: readonly LayerShape[]): number {
  return layers.reduce((sum, { inputs, outputs }) => sum + (inputs + 1) * outputs, 0);
}

/**
 * A value from a file, as text for a message. String() and template literals call the value's own
 * toString, which a file can make anything (`{"toString": ""}` throws a TypeError); JSON cannot.
 */
export function shownValue(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return typeof value;
  }
}

/** Which part of a model description is unusable, and its value as written (shownValue). */
export interface ModelConfigProblem {
  code: 'noModel' | 'hiddenLayers' | 'activation' | 'seed';
  value: string;
}

/** What is wrong with a configuration, or null when it describes a network this app can build. */
export function modelConfigProblem(config: ModelConfig): ModelConfigProblem | null {
  if (typeof config !== 'object' || config === null) return { code: 'noModel', value: shownValue(config) };
  const { hiddenLayers, activation, seed } = config;
  if (!Array.isArray(hiddenLayers) || !hiddenLayers.every((w) => Number.isInteger(w) && w >= 1 && w <= 1024)) {
    return { code: 'hiddenLayers', value: shownValue(hiddenLayers) };
  }
  if (!(activations as readonly unknown[]).includes(activation)) return { code: 'activation', value: shownValue(activation) };
  if (!Number.isFinite(seed)) return { code: 'seed', value: shownValue(seed) };
  return null;
}

const problemText: Record<ModelConfigProblem['code'], (value: string) => string> = {
  noModel: (value) => `no model description, got ${value}`,
  hiddenLayers: (value) => `hidden layer widths must be integers from 1 to 1024, got ${value}`,
  activation: (value) => `unknown activation ${value}`,
  seed: (value) => `the seed must be a finite number, got ${value}`,
};

/** The problem in English, for logs and errors that are not shown translated. */
export const describeModelConfigProblem = ({ code, value }: ModelConfigProblem): string => problemText[code](value);

/** Throws, saying what is wrong, unless the configuration describes a network this app can build. */
export function validateModelConfig(config: ModelConfig): void {
  const problem = modelConfigProblem(config);
  if (problem) throw new Error(describeModelConfigProblem(problem));
}
