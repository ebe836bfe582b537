import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { zh } from '../i18n/zh';
import { parseUrl, serializeUrl } from '../state/url';
import { defaultState } from '../state/paramTable';
import { lessonStepSettings, lessonSteps } from './steps';

describe('the guided lesson', () => {
  it('has words for every step in both languages', () => {
    for (const { id } of lessonSteps) {
      for (const strings of [en, zh]) {
        const step = (strings.guide.steps as Record<string, { title: string; body: string }>)[id];
        expect(step?.title.length).toBeGreaterThan(0);
        expect(step?.body.length).toBeGreaterThan(0);
      }
    }
  });

  it('starts on the curves and ends on the classifier, telling the same story with a network', () => {
    expect(lessonSteps[0]?.settings.view).toBe('curves');
    expect(lessonSteps.at(-1)?.settings.view).toBe('classifier');
  });

  it('puts each step into a link that restores it', () => {
    lessonSteps.forEach((_, i) => {
      const state = { ...defaultState(), ...lessonStepSettings(i + 1) };
      const { state: restored, notices } = parseUrl(serializeUrl(state));
      expect(notices).toEqual([]);
      expect(restored).toEqual(state);
    });
  });
});
