/**
 * Mini-batches without replacement. Each epoch draws a seeded permutation of the training set and
 * gathers the inputs on the device once; its batches are then consecutive row ranges of that
 * shuffled copy (on wasm a slice costs a few µs, a gather of 256 rows ~15 µs). Labels and weights
 * stay in JS, where the loss's derivative is taken: the batch says which rows it holds.
 * The last N mod B examples of an epoch's order sit that epoch out (PyTorch's drop_last): every
 * batch has the same size, and the next epoch is a new order.
 */
import * as tf from '@tensorflow/tfjs-core';
import { streamFor, type Random } from '../data/random';

/** A mini-batch: its inputs on the device, and which training examples they are. */
export interface Batch {
  x: tf.Tensor2D;
  /** Indices into the training set; valid until the next call to `next`. */
  rows: Int32Array;
}

export class EpochBatches {
  private readonly random: Random;
  private readonly order: Int32Array;
  private epoch: tf.Tensor2D | null = null;
  private nextRow = 0;

  constructor(
    private readonly size: number,
    seed: number,
  ) {
    if (!Number.isInteger(size) || size < 1) throw new Error(`cannot draw batches from ${size} examples`);
    this.random = streamFor(seed, 'model/batches');
    this.order = Int32Array.from({ length: size }, (_, i) => i);
  }

  /** The next batch of `batchSize` ≤ size rows of `x` (which must have `size` rows). Call inside tf.tidy. */
  next(x: tf.Tensor2D, batchSize: number): Batch {
    if (!this.epoch || this.nextRow + batchSize > this.size) this.startEpoch(x);
    const start = this.nextRow;
    this.nextRow += batchSize;
    return {
      x: tf.slice(this.epoch as tf.Tensor2D, [start, 0], [batchSize, -1]),
      rows: this.order.subarray(start, start + batchSize),
    };
  }

  /** Forgets the current epoch's copy; the order stream goes on. */
  endEpoch(): void {
    this.epoch?.dispose();
    this.epoch = null;
  }

  dispose(): void {
    this.endEpoch();
  }

  private startEpoch(x: tf.Tensor2D): void {
    this.endEpoch();
    this.shuffle();
    // tf.keep: the copy outlives the step's tf.tidy that happens to start the epoch.
    this.epoch = tf.tidy(() => tf.keep(tf.gather(x, tf.tensor1d(this.order.slice(), 'int32'))));
    this.nextRow = 0;
  }

  /** Fisher–Yates in place: every order equally likely whatever the previous one was. */
  private shuffle(): void {
    const { order } = this;
    for (let i = order.length - 1; i > 0; i--) {
      const j = this.random.integer(i + 1);
      const held = order[i] as number;
      order[i] = order[j] as number;
      order[j] = held;
    }
  }
}
