import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { axisDomain, CurveCache, fromLogit, pointAt, toLogit } from '../charts/curveData';
import type { CurveAxis, CurveQuantity } from '../charts/curveData';
import type { ChartMarker, ChartPoint, ChartSeries } from '../charts/curveChart';
import { emphasisedLoss, lossStyles } from '../config';
import { logit } from '../losses';
import { dwbMinimum } from '../losses/dwbMinimum';
import type { BinaryLossId, Label } from '../losses/types';
import type { ResolvedParamsById } from '../state/lossParams';
import { CurveChartPanel } from './CurveChartPanel';

interface Props {
  losses: BinaryLossId[];
  params: ResolvedParamsById;
  exampleClass: Label;
  logScale: boolean;
  cursorXt: number;
  onCursorXt(xt: number): void;
  /** The read-out's id: every chart's text alternative. */
  readoutId: string;
}

const charts: { axis: CurveAxis; quantity: CurveQuantity; titleKey: string; testId: string; fileName: string }[] = [
  { axis: 'pt', quantity: 'loss', titleKey: 'chart.lossPt', testId: 'chart-loss-pt', fileName: 'loss-vs-pt' },
  { axis: 'pt', quantity: 'push', titleKey: 'chart.gradPt', testId: 'chart-grad-pt', fileName: 'push-vs-pt' },
  { axis: 'logit', quantity: 'loss', titleKey: 'chart.lossLogit', testId: 'chart-loss-logit', fileName: 'loss-vs-logit' },
  { axis: 'logit', quantity: 'push', titleKey: 'chart.gradLogit', testId: 'chart-grad-logit', fileName: 'push-vs-logit' },
];

const strokeWidth = (id: BinaryLossId) => (id === emphasisedLoss ? 4.5 : 3);

/** The four views of every visible loss: loss and push, against p_t and against x_t. */
export function CurveCharts({ losses, params, exampleClass, logScale, cursorXt, onCursorXt, readoutId }: Props) {
  const { t } = useTranslation();

  const [cache] = useState(() => new CurveCache());
  const sampled = useMemo(() => cache.sample(losses, params, exampleClass), [cache, losses, params, exampleClass]);

  const cursorPoints = useMemo(
    () => losses.map((id) => ({ id, point: pointAt(id, params[id], exampleClass, cursorXt) })),
    [losses, params, exampleClass, cursorXt],
  );

  const showsDwb = losses.includes('dwb');
  const dwbLowest = useMemo(() => (showsDwb ? dwbMinimum(exampleClass, params.dwb) : null), [showsDwb, exampleClass, params]);

  const frames = useMemo(
    () =>
      charts.map((chart) => {
        const series: ChartSeries[] = sampled[chart.axis].map(({ id, curve }) => ({
          id,
          ...lossStyles[id],
          width: strokeWidth(id),
          xs: curve.xs,
          ys: curve[chart.quantity],
        }));
        const markers: ChartMarker[] = cursorPoints.map(({ id, point }) => ({
          id,
          color: lossStyles[id].color,
          y: point[chart.quantity],
        }));
        // DWB's loss has a lowest point inside (0, 1): mark it, on the loss charts.
        const points: ChartPoint[] =
          dwbLowest && chart.quantity === 'loss'
            ? [{ id: 'dwb-minimum', color: lossStyles.dwb.color, x: chart.axis === 'pt' ? dwbLowest.pt : logit(dwbLowest.pt), y: dwbLowest.loss, label: t('chart.lowest') }]
            : [];
        return { ...chart, series, markers, points, xDomain: axisDomain(chart.axis) };
      }),
    [sampled, cursorPoints, dwbLowest, t],
  );

  const legend = useMemo(() => losses.map((id) => ({ label: t(`loss.${id}`), color: lossStyles[id].color, dash: lossStyles[id].dash })), [losses, t]);
  const shown = losses.join('+');

  return (
    <>
      <div className="chart-grid" id="charts">
        {frames.map((frame) => (
          <CurveChartPanel
            key={frame.testId}
            testId={frame.testId}
            title={t(frame.titleKey)}
            xLabel={t(frame.axis === 'pt' ? 'chart.ptAxis' : 'chart.logitAxis')}
            yLabel={t(frame.quantity === 'loss' ? 'chart.lossAxis' : 'chart.gradAxis')}
            xDomain={frame.xDomain}
            yScale={logScale && frame.quantity === 'loss' ? 'log' : 'linear'}
            series={frame.series}
            markers={frame.markers}
            points={frame.points}
            cursorX={fromLogit(frame.axis, cursorXt)}
            onCursor={(x) => onCursorXt(toLogit(frame.axis, x))}
            describedBy={readoutId}
            exportName={[frame.fileName, shown]}
            legend={legend}
          />
        ))}
      </div>
      {/* A log axis cannot show DWB's negative loss or focal loss's tiniest values: say so, never drop them silently. */}
      {logScale ? (
        <p className="hint" data-testid="log-note">
          {t('chart.logNote')}
        </p>
      ) : null}
    </>
  );
}
