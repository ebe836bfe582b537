// Helpers shared by the bench's sections: quantiles, and the slider-to-paint probe that runs in
// the page (page.evaluate serialises it, so it must not use anything from this module's scope).

/** @typedef {{ name: string, value: number, unit: string, target: string | null }} Row */

/** @param {number[]} values @param {number} q */
export function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
}

/** Rounds to 2 decimals, for milliseconds. */
export const ms = (/** @type {number} */ v) => Math.round(v * 100) / 100;

/**
 * Runs in the page. Each move starts inside a requestAnimationFrame callback, the way Chromium
 * delivers slider drags (input is aligned to frames), so the figure is our work, not the wait for
 * vsync: t0 just before the 'input' event; t1 in a task posted from that rAF callback, which runs
 * once the frame's style, layout and paint are done. If what the slider changes (`watch`: the
 * attribute, or with attribute null the text, of every element matching the selector) has not
 * changed by then (an update deferred to a later frame), we keep waiting, frame by frame, and
 * count from t0.
 * @param {{ slider: string, watch: { selector: string, attribute: string | null }, warmUp: number, moves: number }} options
 */
export async function sliderRun({ slider: sliderSelector, watch, warmUp, moves }) {
  const slider = /** @type {HTMLInputElement | null} */ (document.querySelector(sliderSelector));
  if (!slider) throw new Error(`no ${sliderSelector} on the page`);
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
  if (!setValue) throw new Error('no native value setter');
  const min = Number(slider.min || 0);
  const max = Number(slider.max || 100);
  const watched = () =>
    Array.from(document.querySelectorAll(watch.selector), (e) => (watch.attribute ? e.getAttribute(watch.attribute) : e.textContent)).join('|');
  const nextFrame = () =>
    new Promise((resolve) => {
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now());
        channel.port2.postMessage(null);
      });
    });

  /** @type {number[]} */
  const latencies = [];
  /** @type {number[]} */
  const longTasks = [];
  let unchanged = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push(entry.duration);
  });
  let position = Number(slider.value);
  for (let i = 0; i < warmUp + moves; i++) {
    if (i === warmUp) observer.observe({ type: 'longtask' });
    // Golden-ratio steps sweep the whole range in big, uneven jumps, never repeating.
    let next = min + Math.round(((i * 0.6180339887 + 0.1) % 1) * (max - min));
    if (next === position) next = next === max ? min : next + 1;
    position = next;
    const before = watched();
    const latency = await new Promise((resolve) => {
      requestAnimationFrame(() => {
        const t0 = performance.now();
        // Posted before the input event so that it runs ahead of any task the app queues while
        // handling it (React's deferred work): t1 is the end of this frame, not of later work.
        const channel = new MessageChannel();
        channel.port1.onmessage = async () => {
          let t1 = performance.now();
          for (let frames = 0; watched() === before && frames < 30; frames++) t1 = await nextFrame();
          if (watched() === before) unchanged++;
          resolve(t1 - t0);
        };
        channel.port2.postMessage(null);
        setValue.call(slider, String(position)); // the native setter, so React sees a real change
        slider.dispatchEvent(new Event('input', { bubbles: true }));
      });
    });
    if (i >= warmUp) latencies.push(/** @type {number} */ (latency));
  }
  await nextFrame(); // let the observer deliver the last entries
  observer.disconnect();
  return { latencies, longTasks, unchanged };
}

/**
 * Opens a page that reports console errors and page errors into `errors`.
 * @param {import('playwright-core').Browser} browser
 */
export async function openPage(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  const page = await context.newPage();
  /** @type {string[]} */
  const errors = [];
  page.on('console', (m) => (m.type() === 'error' ? errors.push(m.text()) : undefined));
  page.on('pageerror', (e) => errors.push(e.message));
  return { page, errors };
}
