import { useId } from 'react';
import type { NumberParam } from '../state/paramTable';
import { formatParam } from './format';

interface Props {
  param: NumberParam;
  label: string;
  value: number;
  /** What the value reads as, when it is not just the number (e.g. "1 : 100"). */
  display?: string;
  note?: string;
  disabled?: boolean;
  onChange(value: number): void;
}

/** A range input over the parameter's own scale (fine steps near γ = 0, a log track for the ratio). */
export function ParamSlider({ param, label, value, display, note, disabled, onChange }: Props) {
  const id = useId();
  const shown = display ?? formatParam(value);
  return (
    <div className={`slider-row${disabled ? ' is-disabled' : ''}`}>
      <label htmlFor={id} className="slider-label">
        <span>{label}</span>
        <output htmlFor={id} className="slider-value" data-testid={`value-${param.key}`}>
          {shown}
        </output>
      </label>
      <input
        id={id}
        type="range"
        data-testid={`slider-${param.key}`}
        min={0}
        max={param.scale.steps}
        step={1}
        value={param.scale.toPosition(value)}
        aria-valuetext={shown}
        disabled={disabled}
        onChange={(e) => onChange(param.scale.toValue(Number(e.target.value)))}
      />
      {note ? <small className="slider-note">{note}</small> : null}
    </div>
  );
}
