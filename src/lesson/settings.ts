import type { LabState } from '../state/labState';
import type { UrlNotice } from '../state/url';
import { defaultLossSettings } from '../state/paramTable';
import { parseRace } from '../state/race';
import { lessonSteps } from './steps';

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

/**
 * A link's lesson step, within the lesson: the state layer reads any whole number, and only the
 * lesson knows how many steps it has.
 */
export function lessonStepInLink(requested: number): { step: number; notice?: UrlNotice } {
  if (requested <= lessonSteps.length) return { step: requested };
  const values = { param: 'lessonStep', raw: String(requested), value: String(lessonSteps.length) };
  return { step: lessonSteps.length, notice: { key: 'notice.clamped', values } };
}
