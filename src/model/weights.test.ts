import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { zh } from '../i18n/zh';
import type { SerializedWeights } from './protocol';
import { deserializeWeights, serializeWeights, WeightsError } from './weights';
import type { WeightsErrorCode, WeightsErrorValues } from './weights';

/** A valid file for hidden layers [3]: 2 → 3 → 1, every number 0.5. */
function goodFile(): SerializedWeights {
  const model = { hiddenLayers: [3], activation: 'tanh' as const, seed: 3 };
  return serializeWeights(model, new Float32Array(2 * 3 + 3 + 3 * 1 + 1).fill(0.5));
}

/** The file's problem as the page receives it: a code and the values its sentence names. */
function problemOf(file: unknown): { code: WeightsErrorCode; values: WeightsErrorValues } {
  try {
    deserializeWeights(file as SerializedWeights);
  } catch (error) {
    expect(error).toBeInstanceOf(WeightsError);
    const { code, values } = error as WeightsError;
    return { code, values };
  }
  throw new Error('the file was accepted');
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]);

describe('a weights file that does not fit names its problem as a code with values', () => {
  const cases: [string, (file: SerializedWeights) => unknown, WeightsErrorCode, WeightsErrorValues][] = [
    ['another format', (f) => ({ ...f, format: 'keras' }), 'notWeightsFile', {}],
    ['not an object at all', () => 'hello', 'notWeightsFile', {}],
    ['version 2', (f) => ({ ...f, version: 2 }), 'version', { version: '2' }],
    ['no model', (f) => ({ ...f, model: null }), 'noModel', { value: 'null' }],
    ['a width of 5.5', (f) => ({ ...f, model: { ...f.model, hiddenLayers: [5.5] } }), 'hiddenLayers', { value: '[5.5]' }],
    ['markup as activation', (f) => ({ ...f, model: { ...f.model, activation: '<b>x</b>' } }), 'activation', { value: '"<b>x</b>"' }],
    ['the seed "abc"', (f) => ({ ...f, model: { ...f.model, seed: 'abc' } }), 'seed', { value: '"abc"' }],
    ['no layers', (f) => ({ ...f, layers: undefined }), 'noLayers', { needed: 2, hiddenLayers: '[3]' }],
    ['an extra layer', (f) => ({ ...f, layers: [...f.layers, f.layers[1]] }), 'layerCount', { count: 3, needed: 2, hiddenLayers: '[3]' }],
    [
      'wrong inputs',
      (f) => ({ ...f, layers: [{ ...f.layers[0], inputs: 4 }, f.layers[1]] }),
      'layerShape',
      { layer: 1, inputs: '4', outputs: '3', expectedInputs: 2, expectedOutputs: 3 },
    ],
    ['a kernel that is not a list', (f) => ({ ...f, layers: [f.layers[0], { ...f.layers[1], kernel: 'x' }] }), 'kernelNotArray', { layer: 2 }],
    ['a short kernel', (f) => ({ ...f, layers: [{ ...f.layers[0], kernel: [1, 2] }, f.layers[1]] }), 'kernelLength', { layer: 1, count: 2, expected: 6 }],
    [
      'a null in a kernel (diverged weights)',
      (f) => ({ ...f, layers: [{ ...f.layers[0], kernel: [0, 0, null, 0, 0, 0] }, f.layers[1]] }),
      'kernelValue',
      { layer: 1, position: 3, value: 'null' },
    ],
    ['a bias that is not a list', (f) => ({ ...f, layers: [{ ...f.layers[0], bias: {} }, f.layers[1]] }), 'biasNotArray', { layer: 1 }],
    ['a long bias', (f) => ({ ...f, layers: [f.layers[0], { ...f.layers[1], bias: [0, 0] }] }), 'biasLength', { layer: 2, count: 2, expected: 1 }],
    ['a bias beyond float32', (f) => ({ ...f, layers: [f.layers[0], { ...f.layers[1], bias: [1e39] }] }), 'biasValue', { layer: 2, position: 1, value: '1e+39' }],
  ];

  for (const [what, change, code, values] of cases) {
    it(`${what}: ${code}`, () => {
      expect(problemOf(change(goodFile()))).toEqual({ code, values });
    });
  }

  it('cuts a long value from the file to its start', () => {
    const { values } = problemOf({ ...goodFile(), version: 'x'.repeat(10_000) });
    expect(String(values.version)).toHaveLength(41);
    expect(String(values.version).endsWith('…')).toBe(true);
  });

  it('accepts the file it wrote', () => {
    expect(deserializeWeights(goodFile()).parameters).toHaveLength(13);
  });

  it('has a sentence for every code, in English and Chinese, that names only values it is given', () => {
    for (const [, , code, values] of cases) {
      for (const messages of [en.classifier.weightsErrors, zh.classifier.weightsErrors]) {
        const sentence: string = messages[code];
        expect(sentence, code).toBeTruthy();
        for (const name of placeholders(sentence)) expect(Object.keys(values), `${code}: {{${name}}}`).toContain(name);
      }
    }
    // The page's own checks (SingleModelPanels) and the page's JSON check have sentences too.
    for (const code of ['notJson', 'pageLayers', 'pageSeed'] as const) {
      expect(en.classifier.weightsErrors[code]).toBeTruthy();
      expect(zh.classifier.weightsErrors[code]).toBeTruthy();
    }
  });
});
