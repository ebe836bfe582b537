import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { en } from '../i18n/en';
import { zh } from '../i18n/zh';
import { binaryLossIds } from '../losses';
import type { RaceLane } from './labState';
import { canFollowCounts, lossSettingParamByKey, numberParamByKey, settingParamsOf } from './paramTable';
import type { NumberParam } from './paramTable';
import { classWeightings } from '../model/protocol';
import { defaultLane, parseRace, racePresets, raceLaneLimits, serializeRace } from './race';
import type { RaceNotice } from './race';

const keysOf = (notices: RaceNotice[]) => notices.map((n) => n.key);

/** A lane as a teacher could set it with the sliders: every value on its slider's track. */
const onTrack = ({ scale }: NumberParam) => fc.integer({ min: 0, max: scale.steps }).map((position) => scale.toValue(position));
const laneArb: fc.Arbitrary<RaceLane> = fc.constantFrom(...binaryLossIds).chain((loss) => {
  const rows = settingParamsOf(loss);
  return fc
    .record({
      values: fc.tuple(...rows.map(onTrack)),
      alphaFromRatio: canFollowCounts(loss) ? fc.boolean() : fc.constant(false),
      classWeighting: fc.constantFrom(...classWeightings),
      beta: onTrack(numberParamByKey.beta),
    })
    .map(({ values, alphaFromRatio, classWeighting, beta }) => {
      const lane = defaultLane(loss);
      const settings = Object.fromEntries(rows.map((row, i) => [row.name, values[i] ?? row.defaultValue]));
      return { ...lane, settings, alphaFromRatio, classWeighting, beta };
    });
});
const raceArb = fc.array(laneArb, { minLength: raceLaneLimits.min, maxLength: raceLaneLimits.max });

describe('a race in a link', () => {
  it('restores a 3-lane race from a link', () => {
    const { race, notices } = parseRace('ce;focal:gamma=3,alpha=0.5,weighting=effectiveNumber,weightingBeta=0.99;balanced-ce:auto');
    expect(notices).toEqual([]);
    expect(race).toEqual([
      defaultLane('ce'),
      {
        ...defaultLane('focal'),
        settings: { ...defaultLane('focal').settings, gamma: 3, alpha: 0.5 },
        classWeighting: 'effectiveNumber',
        beta: 0.99,
      },
      { ...defaultLane('balanced-ce'), alphaFromRatio: true },
    ]);
  });

  it('takes what a lane leaves out from its loss’s defaults, not from the rest of the link', () => {
    const [, focal] = parseRace('ce;focal').race;
    expect(focal?.settings.gamma).toBe(lossSettingParamByKey.get('focal.gamma')?.defaultValue);
    expect(focal?.settings.alpha).toBe(lossSettingParamByKey.get('focal.alpha')?.defaultValue);
    expect(focal?.beta).toBe(numberParamByKey.beta.defaultValue);
    expect(focal?.classWeighting).toBe('none');
  });

  it('reads `alpha=auto` like `auto`', () => {
    expect(parseRace('ce;focal:alpha=auto').race[1]?.alphaFromRatio).toBe(true);
  });

  it('clamps γ=50 in lane 2 and says so', () => {
    const { race, notices } = parseRace('ce;focal:gamma=50,alpha=0.5');
    expect(race[1]?.settings).toMatchObject({ gamma: 10, alpha: 0.5 });
    expect(notices).toEqual([{ key: 'notice.laneClamped', values: { lane: '2', param: 'gamma', raw: '50', value: '10' } }]);
  });

  it('snaps a lane number onto its slider like a top-level one', () => {
    expect(parseRace('ce;asl:margin=0.123').race[1]?.settings.margin).toBe(0.12);
  });

  it('drops `focal:epsilon=1` with a notice that lists what focal takes, keeping the lane', () => {
    const { race, notices } = parseRace('ce;focal:epsilon=1,gamma=3');
    expect(race[1]?.settings).toEqual({ ...defaultLane('focal').settings, gamma: 3 });
    expect(notices).toEqual([
      {
        key: 'notice.laneParam',
        values: { lane: '2', loss: 'focal', raw: 'epsilon=1', allowed: 'gamma, alpha, auto, weighting, weightingBeta' },
      },
    ]);
  });

  it('refuses `auto` for a loss without α, and unknown keys, bad numbers and bad weightings', () => {
    const { race, notices } = parseRace('ce:auto;poly1:epsilon=abc,colour=red,weighting=magic');
    expect(race).toEqual([defaultLane('ce'), defaultLane('poly1')]);
    expect(keysOf(notices)).toEqual(['notice.laneParam', 'notice.laneNotANumber', 'notice.laneParam', 'notice.laneBadChoice']);
    expect(notices[0]?.values).toMatchObject({ lane: '1', raw: 'auto', allowed: 'weighting, weightingBeta' });
    expect(notices[3]?.values).toMatchObject({ lane: '2', param: 'weighting', raw: 'magic', allowed: classWeightings.join(', ') });
  });

  it('leaves out a lane with an unknown loss and keeps the others', () => {
    const { race, notices } = parseRace('ce;hinge:gamma=2;focal');
    expect(race.map((l) => l.loss)).toEqual(['ce', 'focal']);
    expect(notices).toEqual([
      { key: 'notice.badLane', values: { lane: '2', raw: 'hinge:gamma=2', allowed: binaryLossIds.join(', ') } },
    ]);
  });

  it('keeps the first 4 of 5 lanes and says so', () => {
    const { race, notices } = parseRace('ce;focal;dwb;poly1;asl');
    expect(race.map((l) => l.loss)).toEqual(['ce', 'focal', 'dwb', 'poly1']);
    expect(notices).toEqual([{ key: 'notice.raceTooLong', values: { lanes: '5', max: '4' } }]);
  });

  it('sets up no race from a single lane, and says a race needs 2 to 4', () => {
    const { race, notices } = parseRace('focal:gamma=2');
    expect(race).toEqual([]);
    expect(notices).toEqual([{ key: 'notice.raceTooShort', values: { lanes: '1', min: '2', max: '4' } }]);
  });

  it('reads an empty value, or stray separators, as no race without a complaint', () => {
    expect(parseRace('')).toEqual({ race: [], notices: [] });
    expect(parseRace(' ; ;')).toEqual({ race: [], notices: [] });
    expect(parseRace('ce;;focal:,gamma=3,;').race).toHaveLength(2);
  });

  it('only ever shows hostile text as plain notice values', () => {
    const hostile = '<script>alert(1)</script>';
    const { race, notices } = parseRace(`${hostile};focal:${hostile}=1,gamma=${hostile},weighting=${hostile};ce`);
    expect(JSON.stringify(race)).not.toContain('<');
    expect(notices.length).toBeGreaterThan(0);
    for (const notice of notices) {
      expect(notice.key).toMatch(/^notice\.[a-zA-Z]+$/);
      for (const value of Object.values(notice.values)) expect(typeof value).toBe('string');
    }
    expect(notices.some((n) => Object.values(n.values).some((v) => v.includes('<script>')))).toBe(true);
  });

  it('never throws on arbitrary strings, and any race it returns has 2–4 lanes within range', () => {
    const pieces = fc.constantFrom(';', ':', ',', '=', 'auto', 'focal', 'asl', 'gamma', 'alpha', 'beta', 'weighting', '50', '-1', 'x');
    const text = fc.oneof(fc.string({ maxLength: 200 }), fc.array(pieces, { maxLength: 40 }).map((p) => p.join('')));
    fc.assert(
      fc.property(text, (raw) => {
        const { race } = parseRace(raw);
        expect(race.length === 0 || (race.length >= 2 && race.length <= 4)).toBe(true);
        for (const lane of race) {
          expect(Object.keys(lane.settings)).toEqual(settingParamsOf(lane.loss).map((row) => row.name));
          for (const row of settingParamsOf(lane.loss)) {
            const value = lane.settings[row.name] ?? Number.NaN;
            expect(value).toBeGreaterThanOrEqual(row.min);
            expect(value).toBeLessThanOrEqual(row.max);
          }
        }
      }),
    );
  });

  it('has words for every notice in both languages, using only the values it is given', () => {
    const { notices } = parseRace('x;ce:auto;asl:margin=9,tau=1,gammaNeg=y,weighting=z;focal;dwb;poly1');
    const single = parseRace('focal').notices;
    for (const notice of [...notices, ...single]) {
      for (const strings of [en, zh]) {
        const message = (strings.notice as Record<string, string>)[notice.key.replace('notice.', '')];
        expect(message, notice.key).toBeTruthy();
        for (const [, name] of message?.matchAll(/\{\{(\w+)\}\}/g) ?? []) {
          expect(Object.keys(notice.values), `${notice.key} uses {{${name}}}`).toContain(name);
        }
      }
    }
    expect(new Set([...notices, ...single].map((n) => n.key)).size).toBe(7);
  });
});

describe('writing a race into a link', () => {
  it('writes only what differs from each lane’s defaults', () => {
    const race = parseRace('ce;focal:gamma=2,alpha=0.5;balanced-ce:auto').race;
    expect(serializeRace(race)).toBe('ce;focal:alpha=0.5;balanced-ce:auto');
    expect(serializeRace([])).toBe('');
  });

  it('round-trips any race a teacher can set up, without a notice', () => {
    fc.assert(
      fc.property(raceArb, (race) => {
        expect(parseRace(serializeRace(race))).toEqual({ race, notices: [] });
      }),
    );
  });
});

describe('the race presets', () => {
  it('have 2–4 lanes, a name in both languages, and survive a link', () => {
    for (const { id, lanes } of racePresets) {
      expect(lanes.length).toBeGreaterThanOrEqual(raceLaneLimits.min);
      expect(lanes.length).toBeLessThanOrEqual(raceLaneLimits.max);
      expect(en.race.presets[id]).toBeTruthy();
      expect(zh.race.presets[id]).toBeTruthy();
      expect(parseRace(serializeRace(lanes))).toEqual({ race: lanes, notices: [] });
    }
  });

  it('pit weights against focusing, and Lin et al.’s α values against each other', () => {
    const links = Object.fromEntries(racePresets.map(({ id, lanes }) => [id, serializeRace(lanes)]));
    expect(links).toEqual({
      'weights-vs-focusing': 'ce;focal:alpha=0.5;balanced-ce:auto;focal:auto',
      'lin-alpha': 'focal;focal:alpha=0.5;focal:alpha=0.99',
    });
  });
});
