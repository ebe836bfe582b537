/**
 * Optimizers for one flat parameter vector. Not tf.train.*: those spend ~14 kernels and a few
 * scalar uploads per variable per step; here every constant is uploaded once and Adam is 12 kernels.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { OptimizerName } from './protocol';

export interface FlatOptimizer {
  /** θ ← θ − update(g). Call inside tf.tidy. */
  apply(parameters: tf.Variable<tf.Rank.R1>, gradient: tf.Tensor1D): void;
  dispose(): void;
}

const ADAM_BETA1 = 0.9;
const ADAM_BETA2 = 0.999;
/** tfjs's float32 default. */
const ADAM_EPSILON = 1e-7;

/** Plain gradient descent: θ ← θ − η g. */
function sgd(learningRate: number): FlatOptimizer {
  const rate = tf.keep(tf.scalar(learningRate));
  return {
    apply(parameters, gradient) {
      parameters.assign(tf.sub(parameters, tf.mul(gradient, rate)));
    },
    dispose: () => rate.dispose(),
  };
}

/**
 * Adam (Kingma & Ba, ICLR 2015), in the paper's "more efficient" form (end of section 2): the bias
 * corrections are folded into one step size α_t = η √(1 − β₂ᵗ) / (1 − β₁ᵗ), computed in JS, and
 * θ ← θ − α_t m / (√v + ε̂). That is one scalar upload per step instead of two divisions of vectors.
 */
function adam(learningRate: number, size: number): FlatOptimizer {
  // Inside tidy, or the zeros each variable starts from stay allocated.
  const m = tf.tidy(() => tf.variable(tf.zeros<tf.Rank.R1>([size]), false));
  const v = tf.tidy(() => tf.variable(tf.zeros<tf.Rank.R1>([size]), false));
  const oneMinusBeta1 = tf.keep(tf.scalar(1 - ADAM_BETA1));
  const oneMinusBeta2 = tf.keep(tf.scalar(1 - ADAM_BETA2));
  const epsilon = tf.keep(tf.scalar(ADAM_EPSILON));
  let t = 0;
  return {
    apply(parameters, gradient) {
      t += 1;
      // m ← m + (1 − β₁)(g − m) is β₁m + (1 − β₁)g in 3 kernels; likewise v with g².
      const mNext: tf.Tensor1D = tf.add(m, tf.mul(tf.sub(gradient, m), oneMinusBeta1));
      const vNext: tf.Tensor1D = tf.add(v, tf.mul(tf.sub(tf.square(gradient), v), oneMinusBeta2));
      const stepSize = (learningRate * Math.sqrt(1 - ADAM_BETA2 ** t)) / (1 - ADAM_BETA1 ** t);
      const update = tf.mul(tf.div(mNext, tf.add(tf.sqrt(vNext), epsilon)), tf.scalar(stepSize));
      m.assign(mNext);
      v.assign(vNext);
      parameters.assign(tf.sub(parameters, update));
    },
    dispose: () => tf.dispose([m, v, oneMinusBeta1, oneMinusBeta2, epsilon]),
  };
}

export function createOptimizer(name: OptimizerName, learningRate: number, size: number): FlatOptimizer {
  if (!(learningRate > 0) || !Number.isFinite(learningRate)) {
    throw new Error(`the learning rate must be a positive number, got ${learningRate}`);
  }
  switch (name) {
    case 'sgd':
      return sgd(learningRate);
    case 'adam':
      return adam(learningRate, size);
    default:
      throw new Error(`unknown optimizer "${String(name)}"`);
  }
}
