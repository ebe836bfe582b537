import { useId } from 'react';
import type { ReactNode } from 'react';

interface Props<T extends string> {
  legend: string;
  options: readonly T[];
  value: T;
  label(option: T): ReactNode;
  onChange(option: T): void;
  testId: string;
}

/** One of a few named options, as a group of radio buttons (keyboard: arrow keys move the choice). */
export function ChoiceGroup<T extends string>({ legend, options, value, label, onChange, testId }: Props<T>) {
  const name = useId();
  return (
    <fieldset className="choice-group" data-testid={testId}>
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option} className="check-row">
          <input
            type="radio"
            name={name}
            value={option}
            data-testid={`${testId}-${option}`}
            checked={value === option}
            onChange={() => onChange(option)}
          />
          <span>{label(option)}</span>
        </label>
      ))}
    </fieldset>
  );
}
