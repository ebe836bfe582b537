/**
 * Trained weights to and from SerializedWeights (protocol.ts), for "save model" and shared runs.
 * Import validates everything before any of it is used: the file may come from anywhere.
 */
import { describeModelConfigProblem, layerShapes, modelConfigProblem, parameterCount, shownValue, type LayerShape } from './shapes';
import type { ModelConfig, SerializedWeights } from './protocol';

/** Splits the flat parameter vector (kernel₁, bias₁, kernel₂, …) into layers. */
export function serializeWeights(model: ModelConfig, parameters: Float32Array): SerializedWeights {
  const layers = layerShapes(model.hiddenLayers);
  let offset = 0;
  const take = (n: number): number[] => Array.from(parameters.subarray(offset, (offset += n)));
  return {
    format: 'imbalance-lab-weights',
    version: 1,
    model: { ...model, hiddenLayers: [...model.hiddenLayers] },
    layers: layers.map(({ inputs, outputs }) => ({ kernel: take(inputs * outputs), bias: take(outputs), inputs, outputs })),
  };
}

/**
 * What is wrong with a weights file, as a code the page translates (classifier.weightsErrors.<code>)
 * and the values its sentence names; `message` is the same in English for logs and tests. Values
 * taken from the file are JSON text (shownValue), cut to MAX_VALUE_CHARS.
 * - notJson: the file is not JSON at all (the page's check, before this module sees it)
 * - notWeightsFile: JSON, but not a file this app wrote (format)
 * - version {version}: a format version this app does not read
 * - noModel, hiddenLayers, activation, seed {value}: the model description (shapes.ts)
 * - noLayers {needed, hiddenLayers} / layerCount {count, needed, hiddenLayers}: layers missing or not as many as the model's
 * - layerShape {layer, inputs, outputs, expectedInputs, expectedOutputs}: layer `layer` (1-based) has other sizes
 * - kernelNotArray / biasNotArray {layer}, kernelLength / biasLength {layer, count, expected},
 *   kernelValue / biasValue {layer, position, value}: a layer's numbers (position 1-based, as a person counts)
 * - pageLayers {hiddenLayers}, pageSeed {seed, min, max}: a network this page's controls cannot show
 *   (SingleModelPanels), though the worker could train it
 */
export type WeightsErrorCode =
  | 'notJson'
  | 'notWeightsFile'
  | 'version'
  | 'noModel'
  | 'hiddenLayers'
  | 'activation'
  | 'seed'
  | 'noLayers'
  | 'layerCount'
  | 'layerShape'
  | 'kernelNotArray'
  | 'kernelLength'
  | 'kernelValue'
  | 'biasNotArray'
  | 'biasLength'
  | 'biasValue'
  | 'pageLayers'
  | 'pageSeed';

export type WeightsErrorValues = Readonly<Record<string, string | number>>;

export class WeightsError extends Error {
  constructor(
    readonly code: WeightsErrorCode,
    readonly values: WeightsErrorValues,
    message: string,
  ) {
    super(message);
    this.name = 'WeightsError';
  }
}

/** A file's value in a message: a 5 MB string would not help anyone, its start does. */
const MAX_VALUE_CHARS = 40;
const cut = (text: string) => (text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS)}…` : text);
export const shownFileValue = (value: unknown): string => cut(shownValue(value));

type LayerPart = 'kernel' | 'bias';

function checkNumbers(values: unknown, expected: number, layer: number, part: LayerPart): asserts values is number[] {
  const what = `layer ${layer} ${part}`;
  if (!Array.isArray(values)) throw new WeightsError(`${part}NotArray`, { layer }, `${what} is not an array`);
  if (values.length !== expected) {
    throw new WeightsError(`${part}Length`, { layer, count: values.length, expected }, `${what} has ${values.length} numbers, expected ${expected}`);
  }
  // Finite after rounding to float32 too: 1e39 would become Infinity in the model.
  const bad = values.findIndex((v) => typeof v !== 'number' || !Number.isFinite(Math.fround(v)));
  if (bad >= 0) {
    const value = shownFileValue(values[bad]);
    throw new WeightsError(`${part}Value`, { layer, position: bad + 1, value }, `${what}[${bad}] is not a finite float32 number: ${value}`);
  }
}

/** The model and its flat parameters, or a WeightsError saying exactly what does not fit. */
export function deserializeWeights(weights: SerializedWeights): { model: ModelConfig; parameters: Float32Array } {
  if (weights?.format !== 'imbalance-lab-weights') throw new WeightsError('notWeightsFile', {}, 'not an Imbalance Lab weights file (format)');
  if (weights.version !== 1) {
    const version = shownFileValue(weights.version);
    throw new WeightsError('version', { version }, `unsupported weights version ${version} (expected 1)`);
  }
  const model = weights.model;
  const problem = modelConfigProblem(model);
  if (problem) {
    const value = cut(problem.value);
    throw new WeightsError(problem.code, { value }, `weights file: ${describeModelConfigProblem({ ...problem, value })}`);
  }
  const expected: LayerShape[] = layerShapes(model.hiddenLayers);
  const needed = expected.length;
  const hiddenLayers = `[${model.hiddenLayers.join(', ')}]`;
  if (!Array.isArray(weights.layers)) {
    throw new WeightsError('noLayers', { needed, hiddenLayers }, `weights file has no layers; hidden layers ${hiddenLayers} need ${needed}`);
  }
  if (weights.layers.length !== needed) {
    const count = weights.layers.length;
    throw new WeightsError('layerCount', { count, needed, hiddenLayers }, `weights file has ${count} layers; hidden layers ${hiddenLayers} need ${needed}`);
  }
  const parameters = new Float32Array(parameterCount(expected));
  let offset = 0;
  expected.forEach(({ inputs, outputs }, l) => {
    const layer = weights.layers[l];
    if (layer?.inputs !== inputs || layer.outputs !== outputs) {
      const values = { layer: l + 1, inputs: shownFileValue(layer?.inputs), outputs: shownFileValue(layer?.outputs), expectedInputs: inputs, expectedOutputs: outputs };
      throw new WeightsError('layerShape', values, `layer ${l + 1} is ${values.inputs} → ${values.outputs}, expected ${inputs} → ${outputs}`);
    }
    checkNumbers(layer.kernel, inputs * outputs, l + 1, 'kernel');
    checkNumbers(layer.bias, outputs, l + 1, 'bias');
    parameters.set(layer.kernel, offset);
    parameters.set(layer.bias, offset + inputs * outputs);
    offset += inputs * outputs + outputs;
  });
  return { model: { ...model, hiddenLayers: [...model.hiddenLayers] }, parameters };
}
