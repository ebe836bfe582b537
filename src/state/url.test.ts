import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultState, lossSettingParams, numberParams, settingValue } from './paramTable';
import { defaultLane, racePresets } from './race';
import { parseUrl, serializeUrl } from './url';

/** Query strings made of real keys and awkward values, so the fuzzing reaches the number readers. */
const linkLike = fc
  .array(
    fc.tuple(
      fc.constantFrom(...lossSettingParams.map((p) => p.key), ...numberParams.map((p) => p.key), 'gamma', 'alpha', 'focal.', '.gamma'),
      fc.constantFrom('0', '-1', '1e300', '-1e-300', 'NaN', '', '0.5', '1000', 'x'),
    ),
    { maxLength: 8 },
  )
  .map((pairs) => `?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}`);

describe('parseUrl', () => {
  it('restores every setting from a shared link', () => {
    const { state, notices } = parseUrl('?focal.gamma=3.5&focal.alpha=0.4&dwb.lambda=0.5&ratio=500&losses=focal,dwb&y=0&log=1&lang=zh&autoAlpha=1');
    expect(notices).toEqual([]);
    expect(state.lossSettings.focal).toEqual({ gamma: 3.5, alpha: 0.4 });
    expect(state.lossSettings.dwb).toEqual({ lambda: 0.5 });
    expect(state).toMatchObject({
      ratio: 500,
      losses: ['focal', 'dwb'],
      exampleClass: 0,
      logScale: true,
      lang: 'zh',
      alphaFromRatio: true,
    });
  });

  it('keeps each loss its own parameters: Poly-1’s ε and label smoothing’s ε are two settings', () => {
    const { state, notices } = parseUrl('?poly1.epsilon=-1&label-smoothing.epsilon=0.2');
    expect(notices).toEqual([]);
    expect(state.lossSettings.poly1.epsilon).toBe(-1);
    expect(state.lossSettings['label-smoothing'].epsilon).toBe(0.2);
  });

  it('reads the flat keys of older links as what they meant then', () => {
    const { state, notices } = parseUrl('?gamma=3&alpha=0.4&epsilon=2&lambda=0&tau=2&margin=0.1');
    expect(notices).toEqual([]);
    expect(state.lossSettings.focal).toEqual({ gamma: 3, alpha: 0.4 });
    expect(state.lossSettings['balanced-ce']).toEqual({ alpha: 0.4 });
    expect(state.lossSettings.poly1.epsilon).toBe(2);
    expect(state.lossSettings['poly1-focal'].epsilon).toBe(defaultState().lossSettings['poly1-focal'].epsilon);
    expect(state.lossSettings.dwb.lambda).toBe(0);
    expect(state.lossSettings['la-ce'].tau).toBe(2);
    expect(state.lossSettings.asl.margin).toBe(0.1);
  });

  it('clamps an out-of-range number and says so', () => {
    const { state, notices } = parseUrl('?focal.gamma=50&ratio=0.01');
    expect(state.lossSettings.focal.gamma).toBe(10);
    expect(state.ratio).toBe(1);
    expect(notices.map((n) => n.key)).toEqual(['notice.clamped', 'notice.clamped']);
    expect(notices[0]?.values).toMatchObject({ param: 'focal.gamma', raw: '50', value: '10' });
  });

  it('drops text that is not a number and keeps the default', () => {
    const { state, notices } = parseUrl('?focal.gamma=abc&alpha=&la-ce.tau=NaN&epsilon=Infinity');
    expect(state.lossSettings).toEqual(defaultState().lossSettings);
    expect(notices.map((n) => n.key)).toEqual(Array(4).fill('notice.notANumber'));
  });

  it('ignores unknown losses, unknown settings and bad choices, keeping the rest', () => {
    const { state, notices } = parseUrl('?losses=focal,<script>,ce&color=red&lang=fr&y=2');
    expect(state.losses).toEqual(['focal', 'ce']);
    expect(state.lang).toBe('en');
    expect(state.exampleClass).toBe(1);
    expect(notices.map((n) => n.key)).toEqual([
      'notice.unknownLoss',
      'notice.unknownParam',
      'notice.badChoice',
      'notice.badChoice',
    ]);
    expect(notices[0]?.values.raw).toBe('<script>');
  });

  it('shortens a very long bad value in its notice', () => {
    const { notices } = parseUrl(`?gamma=${'9'.repeat(500)}x`);
    expect(notices[0]?.values.raw?.length).toBeLessThanOrEqual(41);
  });

  it('never throws, whatever the query string', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), linkLike), (search) => {
        const { state } = parseUrl(search);
        for (const p of numberParams) {
          expect(state[p.key]).toBeGreaterThanOrEqual(p.min);
          expect(state[p.key]).toBeLessThanOrEqual(p.max);
        }
        for (const p of lossSettingParams) {
          expect(settingValue(state.lossSettings, p)).toBeGreaterThanOrEqual(p.min);
          expect(settingValue(state.lossSettings, p)).toBeLessThanOrEqual(p.max);
        }
      }),
    );
  });
});

describe('classifier settings in a link', () => {
  it('restore the view, the dataset, the network and the training choices', () => {
    const { state, notices } = parseUrl(
      '?view=classifier&train=dwb&shape=moons&size=5000&resample=smote&hiddenLayers=3&width=8&activation=relu&optimizer=sgd&learningRate=0.5&batchSize=256&weighting=effectiveNumber&threshold=0.3&backend=cpu&dataSeed=42',
    );
    expect(notices).toEqual([]);
    expect(state).toMatchObject({
      view: 'classifier',
      trainLoss: 'dwb',
      shape: 'moons',
      size: 5000,
      resampling: 'smote',
      hiddenLayers: 3,
      width: 8,
      activation: 'relu',
      optimizer: 'sgd',
      learningRate: 0.5,
      batchSize: 256,
      classWeighting: 'effectiveNumber',
      threshold: 0.3,
      backend: 'cpu',
      dataSeed: 42,
    });
  });

  it('round whole-number settings and reject unknown names', () => {
    const { state, notices } = parseUrl('?hiddenLayers=7&batchSize=100&shape=spiral&train=hinge');
    expect(state.hiddenLayers).toBe(3);
    expect(state.batchSize).toBe(128);
    expect(state.shape).toBe('blobs');
    expect(state.trainLoss).toBe('focal');
    expect(notices.map((n) => n.key)).toEqual(['notice.clamped', 'notice.badChoice', 'notice.badChoice']);
  });
});

describe('serializeUrl', () => {
  it('writes nothing for the defaults', () => {
    expect(serializeUrl(defaultState())).toBe('');
  });

  it('round-trips through parseUrl', () => {
    const defaults = defaultState();
    const lossSettings = { ...defaults.lossSettings, focal: { gamma: 0.5, alpha: 0.3 }, ldam: { maxMargin: 0.3, scale: 10 } };
    const state = { ...defaults, lossSettings, ratio: 1000, losses: ['dwb' as const], logScale: true, lang: 'zh' as const };
    expect(serializeUrl(state)).toContain('focal.gamma=0.5');
    expect(parseUrl(serializeUrl(state)).state).toEqual(state);
  });
});

describe('the language in a link', () => {
  it('is written when it differs from the browser’s, so a reload keeps the teacher’s choice', () => {
    const chineseBrowser = { ...defaultState(), lang: 'zh' as const };
    const english = { ...chineseBrowser, lang: 'en' as const };
    expect(serializeUrl(english, chineseBrowser)).toBe('?lang=en');
    expect(parseUrl(serializeUrl(english, chineseBrowser), chineseBrowser).state.lang).toBe('en');
    expect(serializeUrl(chineseBrowser, chineseBrowser)).toBe('');
  });
});

describe('a race in a link', () => {
  it('restores its lanes alongside the other settings', () => {
    const { state, notices } = parseUrl(`?view=classifier&focal.gamma=5&race=${encodeURIComponent('ce;focal:alpha=0.5;balanced-ce:auto')}`);
    expect(notices).toEqual([]);
    expect(state.lossSettings.focal.gamma).toBe(5);
    expect(state.race.map((lane) => lane.loss)).toEqual(['ce', 'focal', 'balanced-ce']);
    // The lane's γ is the table's default, not the link's top-level γ = 5.
    expect(state.race[1]?.settings).toEqual({ gamma: 2, alpha: 0.5 });
    expect(state.race[2]?.alphaFromRatio).toBe(true);
  });

  it('reports a lane’s problems with the rest of the link’s, in order', () => {
    const { state, notices } = parseUrl(`?gamma=50&race=${encodeURIComponent('ce;focal:gamma=50,epsilon=1')}&color=red`);
    expect(state.race[1]?.settings.gamma).toBe(10);
    expect(notices.map((n) => n.key)).toEqual(['notice.clamped', 'notice.laneClamped', 'notice.laneParam', 'notice.unknownParam']);
  });

  it('reads an empty race as no race, without a notice', () => {
    expect(parseUrl('?race=')).toEqual({ state: defaultState(), notices: [] });
  });

  it('is written only when there is one', () => {
    expect(serializeUrl({ ...defaultState(), race: [] })).toBe('');
    const race = racePresets[0]?.lanes ?? [];
    const link = serializeUrl({ ...defaultState(), race });
    expect(new URLSearchParams(link).get('race')).toBe('ce;focal:alpha=0.5;balanced-ce:auto;focal:auto');
  });

  it('round-trips any valid race through the link, without a notice', () => {
    const lane = fc.constantFrom(...racePresets.flatMap((p) => p.lanes), defaultLane('asl'), defaultLane('la-ce'));
    fc.assert(
      fc.property(fc.array(lane, { minLength: 2, maxLength: 4 }), (race) => {
        const state = { ...defaultState(), race };
        expect(parseUrl(serializeUrl(state))).toEqual({ state, notices: [] });
      }),
    );
  });

  it('never throws, whatever the race says', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (raw) => {
        const { state } = parseUrl(`?race=${encodeURIComponent(raw)}`);
        expect([0, 2, 3, 4]).toContain(state.race.length);
      }),
    );
  });
});
