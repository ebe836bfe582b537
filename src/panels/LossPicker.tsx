import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { lossStyles } from '../config';
import { binaryLossIds } from '../losses';
import type { BinaryLossId } from '../losses/types';

/** A short stroke in the loss's colour and dash, so the legend matches the curves without colour. */
export function LossSwatch({ id }: { id: BinaryLossId }) {
  const { color, dash } = lossStyles[id];
  return (
    <svg className="swatch" width="44" height="12" aria-hidden="true">
      <line x1="2" x2="42" y1="6" y2="6" stroke={color} strokeWidth="4" strokeDasharray={dash || undefined} />
    </svg>
  );
}

interface Props {
  selected: BinaryLossId[];
  onChange(losses: BinaryLossId[]): void;
}

export const LossPicker = memo(function LossPicker({ selected, onChange }: Props) {
  const { t } = useTranslation();
  const toggle = (id: BinaryLossId, on: boolean) =>
    // Keep the table's order so colours and rows never shuffle.
    onChange(binaryLossIds.filter((other) => (other === id ? on : selected.includes(other))));

  return (
    <fieldset className="loss-picker">
      <legend>{t('controls.losses')}</legend>
      {binaryLossIds.map((id) => (
        <label key={id} className="check-row">
          <input
            type="checkbox"
            data-testid={`toggle-${id}`}
            checked={selected.includes(id)}
            onChange={(e) => toggle(id, e.target.checked)}
          />
          <LossSwatch id={id} />
          <span>{t(`loss.${id}`)}</span>
        </label>
      ))}
    </fieldset>
  );
});
