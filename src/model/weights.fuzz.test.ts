import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SerializedWeights } from './protocol';
import { deserializeWeights, WeightsError } from './weights';

/** What deserializeWeights may do with a file from anywhere: give weights back, or say in words what is wrong. */
function outcome(file: unknown): 'weights' | 'refused' {
  try {
    deserializeWeights(file as SerializedWeights);
    return 'weights';
  } catch (error) {
    // Its own message, never an engine's TypeError ("n.join is not a function", "Cannot destructure…").
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(TypeError);
    expect((error as Error).message.length).toBeGreaterThan(0);
    expect((error as Error).message).not.toMatch(/Cannot (destructure|read|convert)|is not a function/);
    // And a code the page translates, with values it can put in the sentence.
    expect(error).toBeInstanceOf(WeightsError);
    expect(Object.values((error as WeightsError).values).every((v) => typeof v === 'number' || typeof v === 'string')).toBe(true);
    return 'refused';
  }
}

describe('a weights file from anywhere', () => {
  it('is refused with a message of ours, whatever its JSON holds', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => {
        expect(outcome(value)).toBe('refused');
      }), { numRuns: 2000 });
  });

  it('is refused with a message of ours when its parts are of the wrong kinds', () => {
    const anything = fc.oneof(fc.jsonValue(), fc.constant(undefined));
    const file = fc.record({
      format: fc.oneof(fc.constant('imbalance-lab-weights'), anything),
      version: fc.oneof(fc.constant(1), anything),
      model: fc.oneof(fc.record({ hiddenLayers: anything, activation: anything, seed: anything }), anything),
      layers: fc.oneof(fc.array(fc.record({ kernel: anything, bias: anything, inputs: anything, outputs: anything }), { maxLength: 4 }), anything),
    });
    fc.assert(fc.property(file, (value) => {
        expect(outcome(value)).toBe('refused');
      }), { numRuns: 2000 });
  });

  it('is refused with a message of ours when its values turn text-making into a trap', () => {
    // Found by the property above: String() of an array holding {"toString": ""} throws.
    const trap = [{ toString: '' }];
    for (const file of [
      { format: 'imbalance-lab-weights', version: trap },
      { format: 'imbalance-lab-weights', version: 1, model: undefined },
      { format: 'imbalance-lab-weights', version: 1, model: { hiddenLayers: [], activation: trap, seed: 1 } },
      { format: 'imbalance-lab-weights', version: 1, model: { hiddenLayers: [], activation: 'tanh', seed: trap } },
      { format: 'imbalance-lab-weights', version: 1, model: { hiddenLayers: [], activation: 'tanh', seed: 1 }, layers: [{ inputs: trap, outputs: 1 }] },
    ]) {
      expect(outcome(file)).toBe('refused');
    }
  });
});
