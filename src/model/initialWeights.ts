import { streamFor } from '../data/random';
import type { ModelConfig } from './protocol';
import { layerShapes, parameterCount } from './shapes';

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
