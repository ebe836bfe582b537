import { axisBottom, axisLeft, format, line, scaleLinear, scaleLog, symbol, symbolDiamond } from 'd3';
import { readableOn } from './contrast';
import { addPlotClip, createPlotFrame } from './plotFrame';
import type { ScaleContinuousNumeric } from 'd3';
import { yDomain } from './yDomain';

export interface ChartSeries {
  id: string;
  color: string;
  dash: string;
  width: number;
  xs: Float64Array;
  ys: Float64Array;
}

export interface ChartMarker {
  id: string;
  color: string;
  y: number;
}

/** A fixed point on a curve worth pointing at, e.g. where DWB's loss is smallest: a diamond and a word. */
export interface ChartPoint {
  id: string;
  color: string;
  x: number;
  y: number;
  label: string;
}

/** Everything one frame of the chart shows; the chart keeps no state of its own besides the DOM. */
export interface ChartFrame {
  width: number;
  height: number;
  xDomain: [number, number];
  xLabel: string;
  yLabel: string;
  yScale: 'linear' | 'log';
  logFloor: number;
  series: ChartSeries[];
  cursorX: number;
  markers: ChartMarker[];
  points: ChartPoint[];
}

export interface ChartCallbacks {
  /** The pointer or the keyboard moved the cursor to this position on the x axis. */
  onCursor(x: number): void;
}

const margin = { top: 12, right: 16, bottom: 58, left: 78 };

/**
 * A d3 renderer in the Distill style: it owns an <svg>, knows nothing about React, and returns
 * `update`, which draws a frame. Axes, marks and interaction are set up once; `update` only moves them.
 */
export function createCurveChart(svgElement: SVGSVGElement, callbacks: ChartCallbacks) {
  const { svg, defs, plot, xAxis, yAxis, xTitle, yTitle } = createPlotFrame(svgElement, margin);
  const { url: clipUrl, rect: clipRect } = addPlotClip(defs);
  const zeroLine = plot.append('line').attr('class', 'zero-line');
  const curves = plot.append('g').attr('clip-path', clipUrl);
  const cursorLine = plot.append('line').attr('class', 'cursor-line');
  const markers = plot.append('g').attr('class', 'markers').attr('clip-path', clipUrl);
  const points = plot.append('g').attr('class', 'points').attr('clip-path', clipUrl);
  const diamond = symbol(symbolDiamond, 130)() ?? '';
  const overlay = plot.append('rect').attr('class', 'overlay').attr('fill', 'transparent');

  let last: ChartFrame | null = null;
  const xScale = scaleLinear();

  overlay.on('pointermove pointerdown', (event: PointerEvent) => {
    const [lo, hi] = xScale.domain() as [number, number];
    const x = xScale.invert(event.offsetX - margin.left);
    callbacks.onCursor(Math.min(hi, Math.max(lo, x)));
  });
  svg.on('keydown', (event: KeyboardEvent) => {
    if (!last) return;
    const [lo, hi] = last.xDomain;
    const step = (hi - lo) / (event.shiftKey ? 20 : 100);
    const moves: Record<string, number> = {
      ArrowLeft: last.cursorX - step,
      ArrowDown: last.cursorX - step,
      ArrowRight: last.cursorX + step,
      ArrowUp: last.cursorX + step,
      Home: lo,
      End: hi,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    callbacks.onCursor(Math.min(hi, Math.max(lo, next)));
  });

  // What was drawn last, so a frame touches only what changed: moving γ redraws the focal curve,
  // not the other curves or the axes. Rewriting every path made each slider step too slow.
  let drawnLayout = '';
  let drawnCurves = new Map<string, Float64Array>();
  let yScale: ScaleContinuousNumeric<number, number> = scaleLinear();
  let toY = (v: number) => yScale(v);
  let drawable = (v: number) => Number.isFinite(v);

  function update(frame: ChartFrame) {
    last = frame;
    const innerWidth = Math.max(10, frame.width - margin.left - margin.right);
    const innerHeight = Math.max(10, frame.height - margin.top - margin.bottom);
    const [y0, y1] = yDomain(seriesValues(frame.series), frame.yScale, frame.logFloor);
    const layout = [frame.width, frame.height, y0, y1, frame.yScale, frame.xDomain, frame.xLabel, frame.yLabel].join('|');
    if (layout !== drawnLayout) {
      drawnLayout = layout;
      drawnCurves = new Map();
      drawAxes(frame, innerWidth, innerHeight, [y0, y1]);
    }

    const path = line<[number, number]>()
      .defined(([, y]) => drawable(y))
      .x(([x]) => xScale(x))
      .y(([, y]) => toY(y));
    const pointsOf = (s: ChartSeries) => Array.from(s.xs, (x, i): [number, number] => [x, s.ys[i] ?? Number.NaN]);
    const nextCurves = new Map<string, Float64Array>();
    curves
      .selectAll<SVGPathElement, ChartSeries>('path')
      .data(frame.series, (s) => s.id)
      .join((enter) =>
        enter
          .append('path')
          .attr('data-loss', (s) => s.id)
          .attr('fill', 'none')
          .attr('stroke', (s) => s.color)
          .attr('stroke-width', (s) => s.width)
          .attr('stroke-dasharray', (s) => s.dash || null)
          .attr('stroke-linejoin', 'round'),
      )
      .each(function (s) {
        nextCurves.set(s.id, s.ys);
        if (drawnCurves.get(s.id) !== s.ys) this.setAttribute('d', path(pointsOf(s)) ?? '');
      });
    drawnCurves = nextCurves;

    const cx = xScale(frame.cursorX);
    cursorLine.attr('x1', cx).attr('x2', cx).attr('y1', 0).attr('y2', innerHeight);
    markers
      .selectAll<SVGCircleElement, ChartMarker>('circle')
      .data(frame.markers.filter((m) => drawable(m.y)), (m) => m.id)
      .join('circle')
      .attr('r', 6)
      .attr('cx', cx)
      .attr('cy', (m) => toY(m.y))
      .attr('fill', (m) => m.color)
      .attr('stroke', '#fff')
      .attr('stroke-width', 2);
    points
      .selectAll<SVGGElement, ChartPoint>('g')
      .data(frame.points.filter((p) => drawable(p.y)), (p) => p.id)
      .join((enter) => {
        const g = enter.append('g');
        g.append('path').attr('d', diamond).attr('fill', '#fff').attr('stroke-width', 2.5);
        g.append('text').attr('text-anchor', 'middle').attr('y', -12).attr('paint-order', 'stroke').attr('stroke', '#fff').attr('stroke-width', 4);
        return g;
      })
      .attr('data-point', (p) => p.id)
      .attr('transform', (p) => `translate(${xScale(p.x)},${toY(p.y)})`)
      .call((g) => g.select('path').attr('stroke', (p) => p.color))
      .call((g) => g.select('text').attr('fill', (p) => readableOn(p.color)).text((p) => p.label));
  }

  function drawAxes(frame: ChartFrame, innerWidth: number, innerHeight: number, [y0, y1]: [number, number]) {
    svg.attr('width', frame.width).attr('height', frame.height).attr('viewBox', `0 0 ${frame.width} ${frame.height}`);
    clipRect.attr('width', innerWidth).attr('height', innerHeight);
    overlay.attr('width', innerWidth).attr('height', innerHeight);
    xScale.domain(frame.xDomain).range([0, innerWidth]);
    yScale = frame.yScale === 'log' ? scaleLog().domain([y0, y1]) : scaleLinear().domain([y0, y1]).nice();
    yScale.range([innerHeight, 0]);

    const tickCount = Math.max(3, Math.round(innerWidth / 90));
    xAxis.attr('transform', `translate(0,${innerHeight})`).call(axisBottom(xScale).ticks(tickCount));
    yAxis.call(
      frame.yScale === 'log'
        ? axisLeft(yScale).ticks(Math.max(3, Math.round(innerHeight / 60)), '.0e')
        : axisLeft(yScale).ticks(Math.max(3, Math.round(innerHeight / 50))).tickFormat(format('~g')),
    );
    xTitle.attr('x', innerWidth / 2).attr('y', innerHeight + 48).text(frame.xLabel);
    yTitle.attr('transform', `translate(${-58},${innerHeight / 2}) rotate(-90)`).text(frame.yLabel);

    const zeroVisible = frame.yScale === 'linear' && y0 < 0;
    const zeroY = zeroVisible ? yScale(0) : 0; // a log scale has no zero
    zeroLine
      .attr('x1', 0)
      .attr('x2', innerWidth)
      .attr('y1', zeroY)
      .attr('y2', zeroY)
      .attr('visibility', zeroVisible ? 'visible' : 'hidden');

    // On a log axis a value below the floor is drawn just under it, so the curve visibly runs
    // off the bottom instead of stopping short; zero and negative values leave a gap.
    const below = frame.logFloor / 10;
    toY = (v: number) => yScale(frame.yScale === 'log' ? Math.max(v, below) : v);
    drawable = (v: number) => Number.isFinite(v) && (frame.yScale === 'linear' || v > 0);
  }

  return { update };
}

function* seriesValues(series: readonly ChartSeries[]) {
  for (const s of series) yield* s.ys;
}
