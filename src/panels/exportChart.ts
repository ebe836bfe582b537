/**
 * Charts leave the page as files a teacher can put on a slide or a handout: an SVG that stands
 * alone (white background, title, legend, and the stylesheet's fonts, colours and dashes copied
 * onto each element), the same drawing as a PNG at 2×, and tables as CSV.
 *
 * Styles are copied as presentation attributes (fill="…"), not as a <style> element or style="…":
 * they need no stylesheet, every editor reads them (Inkscape, PowerPoint, Illustrator), and the
 * page's Content-Security-Policy (style-src 'self') refuses inline styles but not attributes.
 */

export interface Drawing {
  /** The file's text: a complete SVG document. */
  svg: string;
  /** CSS px; the PNG is this times its scale. */
  width: number;
  height: number;
}

/** A line of the legend drawn under an exported chart: what a line means, in its colour and dash. */
export interface LegendEntry {
  label: string;
  color: string;
  dash?: string;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
/** White margin around the drawing, CSS px. */
const PAD = 16;
const INK = '#1b1f24';

/** Properties the stylesheet sets on chart elements (axis text and lines, titles) and SVG inherits. */
const inheritedProperties = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'stroke-linecap',
  'stroke-linejoin',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'paint-order',
  'visibility',
] as const;

/** "3px" → "3", "10px, 5px" → "10, 5": unitless user units read the same in every SVG editor. */
const withoutPx = (value: string) => value.replace(/(\d)px\b/g, '$1');

/**
 * Writes each element's computed style onto its copy, where it differs from the parent's (what is
 * equal is inherited, and an attribute saying otherwise is dropped), and drops what only the page
 * needs (style="", focus, roles).
 */
function inlineStyles(source: Element, copy: Element, parent: CSSStyleDeclaration | null) {
  const style = getComputedStyle(source);
  for (const name of inheritedProperties) {
    const value = withoutPx(style.getPropertyValue(name));
    if (parent && withoutPx(parent.getPropertyValue(name)) === value) copy.removeAttribute(name);
    else if (value) copy.setAttribute(name, value);
  }
  if (style.opacity !== '1') copy.setAttribute('opacity', style.opacity);
  if (style.display === 'none') copy.setAttribute('display', 'none');
  for (const name of ['style', 'tabindex', 'role', 'aria-label', 'aria-describedby', 'aria-hidden']) copy.removeAttribute(name);
  for (let i = 0; i < source.children.length; i++) {
    const child = copy.children[i];
    if (child) inlineStyles(source.children[i] as Element, child, style);
  }
}

interface Font {
  family: string;
  size: number;
}

let measureContext: CanvasRenderingContext2D | null = null;
/** Width of `text` in CSS px, as the browser would set it: the drawing grows to fit its title. */
function textWidth(text: string, font: Font, weight = 400): number {
  measureContext ??= document.createElement('canvas').getContext('2d');
  if (!measureContext) return text.length * font.size * 0.6;
  measureContext.font = `${weight} ${font.size}px ${font.family}`;
  return measureContext.measureText(text).width;
}

/** Where a title may break: between words, or before any Chinese character but closing punctuation. */
const breakable = /[\u2e80-\u9fff\uff00-\uffef]|[^\s\u2e80-\u9fff\uff00-\uffef]+|\s+/g;
const noBreakBefore = /^[，。：；）！？、”』」]/;

/** `text` in lines no wider than `width`, greedily; a word wider than that gets a line of its own. */
function wrapped(text: string, width: number, font: Font, weight: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const piece of text.match(breakable) ?? []) {
    const longer = line + piece;
    if (line.trim() && !noBreakBefore.test(piece) && textWidth(longer.trimEnd(), font, weight) > width) {
      lines.push(line.trimEnd());
      line = piece.trimStart();
    } else line = longer;
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

const make = (name: string, attributes: Record<string, string | number>, text?: string) => {
  const element = document.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
};

/**
 * Puts `chart` (an <svg> of `width` × `height`, styles already inlined) on a white page under its
 * title, with the legend below, wrapping legend entries into rows no wider than the chart.
 */
function framed(chart: SVGSVGElement, width: number, height: number, title: string, legend: readonly LegendEntry[], font: Font): Drawing {
  const titleFont = { ...font, size: Math.round(font.size * 1.1) };
  const titleLines = wrapped(title, Math.max(width, 320), titleFont, 600);
  const titleHeight = Math.round(titleFont.size * (1.3 * titleLines.length + 0.3));
  const legendSize = Math.round(font.size * 0.9);
  const rowHeight = Math.round(legendSize * 1.7);
  const swatch = 36;
  const entries = legend.map((entry) => ({ entry, width: swatch + 8 + textWidth(entry.label, { ...font, size: legendSize }) }));
  const rowWidth = Math.max(width, ...entries.map((e) => e.width));
  const placed: { entry: LegendEntry; x: number; row: number }[] = [];
  let x = 0;
  let row = 0;
  for (const e of entries) {
    if (x > 0 && x + e.width > rowWidth) [x, row] = [0, row + 1];
    placed.push({ entry: e.entry, x, row });
    x += e.width + 24;
  }
  const legendHeight = legend.length ? (row + 1) * rowHeight + 8 : 0;
  const pageWidth = Math.ceil(Math.max(rowWidth, ...titleLines.map((line) => textWidth(line, titleFont, 600))) + 2 * PAD);
  const pageHeight = Math.ceil(PAD + titleHeight + height + legendHeight + PAD);

  const root = make('svg', { width: pageWidth, height: pageHeight, viewBox: `0 0 ${pageWidth} ${pageHeight}`, 'font-family': font.family });
  root.append(make('title', {}, title));
  root.append(make('rect', { width: pageWidth, height: pageHeight, fill: '#ffffff' }));
  titleLines.forEach((line, i) => {
    const y = PAD + titleFont.size * (1 + 1.3 * i);
    root.append(make('text', { x: PAD, y, 'font-size': titleFont.size, 'font-weight': 600, fill: INK, class: 'export-title' }, line));
  });
  chart.setAttribute('x', String(PAD));
  chart.setAttribute('y', String(PAD + titleHeight));
  chart.setAttribute('overflow', 'visible');
  root.append(chart);
  const legendTop = PAD + titleHeight + height + 8;
  for (const { entry, x: left, row: r } of placed) {
    const y = legendTop + r * rowHeight + rowHeight / 2;
    const line = { x1: PAD + left + 2, x2: PAD + left + swatch - 2, y1: y, y2: y, stroke: entry.color, 'stroke-width': 3 };
    root.append(make('line', entry.dash ? { ...line, 'stroke-dasharray': entry.dash } : line));
    root.append(make('text', { x: PAD + left + swatch + 8, y, 'dominant-baseline': 'central', 'font-size': legendSize, fill: INK }, entry.label));
  }
  const svg = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(root)}\n`;
  return { svg, width: pageWidth, height: pageHeight };
}

const fontOf = (element: Element): Font => {
  const style = getComputedStyle(element);
  return { family: style.fontFamily || 'sans-serif', size: Number.parseFloat(style.fontSize) || 16 };
};

/** A chart's <svg> as a file of its own: computed styles inlined, its title above, its legend below. */
export function drawingOfSvg(svg: SVGSVGElement, title: string, legend: readonly LegendEntry[] = []): Drawing {
  const box = svg.getBoundingClientRect();
  const width = Number(svg.getAttribute('width')) || box.width;
  const height = Number(svg.getAttribute('height')) || box.height;
  const copy = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, copy, null);
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  if (!copy.hasAttribute('viewBox')) copy.setAttribute('viewBox', `0 0 ${width} ${height}`);
  return framed(copy, width, height, title, legend, fontOf(svg));
}

/** A map drawn in layers: a raster (drawn at the export's scale) under vector marks (an <svg>). */
export interface LayeredMap {
  /** CSS px of the square map. */
  size: number;
  raster: HTMLCanvasElement;
  vectors: SVGSVGElement;
}

/**
 * The boundary map as a file: its raster layers, already composed at the export's scale, as an
 * embedded PNG (data: URLs keep the file whole), the contours on top as vector paths.
 */
export function drawingOfLayers({ size, raster, vectors }: LayeredMap, title: string, fontSource: Element): Drawing {
  const chart = make('svg', { width: size, height: size, viewBox: `0 0 ${size} ${size}` }) as SVGSVGElement;
  chart.append(make('image', { width: size, height: size, preserveAspectRatio: 'none', href: raster.toDataURL('image/png') }));
  const marks = vectors.cloneNode(true) as SVGSVGElement;
  inlineStyles(vectors, marks, null);
  // Clipped to the map, as on the page: the contours' closing segments lie outside it.
  marks.setAttribute('overflow', 'hidden');
  chart.append(marks);
  return framed(chart, size, size, title, [], fontOf(fontSource));
}

export const svgBlob = (drawing: Drawing) => new Blob([drawing.svg], { type: 'image/svg+xml' });

/** The drawing rasterised at `scale` (2: sharp on slides and HiDPI projectors), as a PNG. */
export async function pngOf(drawing: Drawing, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(svgBlob(drawing));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(drawing.width * scale);
    canvas.height = Math.round(drawing.height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D canvas');
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the PNG could not be encoded'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

const twoDigits = (n: number) => String(n).padStart(2, '0');

/**
 * "imbalance-lab_pr-curve_focal_2026-12-02T19-58.svg": what, which loss or lane, and the local
 * time to the minute (with "-" for ":"), with nothing Windows refuses in a file name.
 */
export function exportFileName(parts: readonly string[], extension: string, when = new Date()): string {
  const stamp = `${when.getFullYear()}-${twoDigits(when.getMonth() + 1)}-${twoDigits(when.getDate())}T${twoDigits(when.getHours())}-${twoDigits(when.getMinutes())}`;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what Windows refuses
  const safe = (part: string) => part.replace(/[<>:"/\\|?*\u0000-\u001f\s]+/g, '-').replace(/^[-.]+|[-.]+$/g, '');
  return `${['imbalance-lab', ...parts.map(safe).filter(Boolean), stamp].join('_')}.${extension}`;
}
