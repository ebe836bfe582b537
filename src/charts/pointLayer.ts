import { rgb } from 'd3';
import type { RGBColor } from 'd3';
import { classColors } from '../config';
import type { BoundaryFrame } from './boundaryFrame';
import { sizeCanvas } from './canvasLayer';

/**
 * (c) The points of the boundary map: majority circles, minority triangles, each training point's
 * radius and opacity following its share of the gradient; rasterised by hand because canvas paths
 * for 40,000 points took 80–250 ms a frame here.
 */

const weightSteps = 12;
const opacityOf = (w: number) => 0.12 + 0.88 * w;
const radiusOf = (r: number, w: number) => r * (0.5 + 0.5 * Math.sqrt(w));
/**
 * The white outline fades less than the fill: an easy point becomes a ghost whose shape still
 * shows, instead of vanishing into the tint of its own side.
 */
const outlineOpacityOf = (w: number) => Math.min(1, opacityOf(w) + 0.3);
/** CSS px: the white outline outside each mark, and the ring of a hollow test mark. */
const outlineWidth = 1.25;
const ringWidth = 1.8;

/**
 * Base radius: larger on a larger map, smaller as points crowd it, so 200 points stay visible
 * and 40,000 do not merge into a solid block.
 */
function baseRadius(size: number, count: number) {
  const bySize = Math.min(6, Math.max(2.5, size / 120));
  return bySize * Math.min(1.2, Math.max(0.55, Math.pow(2000 / Math.max(1, count), 0.25)));
}

/**
 * Signed distance (px, negative inside) to a mark centred at the origin, y down. Minority marks are
 * triangles and majority marks circles, so the class reads without colour; the triangle's
 * circumradius is 1.5 r, which gives it about the circle's area.
 */
function markDistance(minority: boolean, r: number, x: number, y: number) {
  if (!minority) return Math.hypot(x, y) - r;
  const R = 1.5 * r;
  // Max of the three edges' half-plane distances; the inradius of an equilateral triangle is R/2.
  return Math.max(y, 0.866 * x - 0.5 * y, -0.866 * x - 0.5 * y) - R / 2;
}

/** Coverage masks in device pixels, premultiplied by opacity (0 … 255), centred on pixel (half, half). */
interface MarkMask {
  side: number;
  half: number;
  fill: Uint8Array;
  outline: Uint8Array;
  /** Per row, the first and one-past-last column that is not blank: stamping skips the corners. */
  rowStart: Uint16Array;
  rowEnd: Uint16Array;
}

function markMask(minority: boolean, r: number, hollow: boolean, fillOpacity: number, outlineOpacity: number, dpr: number): MarkMask {
  const o = outlineWidth * dpr;
  const ring = (ringWidth * dpr) / 2;
  const half = Math.ceil((minority ? 1.5 : 1) * r * dpr + o + (hollow ? ring : 0) + 0.5);
  const side = 2 * half + 1;
  const fill = new Uint8Array(side * side);
  const outline = new Uint8Array(side * side);
  // Coverage of "distance ≤ 0" with a one-pixel linear ramp: cheap antialiasing.
  const cover = (d: number) => Math.min(1, Math.max(0, 0.5 - d));
  for (let py = 0; py < side; py++) {
    for (let px = 0; px < side; px++) {
      const d = markDistance(minority, r * dpr, px - half, py - half);
      const inner = hollow ? cover(Math.abs(d) - ring) : cover(d);
      const outer = hollow ? cover(Math.abs(d) - ring - o) : cover(d - o);
      fill[py * side + px] = Math.round(255 * fillOpacity * inner);
      outline[py * side + px] = Math.round(255 * outlineOpacity * Math.max(0, outer - inner));
    }
  }
  const rowStart = new Uint16Array(side);
  const rowEnd = new Uint16Array(side);
  for (let py = 0; py < side; py++) {
    const blank = (px: number) => !fill[py * side + px] && !outline[py * side + px];
    let start = 0;
    let end = side;
    while (start < end && blank(start)) start++;
    while (end > start && blank(end - 1)) end--;
    rowStart[py] = start;
    rowEnd[py] = end;
  }
  return { side, half, fill, outline, rowStart, rowEnd };
}

/** All masks for one base radius and pixel ratio: [class][step] for train, [class] for test. */
function markMasks(r: number, dpr: number) {
  const forClass = (minority: boolean) => ({
    train: Array.from({ length: weightSteps }, (_, step) => {
      const w = step / (weightSteps - 1);
      return markMask(minority, radiusOf(r, w), false, opacityOf(w), outlineOpacityOf(w), dpr);
    }),
    test: markMask(minority, r, true, 1, 1, dpr),
  });
  return [forClass(false), forClass(true)] as const;
}

/** Keep the larger value per pixel: within a class, marks merge instead of piling up opacity. */
function stamp(fill: Uint8Array, outline: Uint8Array, width: number, mask: MarkMask, cx: number, cy: number) {
  const x0 = cx - mask.half;
  const y0 = cy - mask.half;
  const { side, rowStart, rowEnd } = mask;
  const maskFill = mask.fill;
  const maskOutline = mask.outline;
  const fromY = Math.max(0, -y0);
  const toY = Math.min(side, width - y0);
  for (let my = fromY; my < toY; my++) {
    const fromX = Math.max(rowStart[my] ?? 0, -x0);
    const toX = Math.min(rowEnd[my] ?? 0, width - x0);
    // Offsets from the mask row into the buffer row, so the inner loop has one index.
    const shift = (y0 + my) * width + x0 - my * side;
    for (let k = my * side + fromX, end = my * side + toX; k < end; k++) {
      const f = maskFill[k] ?? 0;
      const o = maskOutline[k] ?? 0;
      if (f > (fill[k + shift] ?? 0)) fill[k + shift] = f;
      if (o > (outline[k + shift] ?? 0)) outline[k + shift] = o;
    }
  }
}

/** A non-finite weight (a diverged loss) carries no information: draw the point full. */
const cleanWeight = (w: number | undefined) => (w !== undefined && Number.isFinite(w) ? Math.min(1, Math.max(0, w)) : 1);

interface PointBuffers {
  fill: Uint8Array;
  outline: Uint8Array;
}

export function createPointLayer(canvas: HTMLCanvasElement) {
  let masksKey = '';
  let masks = markMasks(1, 1);
  const colours = [rgb(classColors.majority), rgb(classColors.minority)];
  // Reused between draws: a new 2–6 MB of buffers per training snapshot would feed the GC.
  let layers: PointBuffers[] = [];
  let image: ImageData | null = null;

  return function draw(frame: BoundaryFrame, dpr: number) {
    const { size, extent, train, test } = frame;
    sizeCanvas(canvas, size, dpr);
    const context = canvas.getContext('2d');
    if (!context) return;
    const width = canvas.width;
    const r = baseRadius(size, train.labels.length + (test?.labels.length ?? 0));
    if (masksKey !== `${r}|${dpr}`) {
      masksKey = `${r}|${dpr}`;
      masks = markMasks(r, dpr);
    }
    // One fill and one outline buffer per class; the minority layer is composited last, on top.
    if (!image || image.width !== width) {
      image = context.createImageData(width, width);
      layers = [0, 1].map(() => ({ fill: new Uint8Array(width * width), outline: new Uint8Array(width * width) }));
    }
    for (const layer of layers) {
      layer.fill.fill(0);
      layer.outline.fill(0);
    }
    const devicePerUnit = width / (2 * extent);
    const stampAll = (coords: Float32Array, labels: Uint8Array, maskOf: (i: number, minority: number) => MarkMask) => {
      for (let i = 0; i < labels.length; i++) {
        const minority = labels[i] === 1 ? 1 : 0;
        const layer = layers[minority];
        if (!layer) continue;
        const cx = Math.floor(((coords[2 * i] ?? Number.NaN) + extent) * devicePerUnit);
        const cy = Math.floor((extent - (coords[2 * i + 1] ?? Number.NaN)) * devicePerUnit);
        if (Number.isFinite(cx) && Number.isFinite(cy)) stamp(layer.fill, layer.outline, width, maskOf(i, minority), cx, cy);
      }
    };
    const { weights } = train;
    const lastStep = weightSteps - 1;
    stampAll(train.coords, train.labels, (i, minority) => {
      const step = weights ? Math.round(cleanWeight(weights[i]) * lastStep) : lastStep; // w = 0 and 1 are exact steps
      return masks[minority === 1 ? 1 : 0].train[step] as MarkMask;
    });
    if (test) stampAll(test.coords, test.labels, (_, minority) => masks[minority === 1 ? 1 : 0].test);

    compositeLayers(image.data, layers, colours);
    context.putImageData(image, 0, 0);
  };
}

/**
 * Per pixel: each class's white outline, then its fill, "over" what lies below, in premultiplied
 * form and written out straight (ImageData is not premultiplied). Inlined: this loop runs over
 * every device pixel of the map.
 */
function compositeLayers(pixels: Uint8ClampedArray, layers: PointBuffers[], colours: RGBColor[]) {
  const [majority, minority] = layers;
  const [c0, c1] = colours;
  if (!majority || !minority || !c0 || !c1) return;
  pixels.fill(0);
  for (let i = 0; i < majority.fill.length; i++) {
    const o0 = majority.outline[i] ?? 0;
    const f0 = majority.fill[i] ?? 0;
    const o1 = minority.outline[i] ?? 0;
    const f1 = minority.fill[i] ?? 0;
    if ((o0 | f0 | o1 | f1) === 0) continue;
    let a = o0 / 255;
    let r = 255 * a;
    let g = r;
    let b = r;
    let alpha = f0 / 255;
    r = c0.r * alpha + r * (1 - alpha);
    g = c0.g * alpha + g * (1 - alpha);
    b = c0.b * alpha + b * (1 - alpha);
    a = alpha + a * (1 - alpha);
    alpha = o1 / 255;
    r = 255 * alpha + r * (1 - alpha);
    g = 255 * alpha + g * (1 - alpha);
    b = 255 * alpha + b * (1 - alpha);
    a = alpha + a * (1 - alpha);
    alpha = f1 / 255;
    r = c1.r * alpha + r * (1 - alpha);
    g = c1.g * alpha + g * (1 - alpha);
    b = c1.b * alpha + b * (1 - alpha);
    a = alpha + a * (1 - alpha);
    pixels[4 * i] = r / a;
    pixels[4 * i + 1] = g / a;
    pixels[4 * i + 2] = b / a;
    pixels[4 * i + 3] = 255 * a;
  }
}

