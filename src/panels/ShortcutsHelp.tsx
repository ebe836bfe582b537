import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useModalDialog } from './useModalDialog';
import { ariaShortcut, shortcuts, useShortcut } from './useShortcuts';

/**
 * The keyboard shortcuts, listed in a modal dialog that "?" or its button opens: focus moves into
 * it, Esc or Close shuts it, and focus goes back to where it was.
 */
export function ShortcutsHelp() {
  const { t } = useTranslation();
  const { dialogRef, open, close, onClose } = useModalDialog();
  const titleId = useId();
  useShortcut('help', open);

  return (
    <>
      <button type="button" data-testid="shortcuts-open" aria-haspopup="dialog" aria-keyshortcuts={ariaShortcut('help')} onClick={open}>
        {t('shortcuts.open')}
      </button>
      <dialog ref={dialogRef} className="shortcuts-dialog" aria-labelledby={titleId} data-testid="shortcuts-dialog" onClose={onClose}>
        <h2 id={titleId}>{t('shortcuts.title')}</h2>
        <table className="shortcuts-table">
          <tbody>
            {shortcuts.map(({ id }) => (
              <tr key={id} data-testid={`shortcut-${id}`}>
                <th scope="row">
                  <kbd>{t(`shortcuts.${id}.key`)}</kbd>
                </th>
                <td>{t(`shortcuts.${id}.action`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="hint">{t('shortcuts.note')}</p>
        <div className="dialog-buttons">
          <button type="button" className="primary" data-testid="shortcuts-close" onClick={close}>
            {t('shortcuts.close')}
          </button>
        </div>
      </dialog>
    </>
  );
}
