import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from './i18n';
import { App } from './panels/App';
import { defaultState } from './state/paramTable';
import { parseUrl } from './state/url';
import './styles.css';

// Without ?lang=, a Chinese browser gets the Chinese page.
const base = defaultState();
if (navigator.language.toLowerCase().startsWith('zh')) base.lang = 'zh';
const { state, notices } = parseUrl(window.location.search, base);

void initI18n(state.lang).then(() => {
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  createRoot(root).render(
    <StrictMode>
      <App initialState={state} defaults={base} initialNotices={notices} />
    </StrictMode>,
  );
});
