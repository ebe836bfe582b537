import { useLayoutEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import type { LegendEntry } from '../exportChart';
import { ExportMenu } from '../ExportMenu';
import { cancelPaint, schedulePaint } from '../paintQueue';
import { useElementSize } from '../useElementSize';

interface Renderer<F> {
  update(frame: F): void;
}

interface Props<F> {
  title: string;
  testId: string;
  create(svg: SVGSVGElement): Renderer<F>;
  /** The frame without its size: the panel measures itself and adds width and height. */
  frame: Omit<F, 'width' | 'height'>;
  aspect?: number;
  /** Shown under the chart, e.g. a legend. */
  children?: ReactNode;
  /** What and which for the exported files' names: ['pr-curve', 'focal']. */
  exportName: readonly string[];
  /** What the lines mean, drawn under the exported chart (the page's legend is HTML, outside the <svg>). */
  legend?: readonly LegendEntry[];
  /** The chart's data as CSV, offered beside SVG and PNG. */
  csv?: { name: readonly string[]; text(): string };
  /** Ids of what states the chart's numbers in words (its read-out, a metrics table): its text alternative. */
  describedBy: string;
}

/** A figure that owns an <svg> and hands each frame, sized to fit, to a d3 renderer. */
export function SvgChart<F extends { width: number; height: number }>({ title, testId, create, frame, aspect = 0.75, children, exportName, legend, csv, describedBy }: Props<F>) {
  const boxRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const rendererRef = useRef<Renderer<F> | null>(null);
  const { width } = useElementSize(boxRef);

  useLayoutEffect(() => {
    if (!svgRef.current) return;
    const renderer = create(svgRef.current);
    rendererRef.current = renderer;
    return () => cancelPaint(renderer);
  }, [create]);

  useLayoutEffect(() => {
    const renderer = rendererRef.current;
    if (!renderer || width === 0) return;
    schedulePaint(renderer, () => renderer.update({ ...frame, width, height: Math.round(width * aspect) } as F));
  }, [frame, width, aspect]);

  return (
    <figure className="chart small-chart" data-testid={testId}>
      <figcaption className="chart-title">{title}</figcaption>
      <ExportMenu title={title} name={exportName} drawing={(x) => x.drawingOfSvg(svgRef.current as SVGSVGElement, title, legend)} csv={csv} />
      <div ref={boxRef} className="chart-box">
        <svg ref={svgRef} role="img" aria-label={title} aria-describedby={describedBy} />
      </div>
      {children}
    </figure>
  );
}
