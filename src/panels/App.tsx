import { useCallback, useEffect, useMemo, useState } from 'react';
import { i18next } from '../i18n';
import { logit } from '../losses';
import { defaultCursorPt } from '../config';
import type { ExplorerState } from '../state/explorerState';
import { lossParams } from '../state/lossParams';
import type { UrlNotice } from '../state/url';
import { useExplorerState } from '../state/useExplorerState';
import { useSettledValue } from './useSettledValue';
import { Controls } from './Controls';
import { CurveCharts } from './CurveCharts';
import { Formulas } from './Formulas';
import { Header } from './Header';
import { LessonNotes } from './LessonNotes';
import { Notices } from './Notices';
import { Readout } from './Readout';
import { WeightsTable } from './WeightsTable';

const FORMULA_SETTLE_MS = 150;

interface Props {
  initialState: ExplorerState;
  initialNotices: UrlNotice[];
}

export function App({ initialState, initialNotices }: Props) {
  const [state, update] = useExplorerState(initialState);
  const [notices, setNotices] = useState(initialNotices);
  const [cursorXt, setCursorXt] = useState(() => logit(defaultCursorPt));
  const params = useMemo(() => lossParams(state), [state]);
  const formulaParams = useSettledValue(params, FORMULA_SETTLE_MS);
  const setBeta = useCallback((beta: number) => update({ beta }), [update]);

  useEffect(() => {
    void i18next.changeLanguage(state.lang);
    document.documentElement.lang = state.lang === 'zh' ? 'zh-CN' : 'en';
    document.title = i18next.t('app.title');
  }, [state.lang]);

  return (
    <div className="app">
      <Header lang={state.lang} onLang={(lang) => update({ lang })} />
      <Notices notices={notices} onDismiss={() => setNotices([])} />
      <div className="layout">
        <Controls state={state} update={update} />
        <main className="main">
          <CurveCharts
            losses={state.losses}
            params={params}
            exampleClass={state.exampleClass}
            logScale={state.logScale}
            cursorXt={cursorXt}
            onCursorXt={setCursorXt}
          />
          <div className="below-charts">
            <Readout losses={state.losses} params={params} exampleClass={state.exampleClass} cursorXt={cursorXt} />
            <LessonNotes />
          </div>
          <div className="below-charts">
            <Formulas losses={state.losses} params={formulaParams} />
            <WeightsTable ratio={state.ratio} beta={state.beta} onBeta={setBeta} />
          </div>
        </main>
      </div>
    </div>
  );
}
