import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { zh } from '../i18n/zh';
import { lessonStepInLink, lessonStepSettings } from './settings';
import { parseRace } from '../state/race';
import { parseUrl, serializeUrl } from '../state/url';
import { defaultState } from '../state/paramTable';
import { lessonSteps } from './steps';

describe('the guided lesson', () => {
  it('has ten to fourteen steps, with words for each in both languages', () => {
    expect(lessonSteps.length).toBeGreaterThanOrEqual(10);
    expect(lessonSteps.length).toBeLessThanOrEqual(14);
    for (const { id } of lessonSteps) {
      for (const strings of [en, zh]) {
        const step = (strings.guide.steps as Record<string, { title: string; body: string }>)[id];
        expect(step?.title.length, id).toBeGreaterThan(0);
        expect(step?.body.length, id).toBeGreaterThan(0);
      }
    }
    expect(Object.keys(en.guide.steps)).toEqual(lessonSteps.map((step) => step.id));
  });

  it('writes every race as a valid link, and trains only where there is a network', () => {
    for (const step of lessonSteps) {
      if (step.race) expect(parseRace(step.race).notices, step.id).toEqual([]);
      if (step.trainTo) expect(step.settings.view, step.id).toBe('classifier');
    }
  });

  it('clears an earlier step’s race when a step shows one network or the curves', () => {
    lessonSteps.forEach((step, i) => {
      expect(lessonStepSettings(i + 1).race?.length ?? 0, step.id).toBe(step.race ? parseRace(step.race).race.length : 0);
    });
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

describe('a lesson step in a link', () => {
  it('is kept within the lesson, and a step past the end says so', () => {
    expect(lessonStepInLink(3)).toEqual({ step: 3 });
    expect(lessonStepInLink(0)).toEqual({ step: 0 });
    expect(lessonStepInLink(99)).toEqual({
      step: lessonSteps.length,
      notice: { key: 'notice.clamped', values: { param: 'lessonStep', raw: '99', value: String(lessonSteps.length) } },
    });
  });
});
