import type { NumberParam } from './paramTable';

/**
 * Reading one value from a shared link, shared by the top-level settings (url.ts) and the race's
 * lanes (race.ts), so a number means the same thing wherever it sits in the link.
 */

const MAX_SHOWN_CHARS = 40;

/** Link text as a notice quotes it: a pasted novel would push the page down, so it is cut short. */
export const shown = (raw: string) => (raw.length > MAX_SHOWN_CHARS ? `${raw.slice(0, MAX_SHOWN_CHARS)}…` : raw);

export interface NumberReading {
  /** Within the row's range and on its scale (whole layers, powers-of-two batches). */
  value: number;
  /** The link asked for a value outside the range. */
  clamped: boolean;
}

/** A number checked against its table row; undefined when the text is not a finite number. */
export function readNumber(param: NumberParam, raw: string): NumberReading | undefined {
  // Number('') is 0: an empty value must not silently become a setting.
  const asked = raw.trim() === '' ? Number.NaN : Number(raw);
  if (!Number.isFinite(asked)) return undefined;
  const inRange = Math.min(param.max, Math.max(param.min, asked));
  return { value: param.scale.snap(inRange), clamped: inRange !== asked };
}
