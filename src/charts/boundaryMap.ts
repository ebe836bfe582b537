import { contours, geoIdentity, geoPath, hcl, interpolateLab, rgb, scaleLinear } from 'd3';
import { classColors } from '../config';
import { sameInputs, sizeCanvas } from './canvasLayer';
import type { Inputs } from './canvasLayer';
import type { BoundaryFrame } from './boundaryFrame';
import { createPointLayer } from './pointLayer';

export type { BoundaryFrame };

export interface BoundaryMapCallbacks {
  /** A click on the plane, in data coordinates (y up). */
  onPlaneClick?(x: number, y: number, modifiers: { shift: boolean; alt: boolean }): void;
}

export interface BoundaryMap {
  update(frame: BoundaryFrame): void;
  /** The drawn map for a file: its raster layers composed at `scale`, and its vector contours. Null before the first frame. */
  exportLayers(scale: number): { size: number; raster: HTMLCanvasElement; vectors: SVGSVGElement } | null;
  destroy(): void;
}

/**
 * The data coordinate of grid index `i` (a column, or a row counted from the bottom): nodes with
 * the edges included, so the outermost samples lie on the edge of the map. The heatmap and the
 * contours are both placed by this, so they line up with the points exactly.
 */
export const gridNodeCoordinate = (i: number, gridSize: number, extent: number): number =>
  gridSize > 1 ? -extent + (i * 2 * extent) / (gridSize - 1) : 0;

/**
 * Device or CSS px between neighbouring grid nodes. An image pixel or a d3.contours value `i` sits
 * at i + ½ in its own coordinates; node i must sit at i·spacing, hence the −½ shifts below.
 */
const nodeSpacing = (size: number, gridSize: number) => size / Math.max(1, gridSize - 1);

// ---- Colour: probability → RGBA, once, as a lookup table -------------------------------------

const rampSteps = 256;

/**
 * Majority blue at p = 0, near-white at p = 0.5, minority vermillion at 1, interpolated in Lab so
 * lightness rises steadily towards the boundary. The ends keep the class hues but get fixed
 * lightnesses (L* 58 and 84) far enough apart that a greyscale copy still separates the sides, and
 * both lighter than the class colours, so points drawn in those colours stand out on their own side.
 */
const probabilityRamp: Uint32Array = (() => {
  const tint = (colour: string, lightness: number, chroma: number) => {
    const c = hcl(colour);
    return hcl(c.h, chroma, lightness).formatHex();
  };
  const majorityEnd = tint(classColors.majority, 58, 32);
  const minorityEnd = tint(classColors.minority, 84, 30);
  const middle = '#f7f7f5';
  // RGBA bytes, read back as one 32-bit word per entry: the heatmap copies a word per cell.
  const ramp = new Uint8ClampedArray((rampSteps + 1) * 4);
  for (let i = 0; i < rampSteps; i++) {
    const p = i / (rampSteps - 1);
    const colour = rgb(p < 0.5 ? interpolateLab(majorityEnd, middle)(p * 2) : interpolateLab(middle, minorityEnd)(p * 2 - 1));
    ramp.set([colour.r, colour.g, colour.b, 255], i * 4);
  }
  // The last entry: a diverged model predicts NaN, shown as flat grey rather than as a confident class.
  ramp.set([200, 200, 200, 255], rampSteps * 4);
  return new Uint32Array(ramp.buffer);
})();

// ---- Layers ------------------------------------------------------------------------------------


/** (a) The probability heatmap: one ImageData pixel per grid cell, scaled up with smoothing. */
function createHeatmapLayer(canvas: HTMLCanvasElement) {
  const source = document.createElement('canvas');
  const sourceContext = source.getContext('2d');
  let image: ImageData | null = null;

  return function draw(grid: Float32Array | null, gridSize: number, size: number, dpr: number) {
    const context = canvas.getContext('2d');
    sizeCanvas(canvas, size, dpr);
    if (!context || !sourceContext) return;
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.clearRect(0, 0, canvas.width, canvas.height);
    if (!grid || gridSize < 1 || grid.length < gridSize * gridSize) return;
    if (!image || image.width !== gridSize) {
      source.width = source.height = gridSize;
      image = sourceContext.createImageData(gridSize, gridSize);
    }
    const pixels = new Uint32Array(image.data.buffer);
    for (let i = 0; i < gridSize * gridSize; i++) {
      const p = grid[i] ?? Number.NaN;
      const entry = Number.isFinite(p) ? Math.round(Math.min(1, Math.max(0, p)) * (rampSteps - 1)) : rampSteps;
      pixels[i] = probabilityRamp[entry] ?? 0;
    }
    sourceContext.putImageData(image, 0, 0);
    context.imageSmoothingEnabled = true;
    context.imageSmoothingQuality = 'high';
    // Pixel centres on the nodes: the outer half-pixels fall outside the canvas and are cut off.
    const step = nodeSpacing(canvas.width, gridSize);
    if (gridSize === 1) context.drawImage(source, 0, 0, canvas.width, canvas.height);
    else context.drawImage(source, -step / 2, -step / 2, gridSize * step, gridSize * step);
  };
}

/**
 * Cells of padding around the grid for d3.contours. It closes every region along the grid's edge;
 * padding with copies of the edge values pushes those closing segments outside the square, where
 * the clip hides them, so only the real boundary is stroked.
 */
const contourPadding = 2;

function paddedGrid(grid: Float32Array, n: number): number[] {
  const m = n + 2 * contourPadding;
  const padded = new Array<number>(m * m);
  for (let row = 0; row < m; row++) {
    const source = Math.min(n - 1, Math.max(0, row - contourPadding)) * n;
    for (let col = 0; col < m; col++) {
      const p = grid[source + Math.min(n - 1, Math.max(0, col - contourPadding))] ?? Number.NaN;
      padded[row * m + col] = Number.isFinite(p) ? p : 0; // d3.contours throws on NaN
    }
  }
  return padded;
}

/** (b) The p = 0.5 contour (solid) and the contour at the threshold (dashed), as SVG paths. */
function createContourLayer(svg: SVGSVGElement) {
  const ns = 'http://www.w3.org/2000/svg';
  const makePath = (attributes: Record<string, string>) => {
    const path = document.createElementNS(ns, 'path');
    for (const [name, value] of Object.entries(attributes)) path.setAttribute(name, value);
    svg.appendChild(path);
    return path;
  };
  // A white halo under each line keeps it visible over both tints and over dense points.
  const halo = { fill: 'none', stroke: '#fff', 'stroke-opacity': '0.85', 'stroke-width': '6.5', 'stroke-linejoin': 'round' };
  const ink = { fill: 'none', stroke: '#1b1f24', 'stroke-width': '3', 'stroke-linejoin': 'round' };
  const thresholdHalo = makePath(halo);
  const thresholdLine = makePath({ ...ink, 'stroke-dasharray': '10 7', 'data-contour': 'threshold' });
  const midHalo = makePath(halo);
  const midLine = makePath({ ...ink, 'data-contour': '0.5' });

  return function draw(grid: Float32Array | null, gridSize: number, size: number, threshold: number, visible: boolean) {
    svg.setAttribute('width', `${size}`);
    svg.setAttribute('height', `${size}`);
    svg.setAttribute('viewBox', `0 0 ${size} ${size}`);
    const showThreshold = Math.abs(threshold - 0.5) > 1e-9;
    let mid = '';
    let atThreshold = '';
    if (visible && grid && gridSize > 1 && grid.length >= gridSize * gridSize) {
      const m = gridSize + 2 * contourPadding;
      const values = paddedGrid(grid, gridSize);
      const step = nodeSpacing(size, gridSize);
      const shift = -(contourPadding + 0.5) * step;
      const toPixels = geoPath(geoIdentity().scale(step).translate([shift, shift]));
      const generator = contours().size([m, m]);
      mid = toPixels(generator.contour(values, 0.5)) ?? '';
      if (showThreshold) atThreshold = toPixels(generator.contour(values, threshold)) ?? '';
    }
    midHalo.setAttribute('d', mid);
    midLine.setAttribute('d', mid);
    thresholdHalo.setAttribute('d', atThreshold);
    thresholdLine.setAttribute('d', atThreshold);
  };
}

/**
 * (c) Points. Canvas paths were too slow: 40,000 arcs took 80–250 ms to rasterise in Chromium's
 * software canvas, and sprites via drawImage about 80–120 ms. Instead each mark is a small
 * precomputed coverage mask, stamped into byte buffers (one fill and one outline buffer per class)
 * and composited into one ImageData: about 9 ms for 40,000 points on a 600 px map at 1× on a slow
 * two-core machine, with no dependence on the canvas backend.
 */

/** Weight steps: a mark's opacity and radius come from its step, so a few dozen masks serve all points. */
// ---- The map -------------------------------------------------------------------------------------

/**
 * The decision-boundary map, a renderer in the Distill style: it owns what it appends to
 * `container`, knows nothing about React, and redraws only the layers whose inputs changed
 * (a training snapshot repaints the heatmap and contours; the points wait for new weights).
 */
export function createBoundaryMap(container: HTMLElement, callbacks: BoundaryMapCallbacks): BoundaryMap {
  const root = document.createElement('div');
  root.className = 'boundary-map';
  // Inline styles: the map must stack its layers wherever it is mounted, without a stylesheet.
  Object.assign(root.style, { position: 'relative', cursor: 'crosshair', touchAction: 'manipulation' });
  const layer = (element: HTMLElement | SVGSVGElement) => {
    element.setAttribute('aria-hidden', 'true');
    Object.assign(element.style, { position: 'absolute', left: '0', top: '0', pointerEvents: 'none', display: 'block' });
    root.appendChild(element);
    return element;
  };
  const heatmapCanvas = layer(document.createElement('canvas')) as HTMLCanvasElement;
  const pointsCanvas = layer(document.createElement('canvas')) as HTMLCanvasElement;
  const contourSvg = layer(document.createElementNS('http://www.w3.org/2000/svg', 'svg')) as SVGSVGElement;
  contourSvg.style.overflow = 'hidden'; // the padded contours' closing segments lie outside: clip them
  container.appendChild(root);

  const drawHeatmap = createHeatmapLayer(heatmapCanvas);
  const drawContours = createContourLayer(contourSvg);
  const drawPoints = createPointLayer(pointsCanvas);
  let heatmapInputs: Inputs | null = null;
  let contourInputs: Inputs | null = null;
  let pointInputs: Inputs | null = null;
  const xScale = scaleLinear();
  const yScale = scaleLinear();
  let drawnSize = 0;

  // (d) Interaction: a click becomes data coordinates through the inverse scales.
  const onClick = (event: MouseEvent) => {
    if (!callbacks.onPlaneClick || drawnSize <= 0) return;
    const box = root.getBoundingClientRect();
    // Measured, not offsetX: stays right if the map is CSS-scaled (zoomed slides, transforms).
    const px = ((event.clientX - box.left) * drawnSize) / (box.width || drawnSize);
    const py = ((event.clientY - box.top) * drawnSize) / (box.height || drawnSize);
    callbacks.onPlaneClick(xScale.invert(px), yScale.invert(py), { shift: event.shiftKey, alt: event.altKey });
  };
  root.addEventListener('click', onClick);

  let lastFrame: BoundaryFrame | null = null;

  function update(frame: BoundaryFrame) {
    lastFrame = frame;
    const { size, extent, grid, gridSize, threshold, showContours, train, test } = frame;
    const dpr = window.devicePixelRatio || 1;
    root.style.width = root.style.height = `${size}px`;
    drawnSize = size;
    xScale.domain([-extent, extent]).range([0, size]);
    yScale.domain([-extent, extent]).range([size, 0]);

    const nextHeatmap = [grid, gridSize, size, dpr];
    if (!sameInputs(heatmapInputs, nextHeatmap)) drawHeatmap(grid, gridSize, size, dpr);
    heatmapInputs = nextHeatmap;

    const nextContours = [grid, gridSize, size, threshold, showContours];
    if (!sameInputs(contourInputs, nextContours)) drawContours(grid, gridSize, size, threshold, showContours);
    contourInputs = nextContours;

    const nextPoints = [size, extent, dpr, train.coords, train.labels, train.weights, test?.coords, test?.labels];
    if (!sameInputs(pointInputs, nextPoints)) drawPoints(frame, dpr);
    pointInputs = nextPoints;
  }

  function destroy() {
    root.removeEventListener('click', onClick);
    root.remove();
  }

  /**
   * Heatmap and points drawn afresh at `scale` device px per CSS px, whatever this screen's ratio
   * (points are rasterised by hand, so scaling the screen's canvas up would blur them), and
   * composed into one canvas; the contours stay vector, in their <svg>.
   */
  function exportLayers(scale: number) {
    if (!lastFrame) return null;
    const raster = document.createElement('canvas');
    createHeatmapLayer(raster)(lastFrame.grid, lastFrame.gridSize, lastFrame.size, scale);
    const points = document.createElement('canvas');
    createPointLayer(points)(lastFrame, scale);
    raster.getContext('2d')?.drawImage(points, 0, 0);
    return { size: lastFrame.size, raster, vectors: contourSvg };
  }

  return { update, exportLayers, destroy };
}
