import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { i18next, switchLanguage } from '../i18n';
import type { LabState } from '../state/labState';
import { useLossParams } from '../state/lossParams';
import type { UrlNotice } from '../state/url';
import { useLabState } from '../state/useLabState';
import { CurvesView } from './CurvesView';
import { ErrorBoundary } from './ErrorBoundary';
import { Header } from './Header';
import { lazyWithRetry } from './lazyWithRetry';
import { LessonBar } from './LessonBar';
import { Notices } from './Notices';
import { UpdateBanner } from './UpdateBanner';

// The classifier (and the training worker it starts) loads only when someone opens it; if its code
// does not arrive, the error boundary's "Try again" imports it afresh.
const ClassifierView = lazyWithRetry(() => import('./classifier/ClassifierView'));

interface Props {
  initialState: LabState;
  /** What a link without parameters shows in this browser. */
  defaults: LabState;
  initialNotices: UrlNotice[];
}

export function App({ initialState, defaults, initialNotices }: Props) {
  const { t } = useTranslation();
  const [state, update] = useLabState(initialState, defaults);
  const [notices, setNotices] = useState(initialNotices);
  const params = useLossParams(state);

  // On <html>, so the rem sizes of everything (dialogs too) follow projector mode.
  useEffect(() => {
    document.documentElement.classList.toggle('projector', state.projector);
  }, [state.projector]);

  useEffect(() => {
    void switchLanguage(state.lang).then(() => {
      document.documentElement.lang = state.lang === 'zh' ? 'zh-CN' : 'en';
      document.title = i18next.t('app.title');
    });
  }, [state.lang]);

  return (
    <div className="app">
      <Header state={state} defaults={defaults} update={update} />
      <UpdateBanner />
      <Notices notices={notices} onDismiss={() => setNotices([])} />
      <LessonBar step={state.lessonStep} update={update} />
      <ErrorBoundary key={state.view}>
        {state.view === 'curves' ? (
          <CurvesView state={state} params={params} update={update} />
        ) : (
          <Suspense fallback={<p className="loading">{t('app.loadingClassifier')}</p>}>
            <ClassifierView state={state} update={update} />
          </Suspense>
        )}
      </ErrorBoundary>
    </div>
  );
}
