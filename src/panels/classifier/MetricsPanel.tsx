import { useTranslation } from 'react-i18next';
import type { Evaluation } from '../../metrics';
import type { LabState } from '../../state/labState';
import { formatParam } from '../format';
import { StateSlider } from '../StateSlider';
import { FewPositives } from './FewPositives';
import { RateWithCounts } from './RateWithCounts';

interface Props {
  evaluation: Evaluation | null;
  positives: number;
  negatives: number;
  state: LabState;
  update(patch: Partial<LabState>): void;
  /** The metrics table's id: the charts and the boundary map point at it as their numbers in words. */
  tableId: string;
}

/** A metric that does not exist (no positives predicted, one class only) reads "—", never a fake 0. */
const shown = (value: number | null, fallback: string) => (value === null ? fallback : value.toFixed(3));

/** The numbers that matter under imbalance, on the held-out test set, at the chosen threshold. */
export function MetricsPanel({ evaluation, positives, negatives, state, update, tableId }: Props) {
  const { t } = useTranslation();
  const none = t('metrics.undefined');
  const m = evaluation?.thresholdMetrics;
  const rows: [string, string, number | null][] = [
    ['recall', t('metrics.recall'), m?.minorityRecall ?? null],
    ['precision', t('metrics.precision'), m?.precision ?? null],
    ['f1', t('metrics.f1'), m?.f1 ?? null],
    ['pr-auc', t('metrics.prAuc'), evaluation?.averagePrecision ?? null],
    ['roc-auc', t('metrics.rocAuc'), evaluation?.rocAuc ?? null],
    ['balanced-accuracy', t('metrics.balancedAccuracy'), m?.balancedAccuracy ?? null],
    ['accuracy', t('metrics.accuracy'), m?.accuracy ?? null],
    ['brier', t('metrics.brier'), evaluation?.brier ?? null],
    ['ece', t('metrics.ece'), evaluation?.ece ?? null],
  ];
  const c = evaluation?.confusion;
  // Recall and precision with their counts and 95 % intervals; the rest as plain numbers.
  const withCounts: Record<string, [number, number] | undefined> = c
    ? { recall: [c.tp, c.tp + c.fn], precision: [c.tp, c.tp + c.fp] }
    : {};

  return (
    <section className="metrics" data-testid="metrics">
      <h2>{t('metrics.heading', { positives, negatives })}</h2>
      <FewPositives positives={positives} />
      {evaluation ? null : <p className="hint">{t('metrics.noPrediction')}</p>}
      <table className="metric-table" id={tableId}>
        <tbody>
          {rows.map(([id, label, value]) => (
            <tr key={id}>
              <th scope="row">{label}</th>
              <td data-testid={`metric-${id}`} data-value={value ?? ''}>
                {evaluation && withCounts[id] ? (
                  <RateWithCounts count={withCounts[id][0]} of={withCounts[id][1]} />
                ) : evaluation ? (
                  shown(value, none)
                ) : (
                  none
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <StateSlider paramKey="threshold" state={state} update={update} />
      <table className="confusion" data-testid="confusion">
        <caption>{t('metrics.confusion', { threshold: formatParam(state.threshold) })}</caption>
        <thead>
          <tr>
            <td />
            <th scope="col">
              {t('metrics.predicted')}: {t('metrics.minority')}
            </th>
            <th scope="col">
              {t('metrics.predicted')}: {t('metrics.majority')}
            </th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">
              {t('metrics.actual')}: {t('metrics.minority')}
            </th>
            <td className="correct" data-testid="confusion-tp">{c?.tp ?? none}</td>
            <td className="wrong" data-testid="confusion-fn">{c?.fn ?? none}</td>
          </tr>
          <tr>
            <th scope="row">
              {t('metrics.actual')}: {t('metrics.majority')}
            </th>
            <td className="wrong" data-testid="confusion-fp">{c?.fp ?? none}</td>
            <td className="correct" data-testid="confusion-tn">{c?.tn ?? none}</td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}
