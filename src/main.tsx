import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from './i18n';
import { App } from './panels/App';
import { ChunkLoadError } from './panels/lazyWithRetry';
import { registerServiceWorker } from './pwa/serviceWorker';
import { lessonStepInLink, lessonStepSettings } from './lesson/settings';
import { defaultState } from './state/paramTable';
import { parseUrl } from './state/url';
import './styles.css';

// Without ?lang=, a Chinese browser gets the Chinese page.
const base = defaultState();
if (navigator.language.toLowerCase().startsWith('zh')) base.lang = 'zh';
// A link to a lesson step shows that step as it is taught: its settings first, then whatever else
// the link says on top.
const first = parseUrl(window.location.search, base);
const lesson = lessonStepInLink(first.state.lessonStep);
const linked = lesson.step > 0 ? parseUrl(window.location.search, { ...base, ...lessonStepSettings(lesson.step) }) : first;
const state = { ...linked.state, lessonStep: lesson.step };
const notices = lesson.notice ? [...linked.notices.filter((n) => n.values.param !== 'lessonStep'), lesson.notice] : linked.notices;
registerServiceWorker();

void initI18n(state.lang).then(() => {
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  createRoot(root, {
    // What an ErrorBoundary caught, logged once. A view whose code did not arrive is expected (a
    // flaky network, a new deploy) and answered on the page: a warning, not an error.
    onCaughtError: (error, info) => {
      if (error instanceof ChunkLoadError) console.warn(error);
      else console.error(error, info.componentStack);
    },
  }).render(
    <StrictMode>
      <App initialState={state} defaults={base} initialNotices={notices} />
    </StrictMode>,
  );
});
