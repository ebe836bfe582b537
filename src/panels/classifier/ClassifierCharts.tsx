import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { createReliabilityChart } from '../../charts/reliabilityChart';
import type { ReliabilityFrame } from '../../charts/reliabilityChart';
import { createXYChart } from '../../charts/xyChart';
import type { XYFrame } from '../../charts/xyChart';
import { lossStyles, metricLineColors } from '../../config';
import type { BinaryLossId } from '../../losses/types';
import type { Evaluation } from '../../metrics';
import { formatValue } from '../format';
import { historyCsv } from './exportTables';
import { SvgChart } from './SvgChart';
import type { HistoryPoint } from './useTrainingSession';

interface HistoryLine {
  id: string;
  label: string;
  color: string;
  dash: string | undefined;
  ys: number[];
}

/**
 * The lines of the training history, all on 0–1: minority recall, PR-AUC, and the training loss
 * scaled by its largest value, drawn in the colour of the loss in use, so a switch of loss mid-run
 * shows as a change of colour (the values of two losses are not comparable, so they are not joined).
 */
function historyLines(history: readonly HistoryPoint[], t: TFunction): HistoryLine[] {
  // One network: its only lane.
  const lane = history.flatMap((h) => h.lanes.slice(0, 1));
  const maxLoss = lane.reduce((m, h) => Math.max(m, h.loss), 0) || 1;
  const lossIds = [...new Set(lane.map((h) => h.lossId))];
  return [
    ...lossIds.map((id) => ({
      id: `loss-${id}`,
      label: t('metrics.lossSeries', { loss: t(`loss.${id}`), max: formatValue(maxLoss, 3) }),
      ...lossStyles[id],
      dash: lossStyles[id].dash || undefined,
      ys: lane.map((h) => (h.lossId === id ? h.loss / maxLoss : Number.NaN)),
    })),
    {
      id: 'recall',
      label: t('metrics.recallSeries'),
      color: metricLineColors.recall,
      dash: '10 5',
      ys: lane.map((h) => h.minorityRecall ?? Number.NaN),
    },
    {
      id: 'pr-auc',
      label: t('metrics.prAucSeries'),
      color: metricLineColors.prAuc,
      dash: '3 4',
      ys: lane.map((h) => h.averagePrecision ?? Number.NaN),
    },
  ];
}

interface Props {
  evaluation: Evaluation | null;
  history: readonly HistoryPoint[];
  positives: number;
  negatives: number;
  /** The colour of the loss being trained, for its PR and ROC curves. */
  lossColor: string;
  /** The loss being trained: exported files are named after it. */
  lossId: BinaryLossId;
  /** The test metrics' id: the numbers these charts draw, in a table, as their text alternative. */
  metricsId: string;
}

/** The test set's PR and ROC curves, the reliability diagram, and the history of the run. */
export function ClassifierCharts({ evaluation, history, positives, negatives, lossColor, lossId, metricsId }: Props) {
  const { t } = useTranslation();
  const legendId = useId();
  const prFrame = useMemo((): Omit<XYFrame, 'width' | 'height'> => {
    const curve = evaluation?.prCurve ?? [];
    return {
      xDomain: [0, 1],
      yDomain: [0, 1],
      xLabel: t('metrics.recallAxis'),
      yLabel: t('metrics.precisionAxis'),
      series: [{ id: 'pr', color: lossColor, xs: curve.map((p) => p.recall), ys: curve.map((p) => p.precision), step: true }],
      baseline: positives + negatives > 0 ? positives / (positives + negatives) : null,
    };
  }, [evaluation, t, lossColor, positives, negatives]);
  const rocFrame = useMemo((): Omit<XYFrame, 'width' | 'height'> => {
    const curve = evaluation?.rocCurve ?? [];
    return {
      xDomain: [0, 1],
      yDomain: [0, 1],
      xLabel: t('metrics.fprAxis'),
      yLabel: t('metrics.tprAxis'),
      series: [{ id: 'roc', color: lossColor, xs: curve.map((p) => p.fpr), ys: curve.map((p) => p.tpr) }],
      diagonal: true,
    };
  }, [evaluation, t, lossColor]);
  const reliabilityFrame = useMemo(
    (): Omit<ReliabilityFrame, 'width' | 'height'> => ({
      bins: evaluation?.reliability ?? [],
      xLabel: t('metrics.predictedAxis'),
      yLabel: t('metrics.observedAxis'),
      countLabel: t('metrics.countLabel'),
    }),
    [evaluation, t],
  );
  const lines = useMemo(() => historyLines(history, t), [history, t]);
  const historyFrame = useMemo((): Omit<XYFrame, 'width' | 'height'> => {
    const steps = history.map((h) => h.step);
    return {
      xDomain: [0, Math.max(1, steps.at(-1) ?? 1)],
      yDomain: [0, 1],
      xLabel: t('metrics.stepAxis'),
      yLabel: t('metrics.historyAxis'),
      series: lines.map(({ id, color, dash, ys }) => ({ id, color, dash, xs: steps, ys })),
    };
  }, [history, lines, t]);

  return (
    <div className="classifier-charts">
      <SvgChart title={t('metrics.prCurve')} testId="chart-pr" create={createXYChart} frame={prFrame} exportName={['pr-curve', lossId]} describedBy={metricsId} />
      <SvgChart title={t('metrics.rocCurve')} testId="chart-roc" create={createXYChart} frame={rocFrame} exportName={['roc-curve', lossId]} describedBy={metricsId} />
      <SvgChart
        title={t('metrics.reliability')}
        testId="chart-reliability"
        create={createReliabilityChart}
        frame={reliabilityFrame}
        exportName={['reliability', lossId]}
        describedBy={metricsId}
      />
      <SvgChart
        title={t('metrics.history')}
        testId="chart-history"
        create={createXYChart}
        frame={historyFrame}
        exportName={['metric-history', lossId]}
        describedBy={`${legendId} ${metricsId}`}
        legend={lines}
        csv={{ name: ['metric-history', lossId], text: () => historyCsv(history) }}
      >
        <ul className="chart-legend" id={legendId}>
          {lines.map((line) => (
            <li key={line.id}>
              <svg width="36" height="10" aria-hidden="true">
                <line x1="2" x2="34" y1="5" y2="5" stroke={line.color} strokeWidth="3" strokeDasharray={line.dash} />
              </svg>
              {line.label}
            </li>
          ))}
        </ul>
      </SvgChart>
    </div>
  );
}
