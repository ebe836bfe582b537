import type { LabState } from './labState';
import { serializeUrl } from './url';

/**
 * The link that reopens `state`, for "Copy link" and the QR code. It is written from the state
 * itself, never read back from the address bar, which follows a change about 200 ms late (a click
 * right after a slider move would share the previous view). `defaults` must be the ones the
 * address bar is written with (this browser's, e.g. its language), so both say the same. The hash
 * is left out: it is where the page was scrolled to (the skip link), not a setting.
 */
export function shareUrl(state: LabState, defaults: LabState, page: string = window.location.href): string {
  const { origin, pathname } = new URL(page);
  return `${origin}${pathname}${serializeUrl(state, defaults)}`;
}
