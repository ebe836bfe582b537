/**
 * Trained weights to and from SerializedWeights (protocol.ts), for "save model" and shared runs.
 * Import validates everything before any of it is used: the file may come from anywhere.
 */
import { layerShapes, parameterCount, shownValue, validateModelConfig, type LayerShape } from './shapes';
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

function checkNumbers(values: unknown, expected: number, what: string): asserts values is number[] {
  if (!Array.isArray(values)) throw new Error(`${what} is not an array`);
  if (values.length !== expected) throw new Error(`${what} has ${values.length} numbers, expected ${expected}`);
  // Finite after rounding to float32 too: 1e39 would become Infinity in the model.
  const bad = values.findIndex((v) => typeof v !== 'number' || !Number.isFinite(Math.fround(v)));
  if (bad >= 0) throw new Error(`${what}[${bad}] is not a finite float32 number: ${shownValue(values[bad])}`);
}

/** The model and its flat parameters, or an Error saying exactly what does not fit. */
export function deserializeWeights(weights: SerializedWeights): { model: ModelConfig; parameters: Float32Array } {
  if (weights?.format !== 'imbalance-lab-weights') throw new Error('not an Imbalance Lab weights file (format)');
  if (weights.version !== 1) throw new Error(`unsupported weights version ${shownValue(weights.version)} (expected 1)`);
  const model = weights.model;
  try {
    validateModelConfig(model);
  } catch (error) {
    throw new Error(`weights file: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  const expected: LayerShape[] = layerShapes(model.hiddenLayers);
  if (!Array.isArray(weights.layers) || weights.layers.length !== expected.length) {
    throw new Error(
      `weights file has ${Array.isArray(weights.layers) ? weights.layers.length : 'no'} layers; ` +
        `hidden layers [${model.hiddenLayers.join(', ')}] need ${expected.length}`,
    );
  }
  const parameters = new Float32Array(parameterCount(expected));
  let offset = 0;
  expected.forEach(({ inputs, outputs }, l) => {
    const layer = weights.layers[l];
    if (layer?.inputs !== inputs || layer.outputs !== outputs) {
      throw new Error(`layer ${l + 1} is ${shownValue(layer?.inputs)} → ${shownValue(layer?.outputs)}, expected ${inputs} → ${outputs}`);
    }
    checkNumbers(layer.kernel, inputs * outputs, `layer ${l + 1} kernel`);
    checkNumbers(layer.bias, outputs, `layer ${l + 1} bias`);
    parameters.set(layer.kernel, offset);
    parameters.set(layer.bias, offset + inputs * outputs);
    offset += inputs * outputs + outputs;
  });
  return { model: { ...model, hiddenLayers: [...model.hiddenLayers] }, parameters };
}
