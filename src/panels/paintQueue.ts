/**
 * Renderers paint one per task. A snapshot of a four-lane race redraws four boundary maps and nine
 * charts: done inside the React commit that brings it, that is one task of ~100 ms, and every
 * frame and every slider move in it waits. Queued, each paint is a task of a few ms, the numbers
 * React updates are on screen first, and input is handled between paints. A newer frame for a
 * renderer whose paint is still queued replaces it in its place in the queue (no starving).
 */
const queue = new Map<object, () => void>();
const channel = new MessageChannel();
let scheduled = false;

function schedule(): void {
  if (scheduled || queue.size === 0) return;
  scheduled = true;
  channel.port2.postMessage(null);
}

channel.port1.onmessage = () => {
  scheduled = false;
  const next = queue.entries().next();
  if (!next.done) {
    const [renderer, paint] = next.value;
    queue.delete(renderer);
    try {
      paint();
    } finally {
      schedule();
    }
  }
};

/** Paints `renderer` with `paint` in a task of its own, soon (one queued paint per renderer). */
export function schedulePaint(renderer: object, paint: () => void): void {
  queue.set(renderer, paint);
  schedule();
}

/** Drops a renderer's queued paint (it is being destroyed). */
export function cancelPaint(renderer: object): void {
  queue.delete(renderer);
}
