import { useTranslation } from 'react-i18next';
import { anyLoss } from '../../losses';
import type { ClassCounts } from '../../losses/types';
import type { LaneTraining } from '../../model/protocol';
import { formatValue } from '../format';

interface Props {
  lane: LaneTraining;
  /** Settings that can follow the counts (α) were asked to. */
  alphaFromRatio: boolean;
  counts: ClassCounts;
}

/**
 * The parameters a loss takes from the class counts it trains on (after resampling, label noise,
 * clicked points or an import), with those counts: what the network really uses, not the ratio slider.
 */
export function DerivedFromCounts({ lane: { loss, params }, alphaFromRatio, counts: [negatives, positives] }: Props) {
  const { t } = useTranslation();
  const { params: specs, symbols } = anyLoss(loss);
  const derived = Object.entries(specs)
    .filter(([, spec]) => spec.kind === 'derived' || (alphaFromRatio && spec.fromCounts !== undefined))
    .map(([name]) => `${symbols[name] ?? name} = ${formatValue(params[name] ?? Number.NaN, 4)}`);
  if (derived.length === 0) return null;
  return (
    <p className="hint derived" data-testid="derived-from-counts">
      {t('classifier.fromCounts', { negatives: negatives.toLocaleString('en-US'), positives: positives.toLocaleString('en-US') })}{' '}
      <output>{derived.join(', ')}</output>
    </p>
  );
}
