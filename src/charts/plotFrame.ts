import { select } from 'd3';
import type { Selection } from 'd3';

/**
 * The scaffold every SVG chart here shares: a cleared <svg>, its <defs>, the plot group inside the
 * margins, both axis groups and both axis titles. Charts add their own marks on top.
 */
export function createPlotFrame(svgElement: SVGSVGElement, margin: { left: number; top: number }) {
  const svg = select(svgElement);
  svg.selectAll('*').remove();
  const defs = svg.append('defs');
  const plot = svg.append('g').attr('transform', `translate(${margin.left},${margin.top})`);
  const xAxis = plot.append('g').attr('class', 'axis axis-x');
  const yAxis = plot.append('g').attr('class', 'axis axis-y');
  const xTitle = plot.append('text').attr('class', 'axis-title').attr('text-anchor', 'middle');
  const yTitle = plot.append('text').attr('class', 'axis-title').attr('text-anchor', 'middle');
  return { svg, defs, plot, xAxis, yAxis, xTitle, yTitle };
}

let clipCounter = 0;

/** A clip path to the plot area (ids are unique per page, since several charts share one document). */
export function addPlotClip(defs: Selection<SVGDefsElement, unknown, null, undefined>) {
  const id = `plot-clip-${++clipCounter}`;
  const rect = defs.append('clipPath').attr('id', id).append('rect');
  return { url: `url(#${id})`, rect };
}
