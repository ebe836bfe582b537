/** Helpers shared by the boundary map's layers. */

/** Inputs a layer was last drawn from; compared by reference, so a new array means new contents. */
export type Inputs = readonly unknown[];
export const sameInputs = (a: Inputs | null, b: Inputs) => a !== null && a.length === b.length && a.every((v, i) => Object.is(v, b[i]));

/** A canvas of `size` CSS px backed by size·dpr device pixels, so it stays sharp on HiDPI screens. */
export function sizeCanvas(canvas: HTMLCanvasElement, size: number, dpr: number) {
  const pixels = Math.max(1, Math.round(size * dpr));
  if (canvas.width !== pixels) canvas.width = pixels;
  if (canvas.height !== pixels) canvas.height = pixels;
  canvas.style.width = canvas.style.height = `${size}px`;
}
