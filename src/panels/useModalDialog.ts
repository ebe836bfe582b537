import { useCallback, useRef } from 'react';

/**
 * A native modal <dialog>: `open` moves focus into it (the browser does), Esc or `close` shuts it,
 * and `onClose` gives focus back to where it was. `onOpen` runs each time it opens.
 */
export function useModalDialog(onOpen?: () => void) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  const open = useCallback(() => {
    const dialog = dialogRef.current;
    if (!dialog || dialog.open) return;
    returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    onOpen?.();
  }, [onOpen]);
  const close = useCallback(() => dialogRef.current?.close(), []);
  const onClose = useCallback(() => {
    returnTo.current?.focus();
    returnTo.current = null;
  }, []);
  return { dialogRef, open, close, onClose };
}
