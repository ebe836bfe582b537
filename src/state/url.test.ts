import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultState, numberParams } from './paramTable';
import { parseUrl, serializeUrl } from './url';

describe('parseUrl', () => {
  it('restores every setting from a shared link', () => {
    const { state, notices } = parseUrl('?gamma=3.5&alpha=0.4&ratio=500&losses=focal,dwb&y=0&log=1&lang=zh&autoAlpha=1');
    expect(notices).toEqual([]);
    expect(state).toMatchObject({
      gamma: 3.5,
      alpha: 0.4,
      ratio: 500,
      losses: ['focal', 'dwb'],
      exampleClass: 0,
      logScale: true,
      lang: 'zh',
      alphaFromRatio: true,
    });
  });

  it('clamps an out-of-range number and says so', () => {
    const { state, notices } = parseUrl('?gamma=50&ratio=0.01');
    expect(state.gamma).toBe(10);
    expect(state.ratio).toBe(1);
    expect(notices.map((n) => n.key)).toEqual(['notice.clamped', 'notice.clamped']);
    expect(notices[0]?.values).toMatchObject({ param: 'gamma', raw: '50', value: '10' });
  });

  it('drops text that is not a number and keeps the default', () => {
    const { state, notices } = parseUrl('?gamma=abc&alpha=&tau=NaN&epsilon=Infinity');
    expect(state.gamma).toBe(defaultState().gamma);
    expect(state.alpha).toBe(defaultState().alpha);
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
      fc.property(fc.string({ maxLength: 200 }), (search) => {
        const { state } = parseUrl(search);
        for (const p of numberParams) {
          expect(state[p.key]).toBeGreaterThanOrEqual(p.min);
          expect(state[p.key]).toBeLessThanOrEqual(p.max);
        }
      }),
    );
  });
});

describe('serializeUrl', () => {
  it('writes nothing for the defaults', () => {
    expect(serializeUrl(defaultState())).toBe('');
  });

  it('round-trips through parseUrl', () => {
    const state = { ...defaultState(), gamma: 0.5, ratio: 1000, losses: ['dwb' as const], logScale: true, lang: 'zh' as const };
    expect(parseUrl(serializeUrl(state)).state).toEqual(state);
  });
});
