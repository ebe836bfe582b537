import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useModalDialog } from './useModalDialog';

interface Props {
  /** The link the code opens: the current view, written from the state (state/shareUrl.ts). */
  url: string;
}

/** Modules of quiet zone around the code, as the QR standard asks (4). */
const QUIET = 4;

interface QrSymbol {
  size: number;
  /** One SVG path of every dark module, in module units. */
  path: string;
}

/**
 * The link as a QR code students can scan from their seats, drawn in the page: no service, works
 * offline. The encoder (qrcode) loads when the dialog first opens.
 */
async function encode(url: string): Promise<QrSymbol> {
  const { create } = await import('qrcode');
  const { modules } = create(url, { errorCorrectionLevel: 'M' });
  const size = modules.size;
  let path = '';
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      if (modules.get(row, col)) path += `M${col + QUIET} ${row + QUIET}h1v1h-1z`;
    }
  }
  return { size: size + 2 * QUIET, path };
}

export function QrShare({ url }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const [symbol, setSymbol] = useState<{ url: string; qr: QrSymbol } | { url: string; failed: true } | null>(null);
  // The link of this moment: a code for the view the teacher is showing, not the one at page load.
  const makeCode = useCallback(() => {
    encode(url).then(
      (qr) => setSymbol({ url, qr }),
      () => setSymbol({ url, failed: true }),
    );
  }, [url]);
  const { dialogRef, open, close, onClose } = useModalDialog(makeCode);

  return (
    <>
      <button type="button" data-testid="qr-open" aria-haspopup="dialog" onClick={open}>
        {t('share.qrOpen')}
      </button>
      <dialog ref={dialogRef} className="qr-dialog" aria-labelledby={titleId} data-testid="qr-dialog" onClose={onClose}>
        <h2 id={titleId}>{t('share.qrTitle')}</h2>
        {symbol === null ? (
          <p className="loading">{t('share.qrMaking')}</p>
        ) : 'failed' in symbol ? (
          <p className="notice-inline">{t('share.qrFailed')}</p>
        ) : (
          <svg
            className="qr-code"
            data-testid="qr-code"
            viewBox={`0 0 ${symbol.qr.size} ${symbol.qr.size}`}
            role="img"
            aria-label={t('share.qrLabel', { url: symbol.url })}
            shapeRendering="crispEdges"
          >
            <rect width={symbol.qr.size} height={symbol.qr.size} fill="#fff" />
            <path d={symbol.qr.path} fill="#000" />
          </svg>
        )}
        {symbol ? (
          <p className="qr-url" data-testid="qr-url">
            {symbol.url}
          </p>
        ) : null}
        <div className="dialog-buttons">
          <button type="button" className="primary" data-testid="qr-close" onClick={close}>
            {t('share.close')}
          </button>
        </div>
      </dialog>
    </>
  );
}
