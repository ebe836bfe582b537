import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { LabState } from '../state/labState';
import { numberParamByKey, numberParams } from '../state/paramTable';
import type { NumberParam } from '../state/paramTable';
import { LossPicker } from './LossPicker';
import { AutoAlphaToggle, StateSlider } from './StateSlider';

interface Props {
  state: LabState;
  update(patch: Partial<LabState>): void;
}

/** γ, α and the ratio are the lesson's three dials and always shown; the rest appear with their loss. */
const alwaysShown = new Set(['gamma', 'alpha', 'ratio']);

export function Controls({ state, update }: Props) {
  const { t } = useTranslation();
  const setLosses = useCallback((losses: LabState['losses']) => update({ losses }), [update]);
  const visible = (p: NumberParam) =>
    alwaysShown.has(p.key) || p.usedBy.some((id) => state.losses.includes(id));
  const usage = (p: NumberParam) => {
    const users = p.usedBy.filter((id) => state.losses.includes(id));
    const usedBy = t('controls.usedBy', { losses: users.map((id) => t(`loss.${id}`)).join(', ') });
    if (p.key === 'ratio') return users.length > 0 ? `${t('controls.ratioUse')}; ${usedBy}` : t('controls.ratioUse');
    return users.length > 0 ? usedBy : t('controls.notUsed');
  };
  const slider = (p: NumberParam) => (
    <StateSlider key={p.key} paramKey={p.key} state={state} update={update} note={p.usedBy.length > 0 ? usage(p) : undefined} />
  );

  return (
    <aside className="controls" aria-label={t('controls.heading')}>
      <LossPicker selected={state.losses} onChange={setLosses} />
      <fieldset>
        <legend>{t('controls.parameters')}</legend>
        {slider(numberParamByKey.gamma)}
        {slider(numberParamByKey.alpha)}
        <AutoAlphaToggle state={state} update={update} />
        {slider(numberParamByKey.ratio)}
        {numberParams.filter((p) => !alwaysShown.has(p.key) && p.usedBy.length > 0 && visible(p)).map(slider)}
      </fieldset>
      <fieldset>
        <legend>{t('controls.exampleClass')}</legend>
        {([1, 0] as const).map((y) => (
          <label key={y} className="check-row">
            <input
              type="radio"
              name="example-class"
              data-testid={`example-class-${y}`}
              checked={state.exampleClass === y}
              onChange={() => update({ exampleClass: y })}
            />
            <span>{t(y === 1 ? 'controls.minority' : 'controls.majority')}</span>
          </label>
        ))}
      </fieldset>
      <label className="check-row">
        <input
          type="checkbox"
          data-testid="toggle-log"
          checked={state.logScale}
          onChange={(e) => update({ logScale: e.target.checked })}
        />
        <span>{t('controls.logScale')}</span>
      </label>
    </aside>
  );
}
