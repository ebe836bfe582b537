import type { BinaryLossId } from './losses/types';

/**
 * What a teacher may want to change lives here: colours, dashes, curve ranges.
 * The first seven colours are Okabe–Ito (colour-blind safe), the other five from Paul Tol's
 * palettes, dark enough for a white projector screen; every loss also has its own dash so colour
 * is never the only cue (config.test.ts checks both). The same colour and dash are used for a loss
 * in every chart and legend.
 */
export const lossStyles: Record<BinaryLossId, { color: string; dash: string }> = {
  ce: { color: '#1b1f24', dash: '' },
  'balanced-ce': { color: '#0072B2', dash: '12 6' },
  focal: { color: '#D55E00', dash: '' },
  dwb: { color: '#009E73', dash: '3 5' },
  poly1: { color: '#CC79A7', dash: '14 5 3 5' },
  asl: { color: '#E69F00', dash: '7 4' },
  'la-ce': { color: '#56B4E9', dash: '2 3 8 3' },
  'weighted-ce': { color: '#332288', dash: '8 3 2 3' },
  'class-balanced-focal': { color: '#882255', dash: '20 4' },
  'poly1-focal': { color: '#117733', dash: '6 3 2 3 2 3' },
  'label-smoothing': { color: '#806F00', dash: '1 4' },
  ldam: { color: '#2F8F80', dash: '16 4 4 4' },
};

/**
 * A race's lanes by position: lane 1 solid, then dashes that stay apart at 3 px on a projector. Two
 * lanes may train the same loss (Lin et al.'s α preset is three focal lanes), so the lane's dash,
 * its number and a lighter or darker shade of its loss's colour tell them apart.
 */
export const laneDashes = ['', '12 6', '3 5', '14 5 3 5'] as const;

/** Focal loss is the protagonist: drawn a little thicker. */
export const emphasisedLoss: BinaryLossId = 'focal';

/**
 * Metrics over training are drawn in a dark violet and a grey (and dashes): every Okabe–Ito colour already
 * names a loss, and the history chart draws the training loss in its loss's colour.
 */
export const metricLineColors = { recall: '#5e3c99', prAuc: '#6b7480' } as const;

/** Class colours (the two differ in lightness too). */
export const classColors = { minority: '#D55E00', majority: '#0072B2' } as const;

/** "Where the loss goes": each class's colour, pale for its easy examples and deep for its hard ones. */
export const exampleGroupColors = {
  easyNegative: '#a6cbe6',
  hardNegative: '#0a4f7d',
  easyPositive: '#f3b48a',
  hardPositive: '#8f3e00',
} as const;

export const curveRanges = {
  /** p_t axis: σ(±7.6) ≈ 0.0005/0.9995, so the ends show the easy and the hard extremes. */
  ptMin: 0.0005,
  ptMax: 0.9995,
  /** x_t axis (the logit of the true class). */
  logitMin: -8,
  logitMax: 8,
  samples: 401,
  /** Lowest loss shown on the log axis; smaller values (focal at high γ) run off the bottom. */
  logAxisFloor: 1e-6,
} as const;

/** Where the read-out starts before anyone hovers: an easy example, the heart of the argument. */
export const defaultCursorPt = 0.9;

/** Positives counted per class when class-balanced weights need absolute counts (Cui et al.). */
export const minorityCountForWeights = 100;
