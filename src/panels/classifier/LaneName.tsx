import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { anyLoss } from '../../losses';
import type { LaneTraining } from '../../model/protocol';
import type { RaceLane } from '../../state/labState';
import { settingParamsOf } from '../../state/paramTable';
import { formatParam } from '../format';
import type { LaneStyle } from './laneStyles';

/** A line of the lane's colour and dash: colour is never the only cue. */
export function LaneSwatch({ style }: { style: Pick<LaneStyle, 'color' | 'dash'> }) {
  return (
    <svg className="lane-swatch" width="36" height="12" aria-hidden="true">
      <line x1="2" x2="34" y1="6" y2="6" stroke={style.color} strokeWidth="4" strokeDasharray={style.dash || undefined} />
    </svg>
  );
}

interface Props {
  index: number;
  lane: RaceLane;
  /** What the lane trains with, for the values derived from the class ratio (α from the ratio). */
  training: LaneTraining;
  style: LaneStyle;
}

/** "γ=2 α=0.99 (from the ratio) · inverse frequency": the lane's settings in words. */
function laneSettings(t: TFunction, lane: RaceLane, training: LaneTraining): string[] {
  const { symbols } = anyLoss(lane.loss);
  // Read from what the lane trains with, so a setting tied to the counts shows their value.
  const values = settingParamsOf(lane.loss).map(({ name, spec }) => {
    const value = `${symbols[name] ?? name}=${formatParam(training.params[name] ?? Number.NaN)}`;
    return lane.alphaFromRatio && spec.fromCounts ? `${value} ${t('race.fromRatio')}` : value;
  });
  const weighting = lane.classWeighting === 'none' ? [] : [`· ${t(`classifier.weightings.${lane.classWeighting}`)}`];
  return [...values, ...weighting];
}

/** The lane's name as plain text, e.g. for the legend of an exported chart. */
export const laneNameText = (t: TFunction, index: number, lane: RaceLane, training: LaneTraining): string =>
  [t('race.lane', { n: index + 1 }), t(`loss.${lane.loss}`), ...laneSettings(t, lane, training)].join(' ');

/** "② Focal loss γ=2 α=0.99 (from the ratio)", with the lane's swatch. */
export function LaneName({ index, lane, training, style }: Props) {
  const { t } = useTranslation();
  const settings = laneSettings(t, lane, training);
  return (
    <span className="lane-name">
      <LaneSwatch style={style} /> <b style={{ color: style.text }}>{t('race.lane', { n: index + 1 })}</b> {t(`loss.${lane.loss}`)}{' '}
      <span className="lane-params">{settings.join(' ')}</span>
    </span>
  );
}
