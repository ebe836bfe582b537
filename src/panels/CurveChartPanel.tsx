import { useEffect, useId, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { createCurveChart } from '../charts/curveChart';
import type { ChartMarker, ChartPoint, ChartSeries } from '../charts/curveChart';
import { curveRanges } from '../config';
import type { LegendEntry } from './exportChart';
import { ExportMenu } from './ExportMenu';
import { useElementSize } from './useElementSize';

interface Props {
  testId: string;
  title: string;
  xLabel: string;
  yLabel: string;
  xDomain: [number, number];
  yScale: 'linear' | 'log';
  series: ChartSeries[];
  markers: ChartMarker[];
  points: ChartPoint[];
  cursorX: number;
  onCursor(x: number): void;
  /** The read-out's id: the exact values at the cursor, the chart's text alternative. */
  describedBy: string;
  /** What and which for the exported files' names: ['loss-vs-pt', 'ce+focal']. */
  exportName: readonly string[];
  /** The losses drawn, for the exported chart's legend. */
  legend: readonly LegendEntry[];
}

/** Owns one <svg> and hands each new frame to the d3 renderer; React never touches the marks. */
export function CurveChartPanel(props: Props) {
  const { t } = useTranslation();
  const boxRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const chartRef = useRef<ReturnType<typeof createCurveChart> | null>(null);
  const onCursorRef = useRef(props.onCursor);
  const hintId = useId();
  const { width } = useElementSize(boxRef);

  useEffect(() => {
    onCursorRef.current = props.onCursor;
  });

  useLayoutEffect(() => {
    if (!svgRef.current) return;
    chartRef.current = createCurveChart(svgRef.current, { onCursor: (x) => onCursorRef.current(x) });
  }, []);

  const { xLabel, yLabel, xDomain, yScale, series, markers, points, cursorX } = props;
  useLayoutEffect(() => {
    if (!chartRef.current || width === 0) return;
    chartRef.current.update({
      width,
      height: Math.round(Math.min(Math.max(width * 0.62, 220), 520)),
      xDomain,
      xLabel,
      yLabel,
      yScale,
      logFloor: curveRanges.logAxisFloor,
      series,
      cursorX,
      markers,
      points,
    });
  }, [width, xDomain, xLabel, yLabel, yScale, series, markers, points, cursorX]);

  return (
    <figure className="chart" data-testid={props.testId}>
      <figcaption className="chart-title">{props.title}</figcaption>
      <ExportMenu title={props.title} name={props.exportName} drawing={(x) => x.drawingOfSvg(svgRef.current as SVGSVGElement, props.title, props.legend)} />
      <div ref={boxRef} className="chart-box">
        <svg
          ref={svgRef}
          tabIndex={0}
          role="img"
          aria-label={props.title}
          aria-describedby={`${props.describedBy} ${hintId}`}
          data-testid={`${props.testId}-svg`}
        />
      </div>
      <p id={hintId} className="visually-hidden">
        {t('chart.keyboardHint')}
      </p>
    </figure>
  );
}
