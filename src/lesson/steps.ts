import type { LabState } from '../state/labState';

/**
 * The guided lesson, as data (in the spirit of MLU-Explain's textbook pages): each step names what
 * it sets and where its words live in src/i18n (`lesson.steps.<id>`). It follows the source
 * article's argument: the imbalance problem, class weights, focal loss, its gradient, then the
 * same story on a trained network.
 */
export interface LessonStep {
  id: string;
  /** What "Show me" sets; everything else stays as the teacher left it. */
  settings: Partial<LabState>;
}

/** One skewed dataset and one network for every classifier step: only the loss changes. */
const classroomData: Partial<LabState> = {
  view: 'classifier',
  race: [],
  shape: 'blobs',
  ratio: 100,
  size: 2000,
  noise: 0.8,
  labelNoise: 0,
  dataSeed: 7,
  modelSeed: 3,
  hiddenLayers: 2,
  width: 16,
  resampling: 'none',
  classWeighting: 'none',
  threshold: 0.5,
};

export const lessonSteps: readonly LessonStep[] = [
  { id: 'problem', settings: { view: 'curves', losses: ['ce'], ratio: 100, exampleClass: 0, logScale: false } },
  {
    id: 'classWeights',
    settings: { view: 'curves', losses: ['ce', 'balanced-ce'], alphaFromRatio: true, exampleClass: 0, logScale: false },
  },
  {
    id: 'focal',
    settings: { view: 'curves', losses: ['ce', 'balanced-ce', 'focal'], gamma: 2, alpha: 0.25, alphaFromRatio: false, exampleClass: 1 },
  },
  { id: 'gradient', settings: { view: 'curves', losses: ['ce', 'focal'], gamma: 5, alphaFromRatio: false, logScale: true } },
  { id: 'dwb', settings: { view: 'curves', losses: ['ce', 'focal', 'dwb'], gamma: 2, logScale: false, exampleClass: 1 } },
  { id: 'trainCe', settings: { ...classroomData, trainLoss: 'ce' } },
  { id: 'trainFocal', settings: { ...classroomData, trainLoss: 'focal', gamma: 2, alphaFromRatio: true } },
  { id: 'threshold', settings: { ...classroomData, trainLoss: 'ce', threshold: 0.1 } },
];

/** Everything that moving to `step` (1 … n) changes: that step's settings and the step itself. */
export function lessonStepSettings(step: number): Partial<LabState> {
  return { ...(lessonSteps[step - 1]?.settings ?? {}), lessonStep: step };
}
