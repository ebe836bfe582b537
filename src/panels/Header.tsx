import { useTranslation } from 'react-i18next';
import { lessonStepSettings } from '../lesson/settings';
import { labViews, languages, type LabState, type Language } from '../state/labState';
import { shareUrl } from '../state/shareUrl';
import { QrShare } from './QrShare';
import { ShortcutsHelp } from './ShortcutsHelp';
import { useClipboard } from './useClipboard';
const languageNames: Record<Language, string> = { en: 'English', zh: '中文' };

interface Props {
  state: LabState;
  /** What the address bar leaves out (this browser's defaults): the shared link leaves out the same. */
  defaults: LabState;
  update(patch: Partial<LabState>): void;
}

export function Header({ state, defaults, update }: Props) {
  const { lang, view } = state;
  const { t } = useTranslation();
  const [copyState, copy] = useClipboard();
  const copyLink = () => copy(shareUrl(state, defaults));
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
        {labViews.map((name) => (
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
        <QrShare url={shareUrl(state, defaults)} />
        <button type="button" aria-pressed={state.projector} data-testid="projector" onClick={() => update({ projector: !state.projector })}>
          {t('app.projector')}
        </button>
        <ShortcutsHelp />
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
