import { useTranslation } from 'react-i18next';
import type { LaneTraining } from '../../model/protocol';
import type { ClassCounts } from '../../state/lossParams';
import { formatValue } from '../format';

interface Props {
  lane: LaneTraining;
  /** α was asked to follow the counts. */
  alphaFromRatio: boolean;
  counts: ClassCounts;
}

/**
 * The parameters a loss takes from the class counts it trains on (after resampling, label noise,
 * clicked points or an import), with those counts: what the network really uses, not the ratio slider.
 */
export function DerivedFromCounts({ lane: { loss, params }, alphaFromRatio, counts: [negatives, positives] }: Props) {
  const { t } = useTranslation();
  const derived = [
    ...(alphaFromRatio && (loss === 'balanced-ce' || loss === 'focal') ? [`α = ${formatValue(params.alpha, 4)}`] : []),
    ...(loss === 'dwb' ? [`w₊ = ${formatValue(params.wPos, 4)}`, `w₋ = ${formatValue(params.wNeg, 4)}`] : []),
    ...(loss === 'la-ce' ? [`π₊ = ${formatValue(params.priorPos, 4)}`] : []),
  ];
  if (derived.length === 0) return null;
  return (
    <p className="hint derived" data-testid="derived-from-counts">
      {t('classifier.fromCounts', { negatives: negatives.toLocaleString('en-US'), positives: positives.toLocaleString('en-US') })}{' '}
      <output>{derived.join(', ')}</output>
    </p>
  );
}
