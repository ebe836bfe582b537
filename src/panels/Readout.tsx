import { useTranslation } from 'react-i18next';
import { pointAt } from '../charts/curveData';
import { sigmoid } from '../losses';
import type { BinaryLossId, Label } from '../losses/types';
import type { ResolvedParamsById } from '../state/lossParams';
import { formatValue } from './format';
import { LossSwatch } from './LossPicker';

interface Props {
  /** The charts point at the read-out (aria-describedby) as their text alternative. */
  id: string;
  losses: BinaryLossId[];
  params: ResolvedParamsById;
  exampleClass: Label;
  cursorXt: number;
}

/** Exact values at the cursor, from src/losses, never read off the drawn path. */
export function Readout({ id, losses, params, exampleClass, cursorXt }: Props) {
  const { t } = useTranslation();
  const crossEntropy = pointAt('ce', params.ce, exampleClass, cursorXt).loss;
  return (
    <section className="readout" id={id} aria-live="polite" data-testid="readout">
      <h2>
        {t('readout.heading', { pt: formatValue(sigmoid(cursorXt), 4), xt: formatValue(cursorXt, 4) })}
      </h2>
      {losses.length === 0 ? (
        <p>{t('readout.none')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('readout.loss')}</th>
              <th scope="col">{t('readout.value')}</th>
              <th scope="col">{t('readout.push')}</th>
              <th scope="col">{t('readout.relative')}</th>
            </tr>
          </thead>
          <tbody>
            {losses.map((id) => {
              const point = pointAt(id, params[id], exampleClass, cursorXt);
              return (
                <tr key={id} data-testid={`readout-${id}`}>
                  <th scope="row">
                    <LossSwatch id={id} /> {t(`loss.${id}`)}
                  </th>
                  <td data-testid={`readout-${id}-loss`} data-value={point.loss}>{formatValue(point.loss)}</td>
                  <td data-testid={`readout-${id}-push`} data-value={point.push}>{formatValue(point.push)}</td>
                  <td>{crossEntropy > 0 ? formatValue(point.loss / crossEntropy, 3) : '–'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <p className="hint">{t('readout.hint')}</p>
    </section>
  );
}
