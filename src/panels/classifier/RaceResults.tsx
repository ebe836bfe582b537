import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Evaluation, OperatingPoint } from '../../metrics';
import { formatParam } from '../format';
import type { LaneStyle } from './laneStyles';
import { RateWithCounts } from './RateWithCounts';

export interface LaneResult {
  evaluation: Evaluation | null;
  /** Lane 1's model at this lane's recall; null for lane 1 itself or when undefined. */
  laneOneAtSameRecall: OperatingPoint | null;
}

interface Props {
  results: readonly LaneResult[];
  styles: readonly LaneStyle[];
  threshold: number;
  /** The table's id: the race's maps and charts point at it as their numbers in words. */
  id: string;
}

const three = (v: number | null | undefined) => (v === null || v === undefined ? null : v.toFixed(3));

/**
 * Every lane's test metrics at one threshold, lanes as columns. Counts stand beside the ratios:
 * with 20 test positives recall moves in steps of 0.05, whatever its three decimals suggest.
 */
export function RaceResults({ results, styles, threshold, id }: Props) {
  const { t } = useTranslation();
  const none = t('metrics.undefined');
  const cell = (text: string | null, counts?: string) =>
    text === null ? none : counts ? `${text} (${counts})` : text;
  const rows: { id: string; label: string; value(r: LaneResult): ReactNode }[] = [
    {
      id: 'recall',
      label: t('metrics.recall'),
      value: ({ evaluation: e }) => (e ? <RateWithCounts count={e.confusion.tp} of={e.confusion.tp + e.confusion.fn} /> : none),
    },
    {
      id: 'precision',
      label: t('metrics.precision'),
      value: ({ evaluation: e }) => (e ? <RateWithCounts count={e.confusion.tp} of={e.confusion.tp + e.confusion.fp} /> : none),
    },
    { id: 'f1', label: t('metrics.f1'), value: ({ evaluation: e }) => cell(three(e?.thresholdMetrics.f1)) },
    { id: 'pr-auc', label: t('metrics.prAuc'), value: ({ evaluation: e }) => cell(three(e?.averagePrecision)) },
    { id: 'roc-auc', label: t('metrics.rocAuc'), value: ({ evaluation: e }) => cell(three(e?.rocAuc)) },
    { id: 'ece', label: t('metrics.ece'), value: ({ evaluation: e }) => cell(three(e?.ece)) },
    { id: 'brier', label: t('metrics.brier'), value: ({ evaluation: e }) => cell(three(e?.brier)) },
    {
      id: 'lane-one-same-recall',
      label: t('race.laneOneSameRecall'),
      value: ({ laneOneAtSameRecall: p }) =>
        p
          ? t('race.laneOneAt', {
              threshold: formatParam(p.threshold),
              precision: cell(three(p.precision), `${p.truePositives}/${p.predictedPositives}`),
            })
          : none,
    },
  ];
  return (
    <table className="race-results" data-testid="race-results" id={id}>
      <caption>{t('race.results', { threshold: formatParam(threshold) })}</caption>
      <thead>
        <tr>
          <td />
          {results.map((_, k) => (
            <th key={k} scope="col" style={{ color: styles[k]?.text }}>
              {t('race.lane', { n: k + 1 })}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id}>
            <th scope="row">{row.label}</th>
            {results.map((result, k) => (
              <td key={k} data-testid={`race-${row.id}-${k + 1}`}>
                {k === 0 && row.id === 'lane-one-same-recall' ? none : row.value(result)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
