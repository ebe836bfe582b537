import { useTranslation } from 'react-i18next';
import type { LabState, NumericKey } from '../state/labState';
import { effectiveAlpha, type ClassCounts } from '../state/lossParams';
import { numberParamByKey } from '../state/paramTable';
import { formatBeta, formatParam, formatValue } from './format';
import { ParamSlider } from './ParamSlider';

/** How a few settings read better than a bare number. */
const displays: Partial<Record<NumericKey, (v: number) => string>> = {
  ratio: (v) => `1 : ${formatParam(v)}`,
  learningRate: (v) => formatValue(v, 3),
  beta: formatBeta,
  size: (v) => v.toLocaleString('en-US'),
};

interface Props {
  paramKey: NumericKey;
  state: LabState;
  update(patch: Partial<LabState>): void;
  note?: string;
  /** The class counts α follows when tied to them (default: the ratio slider's). */
  counts?: ClassCounts;
}

/** A slider bound to one row of the parameter table and one field of the lab state. */
export function StateSlider({ paramKey, state, update, note, counts }: Props) {
  const { t } = useTranslation();
  const param = numberParamByKey[paramKey];
  const value = paramKey === 'alpha' ? effectiveAlpha(state, counts) : state[paramKey];
  return (
    <ParamSlider
      param={param}
      label={t(`param.${paramKey}`)}
      value={value}
      display={displays[paramKey]?.(value)}
      note={note}
      disabled={paramKey === 'alpha' && state.alphaFromRatio}
      onChange={(v) => update({ [paramKey]: v })}
    />
  );
}

/** α tied to the class ratio (α/(1 − α) = n_neg/n_pos), as the source article derives it. */
export function AutoAlphaToggle({ state, update }: Pick<Props, 'state' | 'update'>) {
  const { t } = useTranslation();
  return (
    <label className="check-row">
      <input
        type="checkbox"
        data-testid="toggle-auto-alpha"
        checked={state.alphaFromRatio}
        onChange={(e) => update({ alphaFromRatio: e.target.checked })}
      />
      <span>
        {t('controls.autoAlpha')} <small>{t('controls.autoAlphaHint')}</small>
      </span>
    </label>
  );
}
