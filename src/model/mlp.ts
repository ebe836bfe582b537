/**
 * The classifier: an MLP 2 → hidden… → 1 logit on the raw coordinates (x, y), built from tfjs-core
 * tensors (no tfjs-layers: it would multiply the worker's size for three dense layers).
 *
 * A race trains K copies ("lanes") of the network side by side as one wide network with block-
 * diagonal kernels (laneLayout.ts); one network is a race of one lane. All kernels and biases live
 * in ONE flat variable, layer by layer: kernel (row-major, inputs × outputs), then bias. At this
 * size the time per training step is per-kernel overhead, not arithmetic, and one flat vector makes
 * the optimizer update ~12 kernels instead of ~12 per tensor. For the same reason the backward
 * pass is written out by hand (three matMuls per layer) rather than recorded on tfjs's tape, which
 * would clone every saved tensor and add a reshape per op.
 */
import * as tf from '@tensorflow/tfjs-core';
import { laneMask, stackLanes, unstackLanes, wideShapes } from './laneLayout';
import type { Activation, ModelConfig } from './protocol';
import { glorotUniform } from './initialWeights';
import { layerShapes, parameterCount, validateModelConfig, type LayerShape } from './shapes';


/** What the hand-written backward pass needs from a forward pass. */
export interface ForwardTrace {
  /** [n, lanes]: example by example, every lane's logit. */
  logits: tf.Tensor2D;
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
  readonly lanes: number;
  /** One lane's layers. */
  readonly layers: readonly LayerShape[];
  /** One lane's parameter count. */
  readonly laneSize: number;
  /** The wide network's parameters (laneLayout.ts). */
  readonly parameters: tf.Variable<tf.Rank.R1>;
  private readonly wide: readonly LayerShape[];
  private readonly sizes: number[];
  /** 1 where a lane's parameter lives, 0 on the structural zeros; null for one lane (all live). */
  private readonly live: tf.Tensor1D | null;

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
    this.wide = wideShapes(this.layers, lanes);
    this.sizes = this.wide.flatMap(({ inputs, outputs }) => [inputs * outputs, outputs]);
    const values = initial ?? glorotUniform(config);
    if (values.length !== this.laneSize) throw new Error(`expected ${this.laneSize} parameters, got ${values.length}`);
    // Inside tidy: tf.variable copies nothing, and the tensor it starts from would otherwise stay allocated.
    this.parameters = tf.tidy(() => tf.variable(tf.tensor1d(stackLanes(values, this.layers, lanes)), false));
    this.live = lanes > 1 ? tf.tensor1d(laneMask(this.layers, lanes, false)) : null;
  }

  /** Kernels and biases as views of the flat vector (call inside tf.tidy). */
  private unpack(): { kernels: tf.Tensor2D[]; biases: tf.Tensor1D[] } {
    const pieces = tf.split(this.parameters, this.sizes);
    return {
      kernels: this.wide.map(({ inputs, outputs }, l) => tf.reshape(pieces[2 * l] as tf.Tensor, [inputs, outputs])),
      biases: this.wide.map((_, l) => pieces[2 * l + 1] as tf.Tensor1D),
    };
  }

  /**
   * The layers in order, keeping each one's input. tf.fused.matMul adds the bias and applies ReLU or
   * sigmoid in the same kernel (tanh is not fusable in 4.22); it only fuses off a gradient tape,
   * which is why the backward pass below is by hand. The output is [n, lanes].
   */
  private forward(x: tf.Tensor2D, outputActivation: 'linear' | 'sigmoid'): Omit<ForwardTrace, 'logits'> & { output: tf.Tensor2D } {
    const { kernels, biases } = this.unpack();
    const layerInputs: tf.Tensor2D[] = [x];
    const last = this.wide.length - 1;
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
    return { output: h, layerInputs, kernels };
  }

  /** The forward pass with what backprop needs (call inside tf.tidy). */
  trace(x: tf.Tensor2D): ForwardTrace {
    const { output, layerInputs, kernels } = this.forward(x, 'linear');
    return { logits: output, layerInputs, kernels };
  }

  /**
   * dLoss/dθ as one flat vector in the parameter layout, given dLoss/dlogit [n, lanes] per example.
   * Per layer, with δ = dLoss/d(pre-activation): dW = inputᵀδ, db = 1ᵀδ (Σ over the batch; cpu's
   * sum along axis 0 transposes first, a matMul does not), and the layer below gets
   * δ ← (δWᵀ) ⊙ activation'. The structural zeros get no gradient, so lanes never mix.
   */
  gradient(trace: ForwardTrace, dLogits: tf.Tensor2D): tf.Tensor1D {
    // wasm's BatchMatMul (4.22) is 5–8× slower with a transposed operand than without (~45 µs
    // against ~6 µs for 256×16 operands, measured) while its transpose takes ~4 µs; on cpu the
    // transpose flags cost nothing and an explicit transpose is slow.
    const transposeFirst = tf.getBackend() === 'wasm';
    const times = (a: tf.Tensor2D, b: tf.Tensor2D, transposeA: boolean, transposeB: boolean): tf.Tensor2D =>
      transposeFirst
        ? tf.matMul(transposeA ? tf.transpose(a) : a, transposeB ? tf.transpose(b) : b)
        : tf.matMul(a, b, transposeA, transposeB);
    const pieces: tf.Tensor1D[] = [];
    let delta: tf.Tensor2D = dLogits;
    const ones: tf.Tensor2D = tf.ones([1, delta.shape[0]]);
    for (let l = this.wide.length - 1; l >= 0; l--) {
      const input = trace.layerInputs[l] as tf.Tensor2D;
      pieces.push(tf.reshape(tf.matMul(ones, delta), [-1]), tf.reshape(times(input, delta, true, false), [-1]));
      if (l > 0) {
        const dh = times(delta, trace.kernels[l] as tf.Tensor2D, false, true);
        delta = activationGradient(this.config.activation, dh, input);
      }
    }
    const gradient = tf.concat<tf.Tensor1D>(pieces.reverse());
    return this.live ? tf.mul(gradient, this.live) : gradient;
  }

  /** Logits [lanes, n] for inputs [n, 2]: lane by lane. */
  logits(x: tf.Tensor2D): tf.Tensor2D {
    return tf.tidy(() => this.byLane(this.forward(x, 'linear').output));
  }

  /** σ(logit) [lanes, n], the minority-class probability, with the sigmoid fused into the last layer. */
  probabilities(x: tf.Tensor2D): tf.Tensor2D {
    return tf.tidy(() => this.byLane(this.forward(x, 'sigmoid').output));
  }

  /** [n, lanes] → [lanes, n]; for one lane the same numbers, so only a reshape. */
  private byLane(output: tf.Tensor2D): tf.Tensor2D {
    return this.lanes === 1 ? tf.reshape(output, [1, -1]) : tf.transpose(output);
  }

  /** Every lane's parameters in the one-network layout, lane after lane (lanes × laneSize values). */
  readParameters(): Float32Array {
    return unstackLanes(this.parameters.dataSync() as Float32Array, this.layers, this.lanes, this.laneSize);
  }

  /** 1 on every lane's kernel entries in the wide layout, 0 on biases and structural zeros: what weight decay shrinks. */
  kernelMask(): Float32Array {
    return laneMask(this.layers, this.lanes, true);
  }

  dispose(): void {
    this.parameters.dispose();
    this.live?.dispose();
  }
}
