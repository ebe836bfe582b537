import { useTranslation } from 'react-i18next';
import { lessonSteps } from '../lesson/steps';
import { lessonStepSettings } from '../lesson/settings';
import type { LabState } from '../state/labState';
import { ariaShortcut, useShortcut } from './useShortcuts';

interface Props {
  step: number;
  update(patch: Partial<LabState>): void;
}

/** The guided lesson: one step's title and words, and the way back, forward and out. */
export function LessonBar({ step, update }: Props) {
  const { t } = useTranslation();
  const current = lessonSteps[step - 1];
  const count = lessonSteps.length;
  // ← and → turn the lesson's pages in front of the class; with the lesson closed they are the page's.
  useShortcut('previousStep', current && step > 1 ? () => update(lessonStepSettings(step - 1)) : null);
  useShortcut('nextStep', current && step < count ? () => update(lessonStepSettings(step + 1)) : null);
  if (!current) return null;
  return (
    <section className="lesson-bar" aria-label={t('guide.label')} data-testid="lesson-bar">
      <div className="lesson-text">
        <p className="lesson-progress">
          {t('guide.label')} · {t('guide.progress', { step, count })}
        </p>
        <h2 data-testid="lesson-title">{t(`guide.steps.${current.id}.title`)}</h2>
        <p>{t(`guide.steps.${current.id}.body`)}</p>
      </div>
      <div className="lesson-buttons">
        <button
          type="button"
          data-testid="lesson-back"
          aria-keyshortcuts={ariaShortcut('previousStep')}
          disabled={step <= 1}
          onClick={() => update(lessonStepSettings(step - 1))}
        >
          {t('guide.back')}
        </button>
        <button type="button" data-testid="lesson-show" onClick={() => update(lessonStepSettings(step))}>
          {t('guide.showMe')}
        </button>
        <button
          type="button"
          className="primary"
          data-testid="lesson-next"
          aria-keyshortcuts={ariaShortcut('nextStep')}
          disabled={step >= count}
          onClick={() => update(lessonStepSettings(step + 1))}
        >
          {t('guide.next')}
        </button>
        <button type="button" data-testid="lesson-close" onClick={() => update({ lessonStep: 0 })}>
          {t('guide.close')}
        </button>
      </div>
    </section>
  );
}
