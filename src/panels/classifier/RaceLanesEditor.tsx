import { useTranslation } from 'react-i18next';
import { binaryLossIds } from '../../losses';
import type { BinaryLossId } from '../../losses/types';
import type { LabState, RaceLane } from '../../state/labState';
import { defaultLane, raceLaneLimits, racePresets } from '../../state/race';
import { classWeightings } from '../../model/protocol';
import { canFollowCounts, numberParamByKey, settingParamsOf } from '../../state/paramTable';
import type { ClassCounts } from '../../state/lossParams';
import type { LaneTraining } from '../../model/protocol';
import { DerivedFromCounts } from './DerivedFromCounts';
import { formatBeta } from '../format';
import { ParamSlider } from '../ParamSlider';
import { LossSettingSliders } from '../StateSlider';
import { laneStyles } from './laneStyles';
import { LaneSwatch } from './LaneName';

interface Props {
  state: LabState;
  update(patch: Partial<LabState>): void;
  /** What each lane trains with, for the parameters derived from the training counts. */
  lanes: readonly LaneTraining[];
  trainCounts: ClassCounts;
}

/** A lane that switches loss keeps the settings the two losses share by name (focal's γ to Poly-1 focal's γ). */
function switchedLoss(lane: RaceLane, loss: BinaryLossId): RaceLane {
  const fresh = defaultLane(loss);
  const kept = settingParamsOf(loss).flatMap((row) => {
    const value = lane.settings[row.name];
    return value === undefined ? [] : [[row.name, row.scale.snap(value)] as const];
  });
  return { ...fresh, settings: { ...fresh.settings, ...Object.fromEntries(kept) }, alphaFromRatio: lane.alphaFromRatio, classWeighting: lane.classWeighting, beta: lane.beta };
}

/** Each lane's loss, its own sliders and its class weights; presets; add and remove. Any edit restarts the race. */
export function RaceLanesEditor({ state, update, lanes, trainCounts }: Props) {
  const { t } = useTranslation();
  const { race } = state;
  const styles = laneStyles(race.map((lane) => lane.loss));
  const setLane = (k: number, lane: RaceLane) => update({ race: race.map((other, i) => (i === k ? lane : other)) });
  const select = <T extends string>(testId: string, label: string, value: T, options: readonly T[], name: (o: T) => string, onChange: (o: T) => void) => (
    <label className="select-row">
      <span>{label}</span>
      <select data-testid={testId} value={value} onChange={(e) => onChange(options.find((o) => o === e.target.value) ?? value)}>
        {options.map((option) => (
          <option key={option} value={option}>
            {name(option)}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <fieldset className="race-lanes" data-testid="race-lanes">
      <legend>{t('race.lanes')}</legend>
      <label className="select-row">
        <span>{t('race.preset')}</span>
        <select
          data-testid="race-preset"
          value=""
          onChange={(e) => {
            const preset = racePresets.find((p) => p.id === e.target.value);
            if (preset) update({ race: preset.lanes.map((lane) => ({ ...lane, settings: { ...lane.settings } })) });
          }}
        >
          <option value="">{t('race.presetPick')}</option>
          {racePresets.map((preset) => (
            <option key={preset.id} value={preset.id}>
              {t(`race.presets.${preset.id}`)}
            </option>
          ))}
        </select>
      </label>
      {race.map((lane, k) => (
        <fieldset key={k} className="race-lane" data-testid={`race-lane-${k + 1}`}>
          <legend>
            <LaneSwatch style={styles[k] ?? { color: 'currentColor', dash: '' }} /> {t('race.lane', { n: k + 1 })}
          </legend>
          {select(`race-loss-${k + 1}`, t('race.laneLoss'), lane.loss, binaryLossIds, (id) => t(`loss.${id}`), (loss: BinaryLossId) =>
            setLane(k, switchedLoss(lane, loss)),
          )}
          {/* Tied, a slider shows what the lane trains with: the value from the training counts. */}
          <LossSettingSliders
            loss={lane.loss}
            settings={lane.settings}
            alphaFromRatio={lane.alphaFromRatio}
            resolved={lanes[k]?.params ?? {}}
            onChange={(name, v) => setLane(k, { ...lane, settings: { ...lane.settings, [name]: v } })}
          />
          {canFollowCounts(lane.loss) ? (
            <label className="check-row">
              <input
                type="checkbox"
                data-testid={`race-auto-alpha-${k + 1}`}
                checked={lane.alphaFromRatio}
                onChange={(e) => setLane(k, { ...lane, alphaFromRatio: e.target.checked })}
              />
              <span>{t('controls.autoAlpha')}</span>
            </label>
          ) : null}
          {lanes[k] ? <DerivedFromCounts lane={lanes[k]} alphaFromRatio={lane.alphaFromRatio} counts={trainCounts} /> : null}
          {select(`race-weighting-${k + 1}`, t('classifier.classWeighting'), lane.classWeighting, classWeightings, (w) => t(`classifier.weightings.${w}`), (classWeighting) =>
            setLane(k, { ...lane, classWeighting }),
          )}
          {lane.classWeighting === 'effectiveNumber' ? (
            <ParamSlider
              param={numberParamByKey.beta}
              label={t('param.beta')}
              value={lane.beta}
              display={formatBeta(lane.beta)}
              onChange={(beta) => setLane(k, { ...lane, beta })}
            />
          ) : null}
          {race.length > raceLaneLimits.min ? (
            <button type="button" data-testid={`race-remove-${k + 1}`} onClick={() => update({ race: race.filter((_, i) => i !== k) })}>
              {t('race.removeLane')}
            </button>
          ) : null}
        </fieldset>
      ))}
      {race.length < raceLaneLimits.max ? (
        <button type="button" data-testid="race-add" onClick={() => update({ race: [...race, { ...(race.at(-1) ?? defaultLane('ce')) }] })}>
          {t('race.addLane')}
        </button>
      ) : null}
    </fieldset>
  );
}
