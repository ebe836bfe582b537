import { axisBottom, axisLeft, format, line, scaleLinear, scaleSqrt } from 'd3';
import { createPlotFrame } from './plotFrame';
import type { ReliabilityBin } from '../metrics/calibration';

/** Everything one frame of the reliability diagram shows. Bins as `reliabilityBins` returns them. */
export interface ReliabilityFrame {
  width: number;
  height: number;
  bins: ReliabilityBin[];
  xLabel: string;
  yLabel: string;
  /** Names the strip of bin counts under the diagram. */
  countLabel: string;
}

export interface ReliabilityChart {
  update(frame: ReliabilityFrame): void;
}

interface FilledBin {
  lower: number;
  upper: number;
  count: number;
  meanScore: number;
  positiveRate: number;
}

const margin = { top: 12, right: 20, bottom: 58, left: 78 };
const ink = '#1b1f24';
/** The gap to the diagonal: vermillion hatching, so it reads as "error" without relying on hue. */
const gapColour = '#D55E00';
let idCounter = 0;

const isFilled = (bin: ReliabilityBin): bin is ReliabilityBin & FilledBin =>
  bin.count > 0 && bin.meanScore !== null && bin.positiveRate !== null;

/**
 * Reliability diagram (Guo et al. 2017, fig. 1; DeGroot & Fienberg 1983): each non-empty bin's
 * observed minority rate against its mean predicted score. On the dashed diagonal a score of 0.8
 * means "minority 80 % of the time"; the hatched bar is each bin's distance from it, the quantity
 * ECE averages. Re-weighted losses (balanced CE, focal) push the points below the diagonal.
 */
export function createReliabilityChart(svgElement: SVGSVGElement): ReliabilityChart {
  const { svg, defs, plot, xAxis, yAxis, xTitle, yTitle } = createPlotFrame(svgElement, margin);
  const id = ++idCounter;
  // Hatching, not just a tint, so the gap survives greyscale printing and colour-blindness.
  defs
    .append('pattern')
    .attr('id', `reliability-hatch-${id}`)
    .attr('patternUnits', 'userSpaceOnUse')
    .attr('width', 7)
    .attr('height', 7)
    .attr('patternTransform', 'rotate(45)')
    .call((p) => p.append('rect').attr('width', 7).attr('height', 7).attr('fill', gapColour).attr('fill-opacity', 0.18))
    .call((p) => p.append('line').attr('x1', 0).attr('y1', 0).attr('x2', 0).attr('y2', 7).attr('stroke', gapColour).attr('stroke-width', 3));
  const frameBox = plot.append('rect').attr('fill', 'none').attr('stroke', '#d5dae1');
  const diagonal = plot
    .append('line')
    .attr('stroke', '#8a939e')
    .attr('stroke-width', 2)
    .attr('stroke-dasharray', '6 5');
  const gaps = plot.append('g').attr('class', 'reliability-gaps');
  const curve = plot.append('path').attr('fill', 'none').attr('stroke', ink).attr('stroke-width', 3).attr('stroke-linejoin', 'round');
  const points = plot.append('g').attr('class', 'reliability-points');
  const strip = plot.append('g').attr('class', 'reliability-counts');
  const stripBase = strip.append('line').attr('stroke', '#8a939e');
  const stripBars = strip.append('g');
  const stripLabels = strip
    .append('g')
    .attr('text-anchor', 'middle')
    .attr('fill', '#4a5360')
    .style('font-size', '0.9rem')
    .style('font-variant-numeric', 'tabular-nums');
  const stripTitle = strip.append('text').attr('class', 'axis-title').attr('dy', '0.32em');

  const x = scaleLinear().domain([0, 1]);
  const y = scaleLinear().domain([0, 1]);

  /** Text height in px: the text is sized in rem for the projector, so the layout measures it. */
  const lineHeight = () => 1.25 * (Number.parseFloat(getComputedStyle(stripTitle.node() as Element).fontSize) || 15);

  function update(frame: ReliabilityFrame) {
    const innerWidth = Math.max(10, frame.width - margin.left - margin.right);
    const innerHeight = Math.max(10, frame.height - margin.top - margin.bottom);
    // Under the diagram, sharing its x scale (bin edges): a title line, then the count bars with
    // their numbers above them, then the x axis.
    const text = lineHeight();
    const stripHeight = 2 * text + Math.min(60, Math.max(24, innerHeight * 0.12));
    const plotHeight = Math.max(10, innerHeight - stripHeight - 14);
    svg.attr('width', frame.width).attr('height', frame.height).attr('viewBox', `0 0 ${frame.width} ${frame.height}`);
    x.range([0, innerWidth]);
    y.range([plotHeight, 0]);

    xAxis.attr('transform', `translate(0,${innerHeight})`).call(axisBottom(x).ticks(Math.max(2, Math.round(innerWidth / 90))).tickFormat(format('~g')));
    yAxis.call(axisLeft(y).ticks(Math.max(2, Math.round(plotHeight / 50))).tickFormat(format('~g')));
    xTitle.attr('x', innerWidth / 2).attr('y', innerHeight + 48).text(frame.xLabel);
    yTitle.attr('transform', `translate(${-58},${plotHeight / 2}) rotate(-90)`).text(frame.yLabel);
    frameBox.attr('width', innerWidth).attr('height', plotHeight);
    diagonal.attr('x1', x(0)).attr('y1', y(0)).attr('x2', x(1)).attr('y2', y(1));

    const filled = frame.bins.filter(isFilled);
    // The gap bar is half as wide as its bin (capped), centred on the bin's mean score.
    const barWidth = (b: FilledBin) => Math.min(16, Math.max(4, 0.5 * (x(b.upper) - x(b.lower))));
    gaps
      .selectAll('rect')
      .data(filled)
      .join('rect')
      .attr('x', (b) => x(b.meanScore) - barWidth(b) / 2)
      .attr('width', barWidth)
      .attr('y', (b) => y(Math.max(b.meanScore, b.positiveRate)))
      .attr('height', (b) => Math.abs(y(b.meanScore) - y(b.positiveRate)))
      .attr('fill', `url(#reliability-hatch-${id})`)
      .attr('stroke', gapColour)
      .attr('stroke-width', 1.5);
    curve.attr('d', line<FilledBin>().x((b) => x(b.meanScore)).y((b) => y(b.positiveRate))(filled) ?? '');
    points
      .selectAll('circle')
      .data(filled)
      .join('circle')
      .attr('cx', (b) => x(b.meanScore))
      .attr('cy', (b) => y(b.positiveRate))
      .attr('r', 6)
      .attr('fill', ink)
      .attr('stroke', '#fff')
      .attr('stroke-width', 2);

    drawCounts(frame, innerWidth, innerHeight - stripHeight, stripHeight, text);
  }

  /**
   * Bin counts on a square-root scale: with a 1:100 imbalance nearly every point sits in the
   * lowest bin, and a linear bar would flatten all the others to nothing.
   */
  function drawCounts(frame: ReliabilityFrame, innerWidth: number, top: number, height: number, text: number) {
    const maxCount = Math.max(1, ...frame.bins.map((b) => b.count));
    const bottom = top + height;
    const h = scaleSqrt().domain([0, maxCount]).range([0, height - 2 * text]);
    stripTitle.attr('x', 0).attr('y', top + text / 2).text(frame.countLabel);
    stripBase.attr('x1', 0).attr('x2', innerWidth).attr('y1', bottom).attr('y2', bottom);
    stripBars
      .selectAll('rect')
      .data(frame.bins)
      .join('rect')
      .attr('x', (b) => x(b.lower) + 1)
      .attr('width', (b) => Math.max(0, x(b.upper) - x(b.lower) - 2))
      .attr('y', (b) => bottom - h(b.count))
      .attr('height', (b) => h(b.count))
      .attr('fill', '#8a939e');
    // Every count is written when each bin has room for it; otherwise only the largest, as a scale.
    const roomy = frame.bins.every((b) => x(b.upper) - x(b.lower) >= 44);
    const labelled = roomy ? frame.bins.filter((b) => b.count > 0) : frame.bins.filter((b) => b.count === maxCount).slice(0, 1);
    stripLabels
      .selectAll('text')
      .data(labelled)
      .join('text')
      .attr('x', (b) => x((b.lower + b.upper) / 2))
      .attr('y', (b) => bottom - h(b.count) - 4)
      .text((b) => format(',')(b.count));
  }

  return { update };
}
