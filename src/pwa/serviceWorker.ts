/// <reference types="vite-plugin-pwa/vanillajs" />
// The service worker and new versions (the flow is explained in vite.config.ts): a new version
// installs and waits; this page learns of it and lets the person decide when to reload.
import { registerSW } from 'virtual:pwa-register';

/**
 * - 'current': nothing newer is known.
 * - 'waiting': a new version is installed; the old worker still serves this page its own build.
 * - 'took-over': a new version took over this page (it was accepted in another tab), so the files
 *   of this page's build are gone: a view that has not loaded yet needs a reload.
 */
export type UpdateStatus = 'current' | 'waiting' | 'took-over';

let status: UpdateStatus = 'current';
const listeners = new Set<() => void>();
let activateWaitingVersion: (() => Promise<void>) | null = null;
let reloadRequested = false;

function setStatus(next: UpdateStatus) {
  status = next;
  for (const listener of listeners) listener();
}

export const updateStatus = (): UpdateStatus => status;

export function subscribeToUpdates(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Registers the service worker once the page has loaded (a no-op in the dev server). */
export function registerServiceWorker() {
  if (!('serviceWorker' in navigator)) return;
  // A first visit's worker claiming the page is not a new version; any later change of controller
  // is one: reload the tab whose person asked for it, and only tell the others (a reload would
  // throw away a trained network). Not the plugin's onNeedReload: it stays silent in a tab that
  // had no worker when it loaded.
  let controlled = navigator.serviceWorker.controller !== null;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (controlled && reloadRequested) window.location.reload();
    else if (controlled) setStatus('took-over');
    controlled = true;
  });
  activateWaitingVersion = registerSW({
    onNeedRefresh: () => setStatus('waiting'),
    onNeedReload: () => {}, // handled above; the default would reload every open tab
  });
}

/** Moves this tab to the newest version: activates a waiting one (which then reloads us) or reloads. */
export function reloadToNewVersion() {
  if (status === 'waiting' && activateWaitingVersion) {
    reloadRequested = true;
    void activateWaitingVersion();
  } else {
    window.location.reload();
  }
}

const entryScript = (doc: Document, base: string) => {
  const src = doc.querySelector('script[type="module"][src]')?.getAttribute('src');
  return src ? new URL(src, base).href : null;
};

/**
 * After a chunk failed to load: is a newer build than this page's being served? Compares the entry
 * script of the index.html that the service worker (or, without one, the server) hands out now
 * with this page's. False when that cannot be fetched: then the network is the likelier culprit.
 */
export async function newerVersionServed(): Promise<boolean> {
  if (status === 'took-over') return true;
  try {
    const response = await fetch('./', { cache: 'no-store' });
    if (!response.ok) return false;
    const served = entryScript(new DOMParser().parseFromString(await response.text(), 'text/html'), response.url);
    const running = entryScript(document, document.baseURI);
    return served !== null && running !== null && served !== running;
  } catch {
    return false;
  }
}
