import { axisBottom, axisLeft, curveLinear, curveStepAfter, format, line, scaleLinear } from 'd3';
import { addPlotClip, createPlotFrame } from './plotFrame';

/** One line. `step` draws d3.curveStepAfter: a PR curve's precision holds until the next recall. */
export interface XYSeries {
  id: string;
  color: string;
  dash?: string;
  xs: ArrayLike<number>;
  ys: ArrayLike<number>;
  step?: boolean;
}

/** A labelled dot, e.g. the current threshold's point on the PR or ROC curve. */
export interface XYMarker {
  x: number;
  y: number;
  color: string;
  label?: string;
}

/** Everything one frame of the chart shows; the chart keeps no state of its own besides the DOM. */
export interface XYFrame {
  width: number;
  height: number;
  xDomain: [number, number];
  /** 'auto': the finite values of the series, baseline and markers, rounded out to nice ticks. */
  yDomain: [number, number] | 'auto';
  xLabel: string;
  yLabel: string;
  series: XYSeries[];
  /** Dashed y = x: the ROC curve of a classifier that guesses. */
  diagonal?: boolean;
  /** Dashed horizontal line, e.g. the PR curve's chance level (the positive rate). */
  baseline?: number | null;
  markers?: XYMarker[];
}

export interface XYChart {
  update(frame: XYFrame): void;
}

/** `left` is only the fallback: the left margin is measured from the y tick labels. */
const margin = { top: 12, right: 20, bottom: 58, left: 78 };
/** Chance lines (diagonal, baseline): grey and dashed, so they never read as a model's curve. */
const referenceStyle = { stroke: '#8a939e', width: 2, dash: '6 5' };

interface Corner {
  dx: number;
  dy: number;
}
/** Where a marker's label may go: its four diagonal corners, near first, then a step further out. */
const labelCorners: Corner[] = [10, 40].flatMap((dx) =>
  [14, 36].flatMap((dy) => [
    { dx, dy: -dy },
    { dx: -dx, dy: -dy },
    { dx, dy },
    { dx: -dx, dy },
  ]),
);

/**
 * The corner whose label box holds the fewest curve samples; leaving the plot costs more than any
 * overlap, and distance a little (a far label gets a leader line). Ties go to the corner facing the
 * plot's centre, where curves through a corner marker (ROC near (0, 1), PR near (1, 0)) are not.
 */
function bestCorner(
  x: number,
  y: number,
  box: { width: number; height: number },
  samples: Float64Array,
  innerWidth: number,
  innerHeight: number,
): Corner {
  let best = labelCorners[0] as Corner;
  let bestCost = Infinity;
  for (const corner of labelCorners) {
    const left = corner.dx < 0 ? x + corner.dx - box.width : x + corner.dx;
    const top = y + corner.dy - box.height / 2;
    const outside = left < 0 || top < 0 || left + box.width > innerWidth || top + box.height > innerHeight;
    let cost = outside ? 1e6 : 0;
    for (let i = 0; i < samples.length; i += 2) {
      const sx = samples[i] ?? 0;
      const sy = samples[i + 1] ?? 0;
      if (sx >= left - 3 && sx <= left + box.width + 3 && sy >= top - 3 && sy <= top + box.height + 3) cost++;
    }
    const towardsCentre = Math.sign(corner.dx) === Math.sign(innerWidth / 2 - x) && Math.sign(corner.dy) === Math.sign(innerHeight / 2 - y);
    cost += (towardsCentre ? 0 : 0.05) + 0.005 * (Math.abs(corner.dx) + Math.abs(corner.dy));
    if (cost < bestCost) {
      bestCost = cost;
      best = corner;
    }
  }
  return best;
}

/** The y range of the finite values; [0, 1] when there are none, widened when they are all equal. */
function autoDomain(frame: XYFrame): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  const see = (v: number) => {
    if (Number.isFinite(v)) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  };
  for (const s of frame.series) for (let i = 0; i < s.ys.length; i++) see(s.ys[i] ?? Number.NaN);
  if (frame.baseline != null) see(frame.baseline);
  for (const m of frame.markers ?? []) see(m.y);
  if (lo > hi) return [0, 1];
  if (lo === hi) return [lo - (Math.abs(lo) || 1) * 0.1, hi + (Math.abs(hi) || 1) * 0.1];
  return [lo, hi];
}

/** Step counts reach tens of thousands: 20k reads faster than 20,000 on a projected axis. */
const tickFormatFor = ([lo, hi]: number[]) =>
  format(Math.max(Math.abs(lo ?? 0), Math.abs(hi ?? 0)) >= 1e4 ? '~s' : '~g');

/**
 * A small reusable line chart (PR curve, ROC curve, training history) in the Distill style: it owns
 * an <svg>, knows nothing about React, and returns `update`. Axes are redrawn only when the layout
 * changes and a path only when its arrays do, so a training snapshot touches just the curves.
 */
export function createXYChart(svgElement: SVGSVGElement): XYChart {
  const { svg, defs, plot, xAxis, yAxis, xTitle, yTitle } = createPlotFrame(svgElement, margin);
  const { url: clipUrl, rect: clipRect } = addPlotClip(defs);
  const references = plot.append('g').attr('clip-path', clipUrl);
  const diagonal = references.append('line').attr('class', 'xy-diagonal');
  const baseline = references.append('line').attr('class', 'xy-baseline');
  references
    .selectAll('line')
    .attr('stroke', referenceStyle.stroke)
    .attr('stroke-width', referenceStyle.width)
    .attr('stroke-dasharray', referenceStyle.dash);
  const curves = plot.append('g').attr('clip-path', clipUrl);
  const markerLayer = plot.append('g').attr('class', 'markers');

  const xScale = scaleLinear();
  const yScale = scaleLinear();
  let drawnLayout = '';
  /** The y tick labels' width and the axis title's font size, and the y axis they were measured for. */
  let measured = { yKey: '', tickWidth: 0, titlePx: 15 };
  let drawnPaths = new Map<string, readonly unknown[]>();
  let innerWidth = 0;
  let innerHeight = 0;

  function drawAxes(frame: XYFrame, yDomain: [number, number]) {
    svg.attr('width', frame.width).attr('height', frame.height).attr('viewBox', `0 0 ${frame.width} ${frame.height}`);
    innerHeight = Math.max(10, frame.height - margin.top - margin.bottom);
    yScale.domain(yDomain).range([innerHeight, 0]);
    if (frame.yDomain === 'auto') yScale.nice();
    // About one tick per 90 px across and 50 px up: enough to read a value, few enough to stay legible.
    yAxis.call(axisLeft(yScale).ticks(Math.max(2, Math.round(innerHeight / 50))).tickFormat(tickFormatFor(yScale.domain())));
    // The left margin fits the widest tick label as the projector's rem sizes it ("0.0005" at
    // 18 px would otherwise run into the axis title); 0 when not laid out (detached, hidden).
    // Measuring forces a layout of the page, so only when the y ticks changed: a chart of a run's
    // history gets a new x domain with every snapshot and the same y ticks.
    const yKey = [innerHeight, ...yScale.domain(), frame.yLabel].join('|');
    if (yKey !== measured.yKey || measured.tickWidth === 0) {
      const tickWidth = (yAxis.node() as SVGGElement).getBBox().width;
      const titlePx = Number.parseFloat(getComputedStyle(yTitle.node() as Element).fontSize) || 15;
      measured = { yKey, tickWidth, titlePx };
    }
    const tickWidth = measured.tickWidth || margin.left - 30;
    const left = Math.ceil(tickWidth + 10 + measured.titlePx);
    plot.attr('transform', `translate(${left},${margin.top})`);
    innerWidth = Math.max(10, frame.width - left - margin.right);
    clipRect.attr('x', -2).attr('y', -2).attr('width', innerWidth + 4).attr('height', innerHeight + 4); // room for the stroke at 0 and 1
    xScale.domain(frame.xDomain).range([0, innerWidth]);
    xAxis
      .attr('transform', `translate(0,${innerHeight})`)
      .call(axisBottom(xScale).ticks(Math.max(2, Math.round(innerWidth / 90))).tickFormat(tickFormatFor(xScale.domain())));
    xTitle.attr('x', innerWidth / 2).attr('y', innerHeight + 48).text(frame.xLabel);
    yTitle.attr('transform', `translate(${-tickWidth - 10},${innerHeight / 2}) rotate(-90)`).text(frame.yLabel);
  }

  function drawReferences(frame: XYFrame) {
    const [x0, x1] = xScale.domain() as [number, number];
    const [y0, y1] = yScale.domain() as [number, number];
    const from = Math.max(x0, y0);
    const to = Math.min(x1, y1);
    const showDiagonal = Boolean(frame.diagonal) && from < to;
    diagonal
      .attr('visibility', showDiagonal ? 'visible' : 'hidden')
      .attr('x1', xScale(from))
      .attr('y1', yScale(from))
      .attr('x2', xScale(to))
      .attr('y2', yScale(to));
    const level = frame.baseline;
    const showBaseline = level != null && Number.isFinite(level);
    const y = showBaseline ? yScale(level) : 0;
    baseline.attr('visibility', showBaseline ? 'visible' : 'hidden').attr('x1', 0).attr('x2', innerWidth).attr('y1', y).attr('y2', y);
  }

  function drawSeries(frame: XYFrame, layoutChanged: boolean) {
    const nextPaths = new Map<string, readonly unknown[]>();
    curves
      .selectAll<SVGPathElement, XYSeries>('path')
      .data(frame.series, (s) => s.id)
      .join((enter) => enter.append('path').attr('fill', 'none').attr('stroke-width', 3).attr('stroke-linejoin', 'round'))
      .attr('data-series', (s) => s.id)
      .attr('stroke', (s) => s.color)
      .attr('stroke-dasharray', (s) => s.dash || null)
      .each(function (s) {
        const inputs = [s.xs, s.ys, Boolean(s.step)];
        const drawn = drawnPaths.get(s.id);
        nextPaths.set(s.id, inputs);
        if (!layoutChanged && drawn && drawn.every((v, i) => v === inputs[i])) return;
        const path = line<[number, number]>()
          .curve(s.step ? curveStepAfter : curveLinear)
          .x(([x]) => x)
          .y(([, y]) => y);
        this.setAttribute('d', pixelRuns(s).map((run) => path(run) ?? '').join(''));
      });
    drawnPaths = nextPaths;
  }

  /**
   * The series in plot pixels, as runs between gaps (NaN and ±Infinity leave a gap instead of a
   * spike to the edge), with points less than half a pixel from the last kept one dropped: a PR
   * curve of 20,000 test points has at most a few hundred visible corners, and drawing, hit-testing
   * and label placement then cost that, not 20,000. The last point of each run is always kept.
   */
  function pixelRuns(s: XYSeries): [number, number][][] {
    const runs: [number, number][][] = [];
    let run: [number, number][] = [];
    const length = Math.min(s.xs.length, s.ys.length);
    for (let i = 0; i < length; i++) {
      const x = xScale(s.xs[i] ?? Number.NaN);
      const y = yScale(s.ys[i] ?? Number.NaN);
      if (!Number.isFinite(x) || !Number.isFinite(y)) {
        if (run.length > 0) runs.push(run);
        run = [];
        continue;
      }
      const last = run.at(-1);
      const isLast = i === length - 1 || !Number.isFinite(xScale(s.xs[i + 1] ?? Number.NaN) + yScale(s.ys[i + 1] ?? Number.NaN));
      if (!last || isLast || Math.abs(x - last[0]) >= 0.5 || Math.abs(y - last[1]) >= 0.5) run.push([x, y]);
    }
    if (run.length > 0) runs.push(run);
    return runs;
  }

  function drawMarkers(frame: XYFrame) {
    const visible = (frame.markers ?? []).filter((m) => Number.isFinite(m.x) && Number.isFinite(m.y));
    const groups = markerLayer
      .selectAll<SVGGElement, XYMarker>('g')
      .data(visible)
      .join((enter) => {
        const g = enter.append('g');
        g.append('line').attr('stroke', '#4a5360').attr('stroke-width', 1.5);
        g.append('circle').attr('r', 7).attr('stroke', '#fff').attr('stroke-width', 2.5);
        // paint-order stroke: a white halo keeps the label legible over curves and grid lines.
        g.append('text')
          .attr('dy', '0.32em')
          .attr('stroke', '#fff')
          .attr('stroke-width', 4)
          .attr('paint-order', 'stroke')
          .attr('fill', '#1b1f24')
          .style('font-size', '0.9rem')
          .style('font-variant-numeric', 'tabular-nums');
        return g;
      });
    groups.attr('transform', (m) => `translate(${xScale(m.x)},${yScale(m.y)})`);
    groups.select('circle').attr('fill', (m) => m.color);
    // Each label takes the diagonal corner around its marker that covers the least of the curves
    // and stays inside the plot, so "t = 0.30" never sits on the line it annotates.
    const samples = visible.some((m) => m.label) ? curveSamples(frame) : new Float64Array(0);
    groups.each(function (m) {
      const text = this.querySelector('text');
      const leader = this.querySelector('line');
      if (!text || !leader) return;
      text.textContent = m.label ?? '';
      leader.setAttribute('visibility', 'hidden');
      if (!m.label) return;
      const fontPx = Number.parseFloat(getComputedStyle(text).fontSize) || 15;
      const box = { width: 0.6 * fontPx * m.label.length, height: fontPx };
      const corner = bestCorner(xScale(m.x), yScale(m.y), box, samples, innerWidth, innerHeight);
      text.setAttribute('x', `${corner.dx}`);
      text.setAttribute('y', `${corner.dy}`);
      text.setAttribute('text-anchor', corner.dx < 0 ? 'end' : 'start');
      if (Math.abs(corner.dx) > 10 || Math.abs(corner.dy) > 14) {
        // From the dot's edge to the label's near corner, so a far label still names its marker.
        const length = Math.hypot(corner.dx, corner.dy);
        leader.setAttribute('x1', `${(7 * corner.dx) / length}`);
        leader.setAttribute('y1', `${(7 * corner.dy) / length}`);
        leader.setAttribute('x2', `${corner.dx - 2 * Math.sign(corner.dx)}`);
        leader.setAttribute('y2', `${corner.dy - (fontPx / 2) * Math.sign(corner.dy)}`);
        leader.setAttribute('visibility', 'visible');
      }
    });
  }

  /** Points along every drawn curve, about 4 px apart, in plot pixels. */
  function curveSamples(frame: XYFrame): Float64Array {
    const out: number[] = [];
    for (const s of frame.series) {
      for (const run of pixelRuns(s)) {
        let [px, py] = run[0] as [number, number];
        out.push(px, py);
        for (const [x, y] of run.slice(1)) {
          // A step curve runs horizontally first, then vertically.
          const corners = s.step ? [[x, py], [x, y]] : [[x, y]];
          let [ax, ay] = [px, py];
          for (const [bx = x, by = y] of corners) {
            const n = Math.ceil(Math.hypot(bx - ax, by - ay) / 4);
            for (let k = 1; k <= n; k++) out.push(ax + ((bx - ax) * k) / n, ay + ((by - ay) * k) / n);
            [ax, ay] = [bx, by];
          }
          px = x;
          py = y;
        }
      }
    }
    return Float64Array.from(out);
  }

  function update(frame: XYFrame) {
    const yDomain = frame.yDomain === 'auto' ? autoDomain(frame) : frame.yDomain;
    const layout = [frame.width, frame.height, frame.xDomain, yDomain, frame.xLabel, frame.yLabel].join('|');
    const layoutChanged = layout !== drawnLayout;
    if (layoutChanged) {
      drawnLayout = layout;
      drawAxes(frame, yDomain);
    }
    drawReferences(frame);
    drawSeries(frame, layoutChanged);
    drawMarkers(frame);
  }

  return { update };
}
