import { useTranslation } from 'react-i18next';

/** Below this many minority test examples every rate moves in coarse steps: say so, visibly. */
const FEW_POSITIVES = 30;

/** A warning that the test set's minority examples are too few for a rate to mean much. */
export function FewPositives({ positives }: { positives: number }) {
  const { t } = useTranslation();
  if (positives >= FEW_POSITIVES) return null;
  return (
    <p className="notice-inline" role="note" data-testid="few-positives">
      {positives === 0 ? t('metrics.noPositives') : t('metrics.fewPositives', { count: positives, step: (1 / positives).toFixed(3), least: FEW_POSITIVES })}
    </p>
  );
}
