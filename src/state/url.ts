import type { LabState } from './labState';
import { datasetShapes } from '../data';
import { binaryLossIds, isLossId } from '../losses';
import { readNumber, shown } from './linkValues';
import { defaultState, lossSettingParamByKey, lossSettingParams, numberParams, settingValue } from './paramTable';
import type { LossSettingParam } from './paramTable';
import { activations, backendNames, classWeightings, optimizerNames } from '../model/protocol';
import { labViews, languages, resamplings } from './labState';
import { parseRace, serializeRace } from './race';
import type { RaceNotice } from './race';

/**
 * A problem found in a shared link. `key` names an i18n message; the values are plain text
 * (React escapes them), so nothing from the URL is ever rendered as markup.
 */
export interface UrlNotice {
  key:
    | 'notice.clamped'
    | 'notice.notANumber'
    | 'notice.unknownLoss'
    | 'notice.badChoice'
    | 'notice.unknownParam'
    | RaceNotice['key'];
  values: Record<string, string>;
}

interface ChoiceParam {
  values: readonly string[];
  read(state: LabState): string;
  apply(state: LabState, value: string): LabState;
}

const flag = (on: boolean) => (on ? '1' : '0');

type EnumKey = { [K in keyof LabState]: LabState[K] extends string ? K : never }[keyof LabState];

/** A setting that is one of a few names; `parseUrl` checks the name before `apply` sees it. */
function enumChoice<K extends EnumKey>(key: K, values: readonly LabState[K][]): ChoiceParam {
  return { values, read: (s) => s[key], apply: (s, v) => ({ ...s, [key]: v as LabState[K] }) };
}

/** The non-numeric settings: each reads itself from the state and writes itself back. */
const choiceParams = {
  y: {
    values: ['1', '0'],
    read: (s) => String(s.exampleClass),
    apply: (s, v) => ({ ...s, exampleClass: v === '0' ? 0 : 1 }),
  },
  log: { values: ['1', '0'], read: (s) => flag(s.logScale), apply: (s, v) => ({ ...s, logScale: v === '1' }) },
  projector: { values: ['1', '0'], read: (s) => flag(s.projector), apply: (s, v) => ({ ...s, projector: v === '1' }) },
  autoAlpha: {
    values: ['1', '0'],
    read: (s) => flag(s.alphaFromRatio),
    apply: (s, v) => ({ ...s, alphaFromRatio: v === '1' }),
  },
  lang: enumChoice('lang', languages),
  view: enumChoice('view', labViews),
  train: enumChoice('trainLoss', binaryLossIds),
  shape: enumChoice('shape', datasetShapes),
  resample: enumChoice('resampling', resamplings),
  activation: enumChoice('activation', activations),
  optimizer: enumChoice('optimizer', optimizerNames),
  weighting: enumChoice('classWeighting', classWeightings),
  backend: enumChoice('backend', backendNames),
} as const satisfies Record<string, ChoiceParam>;

type ChoiceKey = keyof typeof choiceParams;
const isChoiceKey = (k: string): k is ChoiceKey => Object.hasOwn(choiceParams, k);

/**
 * Links from before each loss owned its parameters named them flat: `gamma=2` meant focal's γ, and
 * `alpha` the α of balanced cross-entropy and focal alike. They are read as what they meant then.
 */
const flatLossKeys: Readonly<Record<string, readonly string[]>> = {
  gamma: ['focal.gamma'],
  alpha: ['balanced-ce.alpha', 'focal.alpha'],
  epsilon: ['poly1.epsilon'],
  gammaPos: ['asl.gammaPos'],
  gammaNeg: ['asl.gammaNeg'],
  margin: ['asl.margin'],
  tau: ['la-ce.tau'],
  lambda: ['dwb.lambda'],
};

/** The loss settings a link key names: `focal.gamma`, or an old flat key. */
function lossSettingRows(name: string): LossSettingParam[] {
  const keys = Object.hasOwn(flatLossKeys, name) ? (flatLossKeys[name] ?? []) : [name];
  return keys.flatMap((key) => lossSettingParamByKey.get(key) ?? []);
}

function withLossSetting(state: LabState, row: LossSettingParam, value: number): LabState {
  const lossSettings = { ...state.lossSettings, [row.loss]: { ...state.lossSettings[row.loss], [row.name]: value } };
  return { ...state, lossSettings };
}

/** Parse a query string; whatever is wrong is clamped or dropped and reported, never thrown. */
export function parseUrl(search: string, base: LabState = defaultState()): { state: LabState; notices: UrlNotice[] } {
  const query = new URLSearchParams(search);
  const notices: UrlNotice[] = [];
  let state = { ...base };

  for (const [name, raw] of query) {
    const numeric = numberParams.find((p) => p.key === name);
    const settingRows = lossSettingRows(name);
    if (numeric || settingRows.length > 0) {
      const row = numeric ?? settingRows[0];
      if (!row) continue;
      const reading = readNumber(row, raw);
      if (!reading) {
        notices.push({ key: 'notice.notANumber', values: { param: name, raw: shown(raw) } });
        continue;
      }
      if (reading.clamped) {
        notices.push({ key: 'notice.clamped', values: { param: name, raw: shown(raw), value: String(reading.value) } });
      }
      if (numeric) state = { ...state, [numeric.key]: reading.value };
      for (const setting of settingRows) state = withLossSetting(state, setting, reading.value);
    } else if (name === 'race') {
      const { race, notices: raceNotices } = parseRace(raw);
      notices.push(...raceNotices);
      state = { ...state, race };
    } else if (name === 'losses') {
      const ids = raw.split(',').map((s) => s.trim()).filter((s) => s !== '');
      const unknown = ids.filter((id) => !isLossId(id));
      if (unknown.length > 0) {
        notices.push({ key: 'notice.unknownLoss', values: { raw: shown(unknown.join(', ')) } });
      }
      state = { ...state, losses: [...new Set(ids.filter(isLossId))] };
    } else if (isChoiceKey(name)) {
      const param: ChoiceParam = choiceParams[name];
      if (param.values.includes(raw)) {
        state = param.apply(state, raw);
      } else {
        notices.push({ key: 'notice.badChoice', values: { param: name, raw: shown(raw), allowed: param.values.join(', ') } });
      }
    } else {
      notices.push({ key: 'notice.unknownParam', values: { param: shown(name) } });
    }
  }
  return { state, notices };
}

/** Only what differs from the defaults goes into the link, so shared links stay short. */
export function serializeUrl(state: LabState, defaults: LabState = defaultState()): string {
  const query = new URLSearchParams();
  if (state.losses.join(',') !== defaults.losses.join(',')) query.set('losses', state.losses.join(','));
  for (const p of numberParams) {
    if (state[p.key] !== defaults[p.key]) query.set(p.key, String(state[p.key]));
  }
  for (const p of lossSettingParams) {
    const value = settingValue(state.lossSettings, p);
    if (value !== settingValue(defaults.lossSettings, p)) query.set(p.key, String(value));
  }
  for (const [name, param] of Object.entries(choiceParams)) {
    const value = param.read(state);
    if (value !== param.read(defaults)) query.set(name, value);
  }
  // Written even when empty if the defaults hold a race, so `race=` can say "no race".
  const race = serializeRace(state.race);
  if (race !== serializeRace(defaults.race)) query.set('race', race);
  const text = query.toString();
  return text === '' ? '' : `?${text}`;
}
