import { binaryLossIds, binaryLosses, isLossId } from '../losses';
import type { BinaryLossId } from '../losses/types';
import { classWeightings } from '../model/protocol';
import type { RaceLane } from './labState';
import { readNumber, shown } from './linkValues';
import { canFollowCounts, defaultState, numberParamByKey, settingParamsOf } from './paramTable';

/**
 * A race in a link: `race=ce;focal:gamma=2,alpha=0.5;balanced-ce:auto`.
 *
 *   race  := lane (';' lane)*
 *   lane  := lossId [':' item (',' item)*]
 *   item  := key '=' value | 'auto'
 *
 * Keys are the loss's own settings (γ for focal, ε for Poly-1…), `weighting` and `weightingBeta`
 * (the class weighting's β; older links wrote `beta`, still read where the loss has no β of its own);
 * `auto` (or `alpha=auto`) takes α from the class counts. What a lane leaves out is the loss's
 * default, never the rest of the link's: a lane means the same thing in every link.
 */

/** The lane item for the class weighting's β (a loss may have a `beta` of its own: Cui et al.'s losses do). */
const WEIGHTING_BETA = 'weightingBeta';

/** Fewer than two lanes is not a comparison; more than four do not fit side by side on a projector. */
export const raceLaneLimits = { min: 2, max: 4 } as const;


/** A lane with its loss's defaults for everything. */
export function defaultLane(loss: BinaryLossId): RaceLane {
  const table = defaultState();
  return { loss, settings: binaryLosses[loss].defaultSettings(), alphaFromRatio: false, classWeighting: table.classWeighting, beta: table.beta };
}

function presetLane(loss: BinaryLossId, settings: Readonly<Record<string, number>>, alphaFromRatio = false): RaceLane {
  const base = defaultLane(loss);
  return { ...base, settings: { ...base.settings, ...settings }, alphaFromRatio };
}

export type RacePresetId = 'weights-vs-focusing' | 'lin-alpha';

/** A race a teacher picks from the menu; its name is `race.presets.<id>` in the i18n files. */
export interface RacePreset {
  id: RacePresetId;
  lanes: RaceLane[];
}

export const racePresets: readonly RacePreset[] = [
  {
    // Does the rare class need more weight, or do the easy examples need less say?
    id: 'weights-vs-focusing',
    lanes: [
      presetLane('ce', {}),
      presetLane('focal', { gamma: 2, alpha: 0.5 }),
      presetLane('balanced-ce', {}, true),
      presetLane('focal', { gamma: 2 }, true),
    ],
  },
  {
    // Lin et al. 2017 (focal loss), Table 1b: with γ = 2 their best α was 0.25, which weights the rare
    // class *down*: once focusing has quieted the easy negatives, the rare class needs less help.
    id: 'lin-alpha',
    lanes: [0.25, 0.5, 0.99].map((alpha) => presetLane('focal', { gamma: 2, alpha })),
  },
];

export type RaceNoticeKey =
  | 'notice.badLane'
  | 'notice.laneParam'
  | 'notice.laneClamped'
  | 'notice.laneNotANumber'
  | 'notice.laneBadChoice'
  | 'notice.raceTooLong'
  | 'notice.raceTooShort';

/** Like UrlNotice: `key` names an i18n message and the values are plain text, never markup. */
export interface RaceNotice {
  key: RaceNoticeKey;
  values: Record<string, string>;
}

/** What a lane's items may say, for the notice that lists them. */
const allowedItems = (loss: BinaryLossId) => [
  ...settingParamsOf(loss).map((p) => p.name),
  ...(canFollowCounts(loss) ? ['auto'] : []),
  'weighting',
  WEIGHTING_BETA,
];

/** One lane; undefined (and a notice) when it names no loss. Bad items are dropped one by one. */
function parseLane(text: string, laneNumber: number, notices: RaceNotice[]): RaceLane | undefined {
  const lane = String(laneNumber);
  const colon = text.indexOf(':');
  const id = (colon === -1 ? text : text.slice(0, colon)).trim();
  if (!isLossId(id)) {
    notices.push({ key: 'notice.badLane', values: { lane, raw: shown(text), allowed: binaryLossIds.join(', ') } });
    return undefined;
  }
  const parsed = defaultLane(id);
  const items = colon === -1 ? [] : text.slice(colon + 1).split(',');
  for (const item of items.map((s) => s.trim()).filter((s) => s !== '')) {
    const equals = item.indexOf('=');
    const key = (equals === -1 ? item : item.slice(0, equals)).trim();
    const value = equals === -1 ? undefined : item.slice(equals + 1).trim();
    const own = settingParamsOf(id).find((p) => p.name === key);
    const weightingBeta = !own && (key === WEIGHTING_BETA || key === 'beta');
    const row = own ?? (weightingBeta ? numberParamByKey.beta : undefined);

    if (canFollowCounts(id) && ((key === 'auto' && value === undefined) || (key === 'alpha' && value === 'auto'))) {
      parsed.alphaFromRatio = true;
    } else if (key === 'weighting' && value !== undefined) {
      const weighting = classWeightings.find((w) => w === value);
      if (weighting) parsed.classWeighting = weighting;
      else {
        const allowed = classWeightings.join(', ');
        notices.push({ key: 'notice.laneBadChoice', values: { lane, param: key, raw: shown(value), allowed } });
      }
    } else if (row && value !== undefined) {
      const reading = readNumber(row, value);
      if (!reading) {
        notices.push({ key: 'notice.laneNotANumber', values: { lane, param: key, raw: shown(value) } });
        continue;
      }
      if (reading.clamped) {
        const values = { lane, param: key, raw: shown(value), value: String(reading.value) };
        notices.push({ key: 'notice.laneClamped', values });
      }
      if (weightingBeta) parsed.beta = reading.value;
      else parsed.settings = { ...parsed.settings, [key]: reading.value };
    } else {
      const values = { lane, loss: id, raw: shown(item), allowed: allowedItems(id).join(', ') };
      notices.push({ key: 'notice.laneParam', values });
    }
  }
  return parsed;
}

/**
 * The lanes of a `race=` value (already URL-decoded); whatever is wrong is dropped and reported,
 * never thrown. An empty value is no race and no complaint.
 */
export function parseRace(raw: string): { race: RaceLane[]; notices: RaceNotice[] } {
  const texts = raw.split(';').map((s) => s.trim()).filter((s) => s !== '');
  const notices: RaceNotice[] = [];
  const race: RaceLane[] = [];
  const { min, max } = raceLaneLimits;
  for (const [i, text] of texts.entries()) {
    if (race.length === max) {
      notices.push({ key: 'notice.raceTooLong', values: { lanes: String(texts.length), max: String(max) } });
      break;
    }
    const lane = parseLane(text, i + 1, notices);
    if (lane) race.push(lane);
  }
  if (texts.length > 0 && race.length < min) {
    notices.push({ key: 'notice.raceTooShort', values: { lanes: String(race.length), min: String(min), max: String(max) } });
    return { race: [], notices };
  }
  return { race, notices };
}

/** Each lane writes only what differs from defaultLane, so links stay short; '' for no race. */
export function serializeRace(race: readonly RaceLane[]): string {
  return race.map(serializeLane).join(';');
}

function serializeLane(lane: RaceLane): string {
  const defaults = defaultLane(lane.loss);
  const items = settingParamsOf(lane.loss)
    .map((p) => p.name)
    .filter((name) => lane.settings[name] !== undefined && lane.settings[name] !== defaults.settings[name])
    .map((name) => `${name}=${String(lane.settings[name])}`);
  if (lane.alphaFromRatio && canFollowCounts(lane.loss)) items.push('auto');
  if (lane.classWeighting !== defaults.classWeighting) items.push(`weighting=${lane.classWeighting}`);
  if (lane.beta !== defaults.beta) items.push(`${WEIGHTING_BETA}=${String(lane.beta)}`);
  return items.length === 0 ? lane.loss : `${lane.loss}:${items.join(',')}`;
}
