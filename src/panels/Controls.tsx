import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { binaryLosses } from '../losses';
import type { BinaryLossId } from '../losses/types';
import type { LabState } from '../state/labState';
import { canFollowCounts } from '../state/paramTable';
import { LossPicker } from './LossPicker';
import { AutoAlphaToggle, LossSettings, StateSlider } from './StateSlider';

interface Props {
  state: LabState;
  update(patch: Partial<LabState>): void;
}

/** A loss reads the class ratio when a parameter of its own is derived from the counts (DWB's weights, LDAM's margins…). */
const derivesFromCounts = (id: BinaryLossId) => Object.values(binaryLosses[id].params).some((spec) => spec.kind === 'derived');

export function Controls({ state, update }: Props) {
  const { t } = useTranslation();
  const setLosses = useCallback((losses: LabState['losses']) => update({ losses }), [update]);
  const ratioUsers = state.losses.filter((id) => derivesFromCounts(id) || (state.alphaFromRatio && canFollowCounts(id)));
  const ratioNote =
    ratioUsers.length > 0
      ? `${t('controls.ratioUse')}; ${t('controls.usedBy', { losses: ratioUsers.map((id) => t(`loss.${id}`)).join(', ') })}`
      : t('controls.ratioUse');

  return (
    <aside className="controls" aria-label={t('controls.heading')}>
      <LossPicker selected={state.losses} onChange={setLosses} />
      <fieldset>
        <legend>{t('controls.parameters')}</legend>
        <StateSlider paramKey="ratio" state={state} update={update} note={ratioNote} />
        {state.losses.some(canFollowCounts) ? <AutoAlphaToggle state={state} update={update} /> : null}
        {state.losses.map((id) => (
          <LossSettings key={id} loss={id} state={state} update={update} />
        ))}
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
