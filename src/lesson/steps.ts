import type { LossSettingsById } from '../losses/types';
import type { LabState } from '../state/labState';

/**
 * The guided lesson, as data (in the spirit of MLU-Explain's textbook pages): each step names what
 * it sets and where its words live in src/i18n (`guide.steps.<id>`). It follows the two source
 * articles: the imbalance problem, α-balancing and what it does to a trained network, focal loss's
 * modulating factor and its gradient, α and γ together, a race of the remedies, rare regions found
 * sooner, easy and hard examples that change sides, DWB, resampling the data instead, and a summary.
 *
 * Every claim a step's words make is checked on screen with that step's settings and seeds by
 * tests/e2e/lesson.test.ts (numbers from the curves by src/lesson/claims.test.ts).
 */
export interface LessonStep {
  id: string;
  /** What opening the step sets; everything else stays as the teacher left it. */
  settings: Partial<Omit<LabState, 'race' | 'lossSettings'>>;
  /** The loss settings it changes from their defaults (every other loss setting is reset to its default). */
  lossSettings?: { [Id in keyof LossSettingsById]?: Partial<LossSettingsById[Id]> };
  /** The race it trains, written as in a link (`ce;balanced-ce:auto`); none: one network or the curves. */
  race?: string;
  /** A training step trains this far, from fresh weights, before its words hold. */
  trainTo?: number;
}

/**
 * One dataset and one network for the training steps: 20,000 examples at 1 : 100 leave about 200
 * minority examples in the test set, enough for recall to mean something (20 would move it in steps
 * of 0.05); the classes overlap, so the losses really differ; a small learning rate keeps training
 * steady.
 */
const lessonData: LessonStep['settings'] = {
  view: 'classifier',
  shape: 'blobs',
  ratio: 100,
  size: 20_000,
  noise: 0.8,
  labelNoise: 0,
  dataSeed: 7,
  modelSeed: 3,
  hiddenLayers: 2,
  width: 16,
  activation: 'tanh',
  resampling: 'none',
  optimizer: 'adam',
  learningRate: 0.003,
  batchSize: 64,
  weightDecay: 0,
  classWeighting: 'none',
  threshold: 0.5,
};

/** The curves of one example at 1 : 100. */
const curves = (settings: LessonStep['settings']): LessonStep['settings'] => ({ view: 'curves', ratio: 100, logScale: false, ...settings });

export const lessonSteps: readonly LessonStep[] = [
  { id: 'problem', settings: curves({ losses: ['ce'], exampleClass: 0, alphaFromRatio: false }) },
  { id: 'classWeights', settings: curves({ losses: ['ce', 'balanced-ce'], exampleClass: 0, alphaFromRatio: true }) },
  { id: 'operatingPoint', settings: lessonData, race: 'ce;balanced-ce:auto', trainTo: 1000 },
  { id: 'focal', settings: curves({ losses: ['ce', 'focal'], exampleClass: 0, alphaFromRatio: false }), lossSettings: { focal: { gamma: 2, alpha: 0.5 } } },
  { id: 'gradient', settings: curves({ losses: ['ce', 'focal'], exampleClass: 0, alphaFromRatio: false }), lossSettings: { focal: { gamma: 2, alpha: 0.5 } } },
  { id: 'linAlpha', settings: lessonData, race: 'focal:alpha=0.25;focal:alpha=0.5;focal:alpha=0.99', trainTo: 3000 },
  { id: 'race', settings: lessonData, race: 'ce;focal:alpha=0.5;balanced-ce:auto;focal:auto', trainTo: 1000 },
  { id: 'rareRegions', settings: { ...lessonData, shape: 'xor', noise: 0.3, learningRate: 0.01 }, race: 'ce;focal:alpha=0.5', trainTo: 1000 },
  { id: 'flipsFast', settings: { ...lessonData, learningRate: 0.1 }, race: 'ce;focal:alpha=0.5' },
  { id: 'flipsSlow', settings: lessonData, race: 'ce;focal:alpha=0.5' },
  { id: 'dwb', settings: lessonData, race: 'ce;dwb', trainTo: 3000 },
  { id: 'resampling', settings: { ...lessonData, trainLoss: 'ce', resampling: 'oversample' }, trainTo: 1000 },
  // Back to the curves of the three losses the lesson is about, at Lin et al.'s γ = 2 and α = 0.25.
  {
    id: 'summary',
    settings: curves({ losses: ['ce', 'balanced-ce', 'focal'], exampleClass: 0, alphaFromRatio: false }),
    lossSettings: { focal: { gamma: 2, alpha: 0.25 } },
  },
];
