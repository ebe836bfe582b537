/**
 * Where each lane's parameters sit in the race's one wide network.
 *
 * K lanes of a 2 → h₁ → … → 1 network are trained as one network 2 → K·h₁ → … → K: the first
 * layer's kernel is the lanes' kernels side by side (the input is the same for all), every later
 * kernel is block diagonal (lane k's block maps lane k's units to lane k's units; the blocks off
 * the diagonal are structural zeros that never change) and the biases are the lanes' biases side
 * by side. One dense matMul per layer then computes every lane: on wasm (tfjs 4.22) a batched
 * matMul of K small matrices takes ~20× as long as one of a single matrix, and a dense matMul of
 * the K-wide matrix costs little more than one lane's.
 *
 * A lane's own layout (what weights files and tests see) is the one-network layout: per layer the
 * kernel (row-major, inputs × outputs), then the bias.
 */
import type { LayerShape } from './shapes';

/** The wide network's layers: inputs and outputs of the dense kernel. */
export function wideShapes(layers: readonly LayerShape[], lanes: number): LayerShape[] {
  return layers.map(({ inputs, outputs }, l) => ({ inputs: l === 0 ? inputs : lanes * inputs, outputs: lanes * outputs }));
}

export function wideParameterCount(layers: readonly LayerShape[], lanes: number): number {
  return wideShapes(layers, lanes).reduce((sum, { inputs, outputs }) => sum + (inputs + 1) * outputs, 0);
}

/**
 * Calls `visit(lane, laneIndex, wideIndex, isKernel)` for every parameter of every lane: its index
 * in the lane's own layout and in the wide layout. Entries never visited are structural zeros.
 */
function forEachLaneParameter(
  layers: readonly LayerShape[],
  lanes: number,
  visit: (lane: number, laneIndex: number, wideIndex: number, isKernel: boolean) => void,
): void {
  const wide = wideShapes(layers, lanes);
  for (let k = 0; k < lanes; k++) {
    let laneOffset = 0;
    let wideOffset = 0;
    layers.forEach(({ inputs, outputs }, l) => {
      const { inputs: wideInputs, outputs: wideOutputs } = wide[l] as LayerShape;
      // Layer 0 reads the shared input; later layers read lane k's own units.
      const firstRow = l === 0 ? 0 : k * inputs;
      const firstColumn = k * outputs;
      for (let i = 0; i < inputs; i++) {
        for (let j = 0; j < outputs; j++) {
          visit(k, laneOffset + i * outputs + j, wideOffset + (firstRow + i) * wideOutputs + firstColumn + j, true);
        }
      }
      const wideBias = wideOffset + wideInputs * wideOutputs;
      for (let j = 0; j < outputs; j++) visit(k, laneOffset + inputs * outputs + j, wideBias + firstColumn + j, false);
      laneOffset += (inputs + 1) * outputs;
      wideOffset += (wideInputs + 1) * wideOutputs;
    });
  }
}

/** The wide parameter vector with every lane starting from `lane` (one lane's parameters). */
export function stackLanes(lane: Float32Array, layers: readonly LayerShape[], lanes: number): Float32Array {
  const wide = new Float32Array(wideParameterCount(layers, lanes));
  forEachLaneParameter(layers, lanes, (_, laneIndex, wideIndex) => {
    wide[wideIndex] = lane[laneIndex] as number;
  });
  return wide;
}

/** Every lane's parameters in its own layout, lane after lane. */
export function unstackLanes(wide: Float32Array, layers: readonly LayerShape[], lanes: number, laneSize: number): Float32Array {
  const perLane = new Float32Array(lanes * laneSize);
  forEachLaneParameter(layers, lanes, (k, laneIndex, wideIndex) => {
    perLane[k * laneSize + laneIndex] = wide[wideIndex] as number;
  });
  return perLane;
}

/** 1 where a lane's parameter lives (only its kernels with `kernelsOnly`), 0 elsewhere: the structural zeros. */
export function laneMask(layers: readonly LayerShape[], lanes: number, kernelsOnly: boolean): Float32Array {
  const mask = new Float32Array(wideParameterCount(layers, lanes));
  forEachLaneParameter(layers, lanes, (_, __, wideIndex, isKernel) => {
    if (isKernel || !kernelsOnly) mask[wideIndex] = 1;
  });
  return mask;
}
