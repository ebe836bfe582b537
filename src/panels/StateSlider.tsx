import { useTranslation } from 'react-i18next';
import type { BinaryLossId, ResolvedParams } from '../losses/types';
import type { LabState, NumericKey } from '../state/labState';
import { countsForRatio, resolveLoss, type ClassCounts, type LossSetup } from '../state/lossParams';
import { numberParamByKey, settingParamsOf } from '../state/paramTable';
import { formatBeta, formatParam, formatValue } from './format';
import { LossSwatch } from './LossPicker';
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
}

/** A slider bound to one row of the parameter table and one field of the lab state. */
export function StateSlider({ paramKey, state, update, note }: Props) {
  const { t } = useTranslation();
  const param = numberParamByKey[paramKey];
  const value = state[paramKey];
  return (
    <ParamSlider
      param={param}
      label={t(`param.${paramKey}`)}
      value={value}
      display={displays[paramKey]?.(value)}
      note={note}
      onChange={(v) => update({ [paramKey]: v })}
    />
  );
}

interface LossSettingsProps {
  loss: BinaryLossId;
  state: LabState;
  update(patch: Partial<LabState>): void;
  /** The class counts a tied setting follows (default: the ratio slider's). */
  counts?: ClassCounts;
}

/** One loss's own sliders under its name and swatch (the curves and the single network). */
export function LossSettings({ loss, state, update, counts = countsForRatio(state.ratio) }: LossSettingsProps) {
  const { t } = useTranslation();
  if (settingParamsOf(loss).length === 0) return null;
  const setup = { loss, settings: state.lossSettings[loss], alphaFromRatio: state.alphaFromRatio };
  return (
    <fieldset className="loss-settings" data-testid={`settings-${loss}`}>
      <legend>
        <LossSwatch id={loss} /> {t(`loss.${loss}`)}
      </legend>
      <LossSettingSliders
        {...setup}
        resolved={resolveLoss(setup, counts)}
        onChange={(name, value) => update({ lossSettings: { ...state.lossSettings, [loss]: { ...setup.settings, [name]: value } } })}
      />
    </fieldset>
  );
}

interface LossSettingSlidersProps extends LossSetup {
  /** What the loss is computed with: a setting tied to the counts shows this value, disabled. */
  resolved: ResolvedParams;
  onChange(name: string, value: number): void;
}

/** A slider for each of a loss's settings: in the explorer, the single network and every race lane. */
export function LossSettingSliders({ loss, settings, alphaFromRatio, resolved, onChange }: LossSettingSlidersProps) {
  const { t } = useTranslation();
  return settingParamsOf(loss).map((row) => {
    const tied = alphaFromRatio && row.spec.fromCounts !== undefined;
    const value = (tied ? resolved[row.name] : settings[row.name]) ?? row.defaultValue;
    return (
      <ParamSlider
        key={row.key}
        param={row}
        label={t(`lossSetting.${loss}.${row.name}`)}
        value={value}
        display={row.spec.scale.kind === 'nines' ? formatBeta(value) : undefined}
        disabled={tied}
        onChange={(v) => onChange(row.name, v)}
      />
    );
  });
}

/** α tied to the class counts (α/(1 − α) = n_neg/n_pos), as the source article derives it. */
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
