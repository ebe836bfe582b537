import { lessonSteps } from '../lesson/steps';
import type { LabState } from './labState';
import { parseRace } from './race';

/**
 * Everything that moving to lesson step `step` (1 … n) changes: that step's settings, its race (or
 * none, so a step about one network never shows an earlier step's race) and the step itself.
 */
export function lessonStepSettings(step: number): Partial<LabState> {
  const lesson = lessonSteps[step - 1];
  if (!lesson) return { lessonStep: 0 };
  return { ...lesson.settings, race: lesson.race ? parseRace(lesson.race).race : [], lessonStep: step };
}
