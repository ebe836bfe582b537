import { useTranslation } from 'react-i18next';
import { wilsonInterval } from '../../metrics';

interface Props {
  /** Successes and trials, e.g. true positives and all positives for recall. */
  count: number;
  of: number;
}

/**
 * A rate as a class should read it from a small test set: the value, the counts it comes from, and
 * its 95 % Wilson interval ("0.600 (12/20), 0.387–0.781"). "—" when there is nothing to count.
 */
export function RateWithCounts({ count, of }: Props) {
  const { t } = useTranslation();
  const interval = wilsonInterval(count, of);
  if (of === 0 || !interval) return <>{t('metrics.undefined')}</>;
  return (
    <>
      {(count / of).toFixed(3)} <span className="counts">({count}/{of})</span>
      <small className="interval" title={t('metrics.intervalHint')}>
        {t('metrics.interval', { low: interval.low.toFixed(3), high: interval.high.toFixed(3) })}
      </small>
    </>
  );
}
