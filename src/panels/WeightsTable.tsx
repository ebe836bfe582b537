import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { minorityCountForWeights } from '../config';
import { alphaFromRatio, dwbLogRatio, effectiveNumber, inverseFrequency } from '../losses';
import { numberParamByKey } from '../state/paramTable';
import { formatBeta, formatParam, formatValue } from './format';
import { ParamSlider } from './ParamSlider';

interface Props {
  ratio: number;
  beta: number;
  onBeta(beta: number): void;
}

/** The class-weight schemes side by side, for the current class ratio. */
export const WeightsTable = memo(function WeightsTable({ ratio, beta, onBeta }: Props) {
  const { t } = useTranslation();
  const nPos = minorityCountForWeights;
  const nNeg = Math.round(ratio * nPos);
  const counts = [nNeg, nPos];
  const alpha = alphaFromRatio(nNeg, nPos);
  // Each scheme returns [majority, minority] because counts are [negatives, positives].
  const rows: { key: string; label: string; weights: number[] }[] = [
    { key: 'inverseFrequency', label: t('weights.inverseFrequency'), weights: inverseFrequency(counts) },
    { key: 'alphaFromRatio', label: t('weights.alphaFromRatio'), weights: [1 - alpha, alpha] },
    { key: 'dwbLogRatio', label: t('weights.dwbLogRatio'), weights: dwbLogRatio(counts) },
    {
      key: 'effectiveNumber',
      label: t('weights.effectiveNumber', { beta: formatBeta(beta) }),
      weights: effectiveNumber(counts, beta),
    },
  ];

  return (
    <section className="weights" data-testid="weights">
      <h2>{t('weights.heading', { ratio: formatParam(ratio) })}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('weights.scheme')}</th>
            <th scope="col">{t('weights.minority')}</th>
            <th scope="col">{t('weights.majority')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} data-testid={`weights-${row.key}`}>
              <th scope="row">{row.label}</th>
              <td>{formatValue(row.weights[1] ?? Number.NaN)}</td>
              <td>{formatValue(row.weights[0] ?? Number.NaN)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">{t('weights.counts', { nPos, nNeg })}</p>
      <ParamSlider param={numberParamByKey.beta} label={t('param.beta')} value={beta} display={formatBeta(beta)} onChange={onBeta} />
    </section>
  );
});
