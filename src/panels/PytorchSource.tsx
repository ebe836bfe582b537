import { useTranslation } from 'react-i18next';
import { pytorchLossSource } from '../export/pytorch';
import type { BinaryLossId, ResolvedParams } from '../losses/types';
import type { CopyState } from './useClipboard';

interface Props {
  loss: BinaryLossId;
  params: ResolvedParams;
  copyState: CopyState;
  copy(text: string): void;
}

/** The code and its copy button; loaded only when someone opens "This loss in PyTorch". */
export default function PytorchSource({ loss, params, copyState, copy }: Props) {
  const { t } = useTranslation();
  const code = pytorchLossSource(loss, params);
  return (
    <>
      <button type="button" data-testid={`copy-pytorch-${loss}`} onClick={() => copy(code)}>
        {copyState === 'idle' ? t('formulas.copyPytorch') : t(copyState === 'copied' ? 'formulas.copied' : 'formulas.copyFailed')}
      </button>
      {/* Focusable: the code scrolls, and a keyboard must be able to scroll and select it too. */}
      <pre data-testid={`pytorch-${loss}`} tabIndex={0} aria-label={t('formulas.pytorchCode')}>
        <code>{code}</code>
      </pre>
    </>
  );
}
