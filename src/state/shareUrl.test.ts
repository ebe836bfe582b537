import { describe, expect, it } from 'vitest';
import { defaultState } from './paramTable';
import { shareUrl } from './shareUrl';
import { parseUrl } from './url';

describe('shareUrl', () => {
  const page = 'https://lab.example/imbalance/?ratio=10#charts';

  it('writes the state it is given, not the query of the page it was opened at', () => {
    const state = { ...defaultState(), ratio: 500, view: 'classifier' as const };
    const link = new URL(shareUrl(state, defaultState(), page));
    expect(`${link.origin}${link.pathname}`).toBe('https://lab.example/imbalance/');
    expect(link.hash).toBe('');
    expect(parseUrl(link.search).state).toEqual(state);
  });

  it('leaves out what equals the defaults the address bar uses, so the default view is the bare page', () => {
    const chineseBrowser = { ...defaultState(), lang: 'zh' as const };
    expect(shareUrl(chineseBrowser, chineseBrowser, page)).toBe('https://lab.example/imbalance/');
    expect(shareUrl(defaultState(), chineseBrowser, page)).toBe('https://lab.example/imbalance/?lang=en');
  });
});
