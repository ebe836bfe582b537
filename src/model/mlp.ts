/**
 * The classifier: an MLP 2 → hidden… → 1 logit on the raw coordinates (x, y), built from tfjs-core
 * tensors (no tfjs-layers: it would multiply the worker's size for three dense layers).
 *
 * All kernels and biases live in ONE flat variable, layer by layer: kernel (row-major, inputs ×
 * outputs), then bias. At this size the time per training step is per-kernel overhead, not
 * arithmetic, and one flat vector makes the optimizer update ~12 kernels instead of ~12 per tensor.
 * For the same reason the backward pass is written out by hand (three matMuls per layer) rather
 * than recorded on tfjs's tape, which would clone every saved tensor and add a reshape per op.
 */
import * as tf from '@tensorflow/tfjs-core';
import { streamFor } from '../data/random';
import type { Activation, ModelConfig } from './protocol';

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

/** Lengths of the pieces of the flat parameter vector: kernel₁, bias₁, kernel₂, bias₂, … */
function pieceSizes(layers: readonly LayerShape[]): number[] {
  return layers.flatMap(({ inputs, outputs }) => [inputs * outputs, outputs]);
}

export function parameterCount(layers: readonly LayerShape[]): number {
  return pieceSizes(layers).reduce((sum, n) => sum + n, 0);
}

export function validateModelConfig(config: ModelConfig): void {
  const { hiddenLayers, activation, seed } = config;
  if (!Array.isArray(hiddenLayers) || !hiddenLayers.every((w) => Number.isInteger(w) && w >= 1 && w <= 1024)) {
    throw new Error(`hidden layer widths must be integers from 1 to 1024, got ${JSON.stringify(hiddenLayers)}`);
  }
  if (activation !== 'tanh' && activation !== 'relu') throw new Error(`unknown activation "${String(activation)}"`);
  if (!Number.isFinite(seed)) throw new Error(`the seed must be a finite number, got ${seed}`);
}

/**
 * Glorot-uniform kernels, U(±√(6 / (fan_in + fan_out))) (Glorot & Bengio, AISTATS 2010, eq. 16), and
 * zero biases. Drawn in JS from the seed, not with tf.randomUniform, so the starting point is the
 * same on every backend and machine.
 */
export function glorotUniform(config: ModelConfig): Float32Array {
  const layers = layerShapes(config.hiddenLayers);
  const values = new Float32Array(parameterCount(layers));
  const random = streamFor(config.seed, 'model/init');
  let offset = 0;
  for (const { inputs, outputs } of layers) {
    const limit = Math.sqrt(6 / (inputs + outputs));
    for (let i = 0; i < inputs * outputs; i++) values[offset + i] = random.uniformIn(-limit, limit);
    offset += inputs * outputs + outputs; // the bias stays 0
  }
  return values;
}

/** What the hand-written backward pass needs from a forward pass. */
export interface ForwardTrace {
  logits: tf.Tensor1D;
  /** Each layer's input: x, then every hidden layer's activation. */
  layerInputs: tf.Tensor2D[];
  kernels: tf.Tensor2D[];
}

/** d activation / d pre-activation, from the activation's output h (which the forward pass kept). */
function activationGradient(activation: Activation, dh: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  // tanh' = 1 − h²; ReLU' = step(h) (h > 0 exactly where the pre-activation was > 0).
  return activation === 'tanh' ? tf.sub(dh, tf.mul(dh, tf.square(h))) : tf.mul(dh, tf.step(h));
}

export class Mlp {
  readonly config: ModelConfig;
  readonly layers: readonly LayerShape[];
  readonly parameters: tf.Variable<tf.Rank.R1>;
  private readonly sizes: number[];

  /** `initial` (length parameterCount) replaces the seeded Glorot initialisation, e.g. on import. */
  constructor(config: ModelConfig, initial?: Float32Array) {
    validateModelConfig(config);
    this.config = { ...config, hiddenLayers: [...config.hiddenLayers] };
    this.layers = layerShapes(config.hiddenLayers);
    this.sizes = pieceSizes(this.layers);
    const values = initial ?? glorotUniform(config);
    if (values.length !== parameterCount(this.layers)) {
      throw new Error(`expected ${parameterCount(this.layers)} parameters, got ${values.length}`);
    }
    // Inside tidy: tf.variable copies nothing, and the tensor it starts from would otherwise stay allocated.
    this.parameters = tf.tidy(() => tf.variable(tf.tensor1d(values), false));
  }

  /** Kernels and biases as views of the flat vector (call inside tf.tidy). */
  private unpack(): { kernels: tf.Tensor2D[]; biases: tf.Tensor1D[] } {
    const pieces = tf.split(this.parameters, this.sizes);
    return {
      kernels: this.layers.map(({ inputs, outputs }, l) => tf.reshape(pieces[2 * l] as tf.Tensor, [inputs, outputs])),
      biases: this.layers.map((_, l) => pieces[2 * l + 1] as tf.Tensor1D),
    };
  }

  /**
   * The layers in order, keeping each one's input. tf.fused.matMul adds the bias and applies ReLU or
   * sigmoid in the same kernel (tanh is not fusable in 4.22); it only fuses off a gradient tape,
   * which is why the backward pass below is by hand.
   */
  private forward(x: tf.Tensor2D, outputActivation: 'linear' | 'sigmoid'): Omit<ForwardTrace, 'logits'> & { output: tf.Tensor1D } {
    const { kernels, biases } = this.unpack();
    const layerInputs: tf.Tensor2D[] = [x];
    const last = this.layers.length - 1;
    const relu = this.config.activation === 'relu';
    // wasm's tanh is scalar libm code (~8 ns an element: 32 µs of a ~450 µs step at batch 256, and
    // most of a 20,000-point snapshot) while its sigmoid is vectorised: there tanh(a) = 2σ(2a) − 1,
    // with the 2 folded into the (small) weights and σ fused into the matMul, is ~2× faster.
    const tanhBySigmoid = !relu && tf.getBackend() === 'wasm';
    let h = x;
    for (let l = 0; l <= last; l++) {
      const b = kernels[l] as tf.Tensor2D;
      const bias = biases[l] as tf.Tensor1D;
      if (l === last) {
        h = tf.fused.matMul({ a: h, b, bias, activation: outputActivation }) as tf.Tensor2D;
      } else if (relu) {
        h = tf.fused.matMul({ a: h, b, bias, activation: 'relu' }) as tf.Tensor2D;
      } else if (tanhBySigmoid) {
        const s = tf.fused.matMul({ a: h, b: tf.mul(b, 2), bias: tf.mul(bias, 2), activation: 'sigmoid' });
        h = tf.sub(tf.mul(s, 2), 1);
      } else {
        h = tf.tanh(tf.fused.matMul({ a: h, b, bias }) as tf.Tensor2D);
      }
      if (l < last) layerInputs.push(h);
    }
    return { output: tf.reshape(h, [-1]), layerInputs, kernels };
  }

  /** The forward pass with what backprop needs (call inside tf.tidy). */
  trace(x: tf.Tensor2D): ForwardTrace {
    const { output, layerInputs, kernels } = this.forward(x, 'linear');
    return { logits: output, layerInputs, kernels };
  }

  /**
   * dLoss/dθ as one flat vector in the parameter layout, given dLoss/dlogit per example.
   * Per layer, with δ = dLoss/d(pre-activation): dW = inputᵀδ, db = 1ᵀδ (Σ over the batch; cpu's
   * sum along axis 0 transposes first, a matMul does not), and the layer below gets
   * δ ← (δWᵀ) ⊙ activation'.
   */
  gradient(trace: ForwardTrace, dLogits: tf.Tensor1D): tf.Tensor1D {
    // wasm's BatchMatMul (4.22) is 5–8× slower with a transposed operand than without (~45 µs
    // against ~6 µs for 256×16 operands, measured) while its transpose takes ~4 µs; on cpu the
    // transpose flags cost nothing and an explicit transpose is slow.
    const transposeFirst = tf.getBackend() === 'wasm';
    const times = (a: tf.Tensor2D, b: tf.Tensor2D, transposeA: boolean, transposeB: boolean): tf.Tensor2D =>
      transposeFirst
        ? tf.matMul(transposeA ? tf.transpose(a) : a, transposeB ? tf.transpose(b) : b)
        : tf.matMul(a, b, transposeA, transposeB);
    const pieces: tf.Tensor1D[] = [];
    let delta: tf.Tensor2D = tf.reshape(dLogits, [-1, 1]);
    const ones: tf.Tensor2D = tf.ones([1, delta.shape[0]]);
    for (let l = this.layers.length - 1; l >= 0; l--) {
      const input = trace.layerInputs[l] as tf.Tensor2D;
      pieces.push(tf.reshape(tf.matMul(ones, delta), [-1]), tf.reshape(times(input, delta, true, false), [-1]));
      if (l > 0) {
        const dh = times(delta, trace.kernels[l] as tf.Tensor2D, false, true);
        delta = activationGradient(this.config.activation, dh, input);
      }
    }
    return tf.concat<tf.Tensor1D>(pieces.reverse());
  }

  /** Logits [n] for inputs [n, 2]. */
  logits(x: tf.Tensor2D): tf.Tensor1D {
    return tf.tidy(() => this.forward(x, 'linear').output);
  }

  /** σ(logit) [n], the minority-class probability, with the sigmoid fused into the last layer. */
  probabilities(x: tf.Tensor2D): tf.Tensor1D {
    return tf.tidy(() => this.forward(x, 'sigmoid').output);
  }

  /** Logits for flat (x0, y0, x1, y1, …) coordinates, in one batch. */
  predictLogits(coords: Float32Array): Float32Array {
    if (coords.length === 0) return new Float32Array(0);
    return tf.tidy(() => {
      const x = tf.tensor2d(coords, [coords.length / INPUT_FEATURES, INPUT_FEATURES]);
      // A copy: some backends hand out their own storage, which must not be transferred or kept.
      return new Float32Array(this.logits(x).dataSync());
    });
  }

  readParameters(): Float32Array {
    return new Float32Array(this.parameters.dataSync());
  }

  dispose(): void {
    this.parameters.dispose();
  }
}
