import { lessonSteps } from '../lesson/steps';
import type { LabState } from './labState';
import { defaultLossSettings } from './paramTable';
import { parseRace } from './race';

/**
 * Everything that moving to lesson step `step` (1 … n) changes: that step's settings (every loss
 * setting not named there back to its default), its race (or
 * none, so a step about one network never shows an earlier step's race) and the step itself.
 */
export function lessonStepSettings(step: number): Partial<LabState> {
  const lesson = lessonSteps[step - 1];
  if (!lesson) return { lessonStep: 0 };
  const lossSettings = defaultLossSettings();
  for (const [loss, settings] of Object.entries(lesson.lossSettings ?? {})) {
    Object.assign(lossSettings[loss as keyof typeof lossSettings], settings);
  }
  return { ...lesson.settings, lossSettings, race: lesson.race ? parseRace(lesson.race).race : [], lessonStep: step };
}
