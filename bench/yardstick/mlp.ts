/**
 * The yardstick: the same network and loss as the app (2 → 16 → 16 → 1, tanh, mean focal loss,
 * Adam), in plain TypeScript on Float64Arrays with the backward pass written out by hand. It is
 * what this machine can do with no framework at all, and the figure the app's training speed is
 * compared with. Bench only: the app never imports this.
 *
 * Layout and rules match the app's model so that the work per step is the same: all kernels
 * (row-major, inputs × outputs) and biases in ONE flat vector, Glorot-uniform kernels and zero
 * biases from a seed, mini-batches without replacement (a seeded permutation per epoch, the last
 * N mod B examples sit the epoch out), Adam with tfjs's ε = 1e−7.
 */
import { streamFor, type Random } from '../../src/data/random';
import { focalLoss } from '../../src/losses/focal';
import type { Label } from '../../src/losses/types';

export interface YardstickConfig {
  /** Widths, input to output: [2, 16, 16, 1]. */
  widths: readonly number[];
  gamma: number;
  alpha: number;
  learningRate: number;
  batchSize: number;
  seed: number;
}

interface Layer {
  inputs: number;
  outputs: number;
  /** Offsets into the flat parameter vector. */
  kernel: number;
  bias: number;
}

const BETA1 = 0.9;
const BETA2 = 0.999;
const EPSILON = 1e-7;

export class YardstickMlp {
  readonly parameters: Float64Array;
  private readonly layers: Layer[];
  private readonly gradient: Float64Array;
  private readonly m: Float64Array;
  private readonly v: Float64Array;
  private t = 0;
  /** Per layer, the batch's activations [batch × width]: activations[0] is the input batch. */
  private readonly activations: Float64Array[];
  /** dLoss/d(pre-activation) for the layer being back-propagated, and for the one below. */
  private delta: Float64Array;
  private deltaBelow: Float64Array;
  private readonly batchLabels: Uint8Array;
  private readonly order: Int32Array;
  private readonly random: Random;
  private nextRow: number;

  constructor(
    private readonly config: YardstickConfig,
    private readonly coords: Float32Array,
    private readonly labels: Uint8Array,
  ) {
    const { widths, batchSize, seed } = config;
    if (widths.length < 2 || widths[0] !== 2 || widths.at(-1) !== 1) throw new Error('widths must run from 2 to 1');
    const n = labels.length;
    if (coords.length !== 2 * n || batchSize < 1 || batchSize > n) throw new Error('bad data or batch size');
    let offset = 0;
    this.layers = widths.slice(1).map((outputs, l) => {
      const inputs = widths[l] as number;
      const layer = { inputs, outputs, kernel: offset, bias: offset + inputs * outputs };
      offset += inputs * outputs + outputs;
      return layer;
    });
    this.parameters = new Float64Array(offset);
    const init = streamFor(seed, 'yardstick/init');
    for (const { inputs, outputs, kernel } of this.layers) {
      const limit = Math.sqrt(6 / (inputs + outputs));
      for (let i = 0; i < inputs * outputs; i++) this.parameters[kernel + i] = init.uniformIn(-limit, limit);
    }
    this.gradient = new Float64Array(offset);
    this.m = new Float64Array(offset);
    this.v = new Float64Array(offset);
    this.activations = widths.map((w) => new Float64Array(batchSize * w));
    const widest = Math.max(...widths);
    this.delta = new Float64Array(batchSize * widest);
    this.deltaBelow = new Float64Array(batchSize * widest);
    this.batchLabels = new Uint8Array(batchSize);
    this.order = Int32Array.from({ length: n }, (_, i) => i);
    this.random = streamFor(seed, 'yardstick/batches');
    this.nextRow = n; // start with a fresh epoch
  }

  /** One optimizer step on the next mini-batch. */
  step(): void {
    const { batchSize, gamma, alpha } = this.config;
    const batchLabels = this.loadBatch();
    const last = this.layers.length - 1;
    this.forward(batchSize);

    // δ at the output: d(mean loss)/d logit = grad / B.
    const logits = this.activations[last + 1] as Float64Array;
    const params = { gamma, alpha };
    const delta = this.delta;
    for (let b = 0; b < batchSize; b++) {
      delta[b] = focalLoss.grad(logits[b] as number, batchLabels[b] as Label, params) / batchSize;
    }

    const p = this.parameters;
    const g = this.gradient;
    for (let l = last; l >= 0; l--) {
      const { inputs, outputs, kernel, bias } = this.layers[l] as Layer;
      const input = this.activations[l] as Float64Array;
      const d = this.delta;
      // dW = inputᵀ δ, db = Σ_b δ.
      g.fill(0, kernel, bias + outputs);
      for (let b = 0; b < batchSize; b++) {
        for (let j = 0; j < outputs; j++) g[bias + j] = (g[bias + j] as number) + (d[b * outputs + j] as number);
        for (let i = 0; i < inputs; i++) {
          const a = input[b * inputs + i] as number;
          const row = kernel + i * outputs;
          for (let j = 0; j < outputs; j++) g[row + j] = (g[row + j] as number) + a * (d[b * outputs + j] as number);
        }
      }
      if (l > 0) {
        // δ_below = (δ Wᵀ) ⊙ tanh'(·), tanh' = 1 − h² from the kept activation h.
        const below = this.deltaBelow;
        for (let b = 0; b < batchSize; b++) {
          for (let i = 0; i < inputs; i++) {
            let sum = 0;
            const row = kernel + i * outputs;
            for (let j = 0; j < outputs; j++) sum += (p[row + j] as number) * (d[b * outputs + j] as number);
            const h = input[b * inputs + i] as number;
            below[b * inputs + i] = sum * (1 - h * h);
          }
        }
        this.deltaBelow = d;
        this.delta = below;
      }
    }
    this.adam();
  }

  /** Mean focal loss over the whole training set (for checking that it learns; not timed). */
  loss(): number {
    const n = this.labels.length;
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const x = this.logit(this.coords[2 * i] as number, this.coords[2 * i + 1] as number);
      sum += focalLoss.value(x, this.labels[i] as Label, this.config);
    }
    return sum / n;
  }

  /** The logit of one point, unbatched. */
  logit(x: number, y: number): number {
    let input = [x, y];
    const last = this.layers.length - 1;
    this.layers.forEach(({ inputs, outputs, kernel, bias }, l) => {
      const out = new Array<number>(outputs);
      for (let j = 0; j < outputs; j++) {
        let z = this.parameters[bias + j] as number;
        for (let i = 0; i < inputs; i++) z += (input[i] as number) * (this.parameters[kernel + i * outputs + j] as number);
        out[j] = l < last ? Math.tanh(z) : z;
      }
      input = out;
    });
    return input[0] as number;
  }

  /** Copies the next batch's inputs into activations[0]; returns its labels. */
  private loadBatch(): Uint8Array {
    const { batchSize } = this.config;
    const n = this.labels.length;
    if (this.nextRow + batchSize > n) {
      // Fisher–Yates with the seeded stream: a new order per epoch.
      for (let i = n - 1; i > 0; i--) {
        const j = this.random.integer(i + 1);
        const t = this.order[i] as number;
        this.order[i] = this.order[j] as number;
        this.order[j] = t;
      }
      this.nextRow = 0;
    }
    const x = this.activations[0] as Float64Array;
    const labels = this.batchLabels;
    for (let b = 0; b < batchSize; b++) {
      const i = this.order[this.nextRow + b] as number;
      x[2 * b] = this.coords[2 * i] as number;
      x[2 * b + 1] = this.coords[2 * i + 1] as number;
      labels[b] = this.labels[i] as number;
    }
    this.nextRow += batchSize;
    return labels;
  }

  private forward(batchSize: number): void {
    const p = this.parameters;
    const last = this.layers.length - 1;
    this.layers.forEach(({ inputs, outputs, kernel, bias }, l) => {
      const input = this.activations[l] as Float64Array;
      const output = this.activations[l + 1] as Float64Array;
      for (let b = 0; b < batchSize; b++) {
        for (let j = 0; j < outputs; j++) {
          let z = p[bias + j] as number;
          for (let i = 0; i < inputs; i++) z += (input[b * inputs + i] as number) * (p[kernel + i * outputs + j] as number);
          output[b * outputs + j] = l < last ? Math.tanh(z) : z;
        }
      }
    });
  }

  /** Adam with bias correction folded into the step size, as the app's optimizer does. */
  private adam(): void {
    this.t += 1;
    const { learningRate } = this.config;
    const stepSize = (learningRate * Math.sqrt(1 - BETA2 ** this.t)) / (1 - BETA1 ** this.t);
    const { parameters: p, gradient: g, m, v } = this;
    for (let k = 0; k < p.length; k++) {
      const gk = g[k] as number;
      const mk = BETA1 * (m[k] as number) + (1 - BETA1) * gk;
      const vk = BETA2 * (v[k] as number) + (1 - BETA2) * gk * gk;
      m[k] = mk;
      v[k] = vk;
      p[k] = (p[k] as number) - (stepSize * mk) / (Math.sqrt(vk) + EPSILON);
    }
  }
}
