import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BinaryLossId, ResolvedParams } from '../losses/types';
import { ErrorBoundary } from './ErrorBoundary';
import { lazyWithRetry } from './lazyWithRetry';
import { useClipboard } from './useClipboard';

// The exporter is code a student asks for now and then: it stays out of the first download.
const PytorchSource = lazyWithRetry(() => import('./PytorchSource'));

interface Props {
  loss: BinaryLossId;
  params: ResolvedParams;
}

/**
 * "Copy as PyTorch" beside a formula: the loss at the current values as a self-contained
 * `loss_fn(logits, targets)`. The code is also shown, so it can be selected where the clipboard is refused.
 */
export function PytorchCode({ loss, params }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [copyState, copy] = useClipboard();
  return (
    <details className="code-export" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('formulas.pytorchCode')}</summary>
      {open ? (
        <ErrorBoundary>
          <Suspense fallback={<p className="loading">{t('formulas.loading')}</p>}>
            <PytorchSource loss={loss} params={params} copyState={copyState} copy={copy} />
          </Suspense>
        </ErrorBoundary>
      ) : null}
    </details>
  );
}
