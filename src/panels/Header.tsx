import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { languages } from '../i18n';
import { lessonStepSettings } from '../state/lessonSettings';
import type { LabState, LabView, Language } from '../state/labState';

const COPY_MESSAGE_MS = 2500;
const languageNames: Record<Language, string> = { en: 'English', zh: '中文' };

const views: readonly LabView[] = ['curves', 'classifier'];

interface Props {
  state: Pick<LabState, 'lang' | 'view' | 'lessonStep'>;
  update(patch: Partial<LabState>): void;
}

export function Header({ state, update }: Props) {
  const { lang, view } = state;
  const { t } = useTranslation();
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copyLink = () => {
    const show = (outcome: 'copied' | 'failed') => {
      setCopyState(outcome);
      window.setTimeout(() => setCopyState('idle'), COPY_MESSAGE_MS);
    };
    // The clipboard API is missing on plain-http pages other than localhost.
    if (!navigator.clipboard) return show('failed');
    navigator.clipboard.writeText(window.location.href).then(() => show('copied'), () => show('failed'));
  };
  return (
    <header className="app-header">
      <a className="skip-link" href="#charts">
        {t('app.skipToCharts')}
      </a>
      <div className="brand">
        <h1>{t('app.title')}</h1>
        <p className="tagline">{t('app.tagline')}</p>
      </div>
      <nav className="view-tabs" aria-label={t('app.views')}>
        {views.map((name) => (
          <button
            key={name}
            type="button"
            aria-pressed={view === name}
            data-testid={`view-${name}`}
            onClick={() => update({ view: name })}
          >
            {t(`app.view.${name}`)}
          </button>
        ))}
      </nav>
      <div className="header-actions">
        {state.lessonStep === 0 ? (
          <button type="button" data-testid="lesson-open" onClick={() => update(lessonStepSettings(1))}>
            {t('guide.open')}
          </button>
        ) : null}
        <button type="button" onClick={copyLink} data-testid="share">
          {copyState === 'idle' ? t('controls.share') : t(copyState === 'copied' ? 'controls.copied' : 'controls.copyFailed')}
        </button>
        <div role="group" aria-label={t('app.language')} className="lang-switch" data-testid="lang-switch">
          {languages.map((code) => (
            <button
              key={code}
              type="button"
              lang={code}
              aria-pressed={lang === code}
              data-testid={`lang-${code}`}
              onClick={() => update({ lang: code })}
            >
              {languageNames[code]}
            </button>
          ))}
        </div>
      </div>
    </header>
  );
}
