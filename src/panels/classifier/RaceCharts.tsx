import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { createXYChart } from '../../charts/xyChart';
import type { XYFrame, XYMarker } from '../../charts/xyChart';
import type { LossBudget } from '../../losses/lossBudget';
import type { Evaluation } from '../../metrics';
import { formatValue } from '../format';
import { historyCsv } from './exportTables';
import { SvgChart } from './SvgChart';
import type { LaneStyle } from './laneStyles';
import type { HistoryPoint, LanePoint } from './useTrainingSession';

type Frame = Omit<XYFrame, 'width' | 'height'>;

interface Props {
  evaluations: readonly (Evaluation | null)[];
  budgets: readonly (LossBudget | null)[];
  history: readonly HistoryPoint[];
  styles: readonly LaneStyle[];
  /** Minority share of the test set: the PR curve of a classifier that guesses. */
  positiveRate: number | null;
  /** Each lane's name in words: the legend of an exported chart. */
  laneLabels: readonly string[];
  /** Which race, in exported files' names: the lanes' losses, "ce+focal". */
  exportDetail: string;
  /** Ids of the race's results table and its loss-budget table: what these charts draw, in numbers (their text alternative). */
  describedBy: { results: string; budget: string };
}

/** A lane's training loss over the run divided by its largest |value|: losses of different lanes are not comparable, their shapes are. */
function normalisedLoss(history: readonly HistoryPoint[], k: number): number[] {
  const values = history.map((h) => h.lanes[k]?.loss ?? Number.NaN);
  const largest = values.reduce((m, v) => (Number.isFinite(v) ? Math.max(m, Math.abs(v)) : m), 0) || 1;
  return values.map((v) => v / largest);
}

const overTime: { id: string; read(point: LanePoint): number | null; unitRange: boolean }[] = [
  { id: 'recall', read: (p) => p.minorityRecall, unitRange: true },
  { id: 'precision', read: (p) => p.precision, unitRange: true },
  { id: 'pr-auc', read: (p) => p.averagePrecision, unitRange: true },
  { id: 'ece', read: (p) => p.ece, unitRange: false },
  { id: 'flips', read: (p) => p.flips, unitRange: false },
];

/** Under a chart over time, each lane's latest value in words: the chart's read-out. */
function LatestValues({ id, elementId, frame, step, styles }: { id: string; elementId: string; frame: Frame; step: number | null; styles: readonly LaneStyle[] }) {
  const { t } = useTranslation();
  if (step === null) return null;
  return (
    <p className="chart-readout" id={elementId}>
      {t('race.latestAt', { step: step.toLocaleString('en-US') })}{' '}
      {frame.series.map((series, k) => {
        const value = series.ys[series.ys.length - 1] ?? Number.NaN;
        return (
          <span key={series.id} data-testid={`race-latest-${id}-${k + 1}`} data-value={Number.isFinite(value) ? value : ''} style={{ color: styles[k]?.text }}>
            {t('race.lane', { n: k + 1 })} {Number.isFinite(value) ? formatValue(value, 3) : t('metrics.undefined')}
            {k < frame.series.length - 1 ? ' · ' : ''}
          </span>
        );
      })}
    </p>
  );
}

/** Lane k's line: its colour, its dash. */
const laneLine = (styles: readonly LaneStyle[], k: number) => ({
  id: `lane-${k + 1}`,
  color: styles[k]?.color ?? 'currentColor',
  dash: styles[k]?.dash || undefined,
});

/** The race over time, every lane's PR curve with its operating point, and where each lane's loss goes. */
export function RaceCharts({ evaluations, budgets, history, styles, positiveRate, laneLabels, exportDetail, describedBy }: Props) {
  const { t } = useTranslation();
  const readoutId = useId();
  /** A chart over time is described by its latest values, once there are any, and by the results table. */
  const timeDescription = (id: string) => (history.length > 0 ? `${readoutId}-${id} ${describedBy.results}` : describedBy.results);
  const legend = useMemo(() => laneLabels.map((label, k) => ({ label, ...laneLine(styles, k) })), [laneLabels, styles]);
  const historyExport = { name: ['race-history', exportDetail], text: () => historyCsv(history) };

  const prFrame = useMemo((): Frame => {
    const markers: XYMarker[] = [];
    evaluations.forEach((e, k) => {
      const m = e?.thresholdMetrics;
      if (m?.minorityRecall != null && m.precision != null) {
        markers.push({ x: m.minorityRecall, y: m.precision, color: styles[k]?.color ?? 'currentColor', label: String(k + 1) });
      }
    });
    return {
      xDomain: [0, 1],
      yDomain: [0, 1],
      xLabel: t('metrics.recallAxis'),
      yLabel: t('metrics.precisionAxis'),
      series: evaluations.map((e, k) => ({
        ...laneLine(styles, k),
        xs: (e?.prCurve ?? []).map((p) => p.recall),
        ys: (e?.prCurve ?? []).map((p) => p.precision),
        step: true,
      })),
      baseline: positiveRate,
      markers,
    };
  }, [evaluations, styles, positiveRate, t]);

  const timeFrames = useMemo(() => {
    const steps = history.map((h) => h.step);
    const xDomain: [number, number] = [0, Math.max(1, steps.at(-1) ?? 1)];
    const frame = (id: string, ys: (k: number) => number[], unitRange: boolean): [string, Frame] => [
      id,
      {
        xDomain,
        yDomain: unitRange ? [0, 1] : 'auto',
        xLabel: t('metrics.stepAxis'),
        yLabel: t(`race.axis.${id}`),
        series: styles.map((_, k) => ({ ...laneLine(styles, k), xs: steps, ys: ys(k) })),
      },
    ];
    return [
      ...overTime.map(({ id, read, unitRange }) =>
        frame(id, (k) => history.map((h) => (h.lanes[k] ? (read(h.lanes[k]) ?? Number.NaN) : Number.NaN)), unitRange),
      ),
      frame('loss', (k) => normalisedLoss(history, k), false),
    ];
  }, [history, styles, t]);

  const cdfFrames = useMemo(
    () =>
      (['positives', 'negatives'] as const).map((side): [string, Frame] => [
        side,
        {
          xDomain: [0, 1],
          yDomain: [0, 1],
          xLabel: t('race.axis.cdfX'),
          yLabel: t('race.axis.cdfY'),
          series: budgets.map((b, k) => ({ ...laneLine(styles, k), xs: b?.cdf[side].fraction ?? [], ys: b?.cdf[side].cumulative ?? [] })),
          diagonal: true,
        },
      ]),
    [budgets, styles, t],
  );

  return (
    <>
      <div className="race-charts">
        <SvgChart title={t('race.prTitle')} testId="race-pr" create={createXYChart} frame={prFrame} exportName={['race-pr-curve', exportDetail]} legend={legend} describedBy={describedBy.results} />
        {cdfFrames.map(([side, frame]) => (
          <SvgChart
            key={side}
            title={t(`race.cdf.${side}`)}
            testId={`race-cdf-${side}`}
            create={createXYChart}
            frame={frame}
            exportName={[`race-loss-share-${side}`, exportDetail]}
            legend={legend}
            describedBy={describedBy.budget}
          />
        ))}
      </div>
      <h3 className="race-subhead">{t('race.overTime')}</h3>
      <div className="race-charts">
        {timeFrames.map(([id, frame]) => (
          <SvgChart
            key={id}
            title={t(`race.time.${id}`)}
            testId={`race-time-${id}`}
            create={createXYChart}
            frame={frame}
            aspect={0.6}
            exportName={[`race-${id}`, exportDetail]}
            legend={legend}
            csv={historyExport}
            describedBy={timeDescription(id)}
          >
            <LatestValues id={id} elementId={`${readoutId}-${id}`} frame={frame} step={history.at(-1)?.step ?? null} styles={styles} />
          </SvgChart>
        ))}
      </div>
    </>
  );
}
