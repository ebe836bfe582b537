import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { reloadToNewVersion, subscribeToUpdates, updateStatus } from '../pwa/serviceWorker';

/** "A new version is available": shown until the person reloads; nothing changes under their hands. */
export function UpdateBanner() {
  const { t } = useTranslation();
  const status = useSyncExternalStore(subscribeToUpdates, updateStatus);
  if (status === 'current') return null;
  return (
    <div className="notices" role="status" data-testid="update-banner" data-status={status}>
      <p>{t('update.available')}</p>
      <button type="button" onClick={reloadToNewVersion} data-testid="update-reload">
        {t('update.reload')}
      </button>
    </div>
  );
}
