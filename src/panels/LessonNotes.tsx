import { memo } from 'react';
import { useTranslation } from 'react-i18next';

/** Four things to notice, in the order the source article argues them. */
export const LessonNotes = memo(function LessonNotes() {
  const { t } = useTranslation();
  const points = t('lesson.points', { returnObjects: true }) as readonly string[];
  return (
    <section className="lesson" data-testid="lesson">
      <h2>{t('lesson.heading')}</h2>
      <ol>
        {points.map((point) => (
          <li key={point}>{point}</li>
        ))}
      </ol>
    </section>
  );
});
