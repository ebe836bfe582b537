import { useTranslation } from 'react-i18next';
import type { UrlNotice } from '../state/url';

/** The polite list of what a shared link got wrong and how the page fixed it. */
export function Notices({ notices, onDismiss }: { notices: UrlNotice[]; onDismiss(): void }) {
  const { t } = useTranslation();
  if (notices.length === 0) return null;
  return (
    <div className="notices" role="status" data-testid="notices">
      <p>{t('notice.heading')}</p>
      <ul>
        {notices.map((notice, i) => (
          <li key={i} data-testid="notice">
            {t(notice.key, notice.values)}
          </li>
        ))}
      </ul>
      <button type="button" onClick={onDismiss}>
        {t('notice.dismiss')}
      </button>
    </div>
  );
}
