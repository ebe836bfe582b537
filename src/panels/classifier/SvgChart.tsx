import { useLayoutEffect, useRef } from 'react';
import type { ReactNode } from 'react';
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
}

/** A figure that owns an <svg> and hands each frame, sized to fit, to a d3 renderer. */
export function SvgChart<F extends { width: number; height: number }>({ title, testId, create, frame, aspect = 0.75, children }: Props<F>) {
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
      <div ref={boxRef} className="chart-box">
        <svg ref={svgRef} role="img" aria-label={title} />
      </div>
      {children}
    </figure>
  );
}
