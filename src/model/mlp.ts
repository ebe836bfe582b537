/**
 * The classifier: an MLP 2 → hidden… → 1 logit on the raw coordinates (x, y), built from tfjs-core
 * tensors (no tfjs-layers: it would multiply the worker's size for three dense layers).
 *
 * A race trains K copies ("lanes") of the same network side by side, and one network is a race of
 * one lane. All kernels and biases of all lanes live in ONE flat variable, lane by lane, and within
 * a lane layer by layer: kernel (row-major, inputs × outputs), then bias, which is exactly the
 * matrix [inputs + 1, outputs] whose last row is the bias. So each layer of every lane is one
 * batched matMul of [input, 1] by that matrix: K lanes cost the same number of kernels as one,
 * and at this size a training step's time is per-kernel overhead, not arithmetic. For the same
 * reason the backward pass is written out by hand rather than recorded on tfjs's tape, which would
 * clone every saved tensor and add a reshape per op.
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

/** One lane's parameters: per layer a kernel and a bias, (inputs + 1) × outputs. */
export function parameterCount(layers: readonly LayerShape[]): number {
  return layers.reduce((sum, { inputs, outputs }) => sum + (inputs + 1) * outputs, 0);
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
  /** [lanes, n]. */
  logits: tf.Tensor2D;
  /** Each layer's input with a column of ones appended: [1, n, 3] for x (shared by the lanes), then [lanes, n, width + 1]. */
  layerInputs: tf.Tensor3D[];
  /** Each hidden layer's activation h (without the ones), for the activation's derivative. */
  activations: tf.Tensor3D[];
  /** Each layer's [lanes, inputs + 1, outputs] matrix. */
  matrices: tf.Tensor3D[];
}

/** d activation / d pre-activation, from the activation's output h (which the forward pass kept). */
function activationGradient(activation: Activation, dh: tf.Tensor3D, h: tf.Tensor3D): tf.Tensor3D {
  // tanh' = 1 − h²; ReLU' = step(h) (h > 0 exactly where the pre-activation was > 0).
  return activation === 'tanh' ? tf.sub(dh, tf.mul(dh, tf.square(h))) : tf.mul(dh, tf.step(h));
}

/** [h, 1]: the bias row of the next matrix then acts as a bias. */
const withOnes = (h: tf.Tensor3D): tf.Tensor3D => tf.pad(h, [[0, 0], [0, 0], [0, 1]], 1);

export class Mlp {
  readonly config: ModelConfig;
  readonly lanes: number;
  readonly layers: readonly LayerShape[];
  /** Parameters of one lane. */
  readonly laneSize: number;
  /** lanes × laneSize values: lane 0's parameters, then lane 1's, … */
  readonly parameters: tf.Variable<tf.Rank.R1>;

  /**
   * `lanes` copies of the network, each starting from `initial` (one lane's parameterCount values)
   * or, without it, from the seeded Glorot initialisation: every lane starts from the same weights.
   */
  constructor(config: ModelConfig, lanes = 1, initial?: Float32Array) {
    validateModelConfig(config);
    if (!Number.isInteger(lanes) || lanes < 1) throw new Error(`a model needs a whole number of lanes ≥ 1, got ${lanes}`);
    this.config = { ...config, hiddenLayers: [...config.hiddenLayers] };
    this.lanes = lanes;
    this.layers = layerShapes(config.hiddenLayers);
    this.laneSize = parameterCount(this.layers);
    const values = initial ?? glorotUniform(config);
    if (values.length !== this.laneSize) throw new Error(`expected ${this.laneSize} parameters, got ${values.length}`);
    const all = new Float32Array(lanes * this.laneSize);
    for (let k = 0; k < lanes; k++) all.set(values, k * this.laneSize);
    // Inside tidy: tf.variable copies nothing, and the tensor it starts from would otherwise stay allocated.
    this.parameters = tf.tidy(() => tf.variable(tf.tensor1d(all), false));
  }

  /** Each layer's [lanes, inputs + 1, outputs] matrix, as views of the flat vector (call inside tf.tidy). */
  private matrices(): tf.Tensor3D[] {
    const perLane = tf.reshape(this.parameters, [this.lanes, this.laneSize]);
    const pieces = tf.split(perLane, this.layers.map(({ inputs, outputs }) => (inputs + 1) * outputs), 1);
    return this.layers.map(({ inputs, outputs }, l) => tf.reshape(pieces[l] as tf.Tensor, [this.lanes, inputs + 1, outputs]));
  }

  /**
   * The layers in order, keeping each one's input. tf.fused.matMul applies ReLU or sigmoid in the
   * same kernel (tanh is not fusable in 4.22); it only fuses off a gradient tape, which is why the
   * backward pass below is by hand.
   */
  private forward(x: tf.Tensor2D, outputActivation: 'linear' | 'sigmoid'): Omit<ForwardTrace, 'logits'> & { output: tf.Tensor2D } {
    const matrices = this.matrices();
    // The input is the same for every lane: [1, n, 3] broadcasts against [lanes, 3, h₁].
    const layerInputs: tf.Tensor3D[] = [withOnes(tf.expandDims(x, 0))];
    const activations: tf.Tensor3D[] = [];
    const last = this.layers.length - 1;
    const relu = this.config.activation === 'relu';
    // wasm's tanh is scalar libm code (~8 ns an element: 32 µs of a ~450 µs step at batch 256, and
    // most of a 20,000-point snapshot) while its sigmoid is vectorised: there tanh(a) = 2σ(2a) − 1,
    // with the 2 folded into the (small) matrix and σ fused into the matMul, is ~2× faster.
    const tanhBySigmoid = !relu && tf.getBackend() === 'wasm';
    let output: tf.Tensor3D | null = null;
    for (let l = 0; l <= last; l++) {
      const a = layerInputs[l] as tf.Tensor3D;
      const b = matrices[l] as tf.Tensor3D;
      if (l === last) {
        output = tf.fused.matMul({ a, b, activation: outputActivation }) as tf.Tensor3D;
        break;
      }
      let h: tf.Tensor3D;
      if (relu) {
        h = tf.fused.matMul({ a, b, activation: 'relu' }) as tf.Tensor3D;
      } else if (tanhBySigmoid) {
        const s = tf.fused.matMul({ a, b: tf.mul(b, 2), activation: 'sigmoid' });
        h = tf.sub(tf.mul(s, 2), 1);
      } else {
        h = tf.tanh(tf.matMul(a, b));
      }
      activations.push(h);
      layerInputs.push(withOnes(h));
    }
    return { output: tf.reshape(output as tf.Tensor3D, [this.lanes, -1]), layerInputs, activations, matrices };
  }

  /** The forward pass with what backprop needs (call inside tf.tidy). */
  trace(x: tf.Tensor2D): ForwardTrace {
    const { output, ...kept } = this.forward(x, 'linear');
    return { logits: output, ...kept };
  }

  /**
   * dLoss/dθ as one flat vector in the parameter layout, given dLoss/dlogit [lanes, n] per example.
   * Per layer, with δ = dLoss/d(pre-activation): d[W; b] = [input, 1]ᵀδ (the ones row sums δ over
   * the batch: that is the bias gradient), and the layer below gets δ ← (δWᵀ) ⊙ activation'.
   */
  gradient(trace: ForwardTrace, dLogits: tf.Tensor2D): tf.Tensor1D {
    // wasm's BatchMatMul (4.22) is 5–8× slower with a transposed operand than without (~45 µs
    // against ~6 µs for 256×16 operands, measured) while its transpose takes ~4 µs; on cpu the
    // transpose flags cost nothing and an explicit transpose is slow.
    const transposeFirst = tf.getBackend() === 'wasm';
    const swap = (t: tf.Tensor3D): tf.Tensor3D => tf.transpose(t, [0, 2, 1]);
    const times = (a: tf.Tensor3D, b: tf.Tensor3D, transposeA: boolean, transposeB: boolean): tf.Tensor3D =>
      transposeFirst
        ? tf.matMul(transposeA ? swap(a) : a, transposeB ? swap(b) : b)
        : tf.matMul(a, b, transposeA, transposeB);
    const pieces: tf.Tensor2D[] = [];
    let delta: tf.Tensor3D = tf.reshape(dLogits, [this.lanes, -1, 1]);
    for (let l = this.layers.length - 1; l >= 0; l--) {
      pieces.push(tf.reshape(times(trace.layerInputs[l] as tf.Tensor3D, delta, true, false), [this.lanes, -1]));
      if (l > 0) {
        const { inputs } = this.layers[l] as LayerShape;
        // δ [W; b]ᵀ, then the bias column dropped: the ones input has no layer below.
        const through = times(delta, trace.matrices[l] as tf.Tensor3D, false, true);
        const dh = tf.slice(through, [0, 0, 0], [-1, -1, inputs]);
        delta = activationGradient(this.config.activation, dh, trace.activations[l - 1] as tf.Tensor3D);
      }
    }
    return tf.reshape(tf.concat(pieces.reverse(), 1), [-1]);
  }

  /** Logits [lanes, n] for inputs [n, 2]. */
  logits(x: tf.Tensor2D): tf.Tensor2D {
    return tf.tidy(() => this.forward(x, 'linear').output);
  }

  /** σ(logit) [lanes, n], the minority-class probability, with the sigmoid fused into the last layer. */
  probabilities(x: tf.Tensor2D): tf.Tensor2D {
    return tf.tidy(() => this.forward(x, 'sigmoid').output);
  }

  /** Logits of every lane, lane by lane, for flat (x0, y0, x1, y1, …) coordinates, in one batch. */
  predictLogits(coords: Float32Array): Float32Array {
    if (coords.length === 0) return new Float32Array(0);
    return tf.tidy(() => {
      const x = tf.tensor2d(coords, [coords.length / INPUT_FEATURES, INPUT_FEATURES]);
      // A copy: some backends hand out their own storage, which must not be transferred or kept.
      return new Float32Array(this.logits(x).dataSync());
    });
  }

  /** lanes × laneSize values, lane by lane. */
  readParameters(): Float32Array {
    return new Float32Array(this.parameters.dataSync());
  }

  dispose(): void {
    this.parameters.dispose();
  }
}
