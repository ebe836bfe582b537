import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { lossStyles } from '../config';
import { dwbMinimum } from '../losses/dwbMinimum';
import type { BinaryLossId, Label } from '../losses/types';
import type { ResolvedParamsById } from '../state/lossParams';
import { formatValue } from './format';
import { formulaOf } from './formulaTex';
import { LossSwatch } from './LossPicker';
import { PytorchCode } from './PytorchCode';
import { ScrollBox } from './ScrollBox';
import { Tex } from './Tex';

interface Props {
  losses: BinaryLossId[];
  params: ResolvedParamsById;
  /** The example on the curves, for where DWB's loss is smallest. */
  exampleClass: Label;
}

/** Where DWB's loss bottoms out for this example, and what the app does where papers disagree. */
function DwbNotes({ params, exampleClass }: Pick<Props, 'params' | 'exampleClass'>) {
  const { t } = useTranslation();
  const minimum = dwbMinimum(exampleClass, params.dwb);
  return (
    <>
      <p className="note" data-testid="dwb-minimum">
        {minimum
          ? t('formulas.dwbMinimum', { pt: minimum.pt.toFixed(2), loss: formatValue(minimum.loss, 3) })
          : t('formulas.dwbNoMinimum')}
      </p>
      <p className="note">{t('formulas.dwbImplementations')}</p>
    </>
  );
}

export const Formulas = memo(function Formulas({ losses, params, exampleClass }: Props) {
  const { t } = useTranslation();
  return (
    <section className="formulas" data-testid="formulas">
      <h2>{t('formulas.heading')}</h2>
      <p className="formula-common">
        <Tex tex={String.raw`p_t = \sigma(x_t),\quad x_t = \begin{cases} x & y = 1 \\ -x & y = 0 \end{cases},\quad \hat p = \sigma(x)`} />
      </p>
      <p className="note">{t('formulas.xtNote')}</p>
      {losses.map((id) => (
        <article key={id} className="formula" style={{ borderLeftColor: lossStyles[id].color }} data-testid={`formula-${id}`}>
          <h3>
            <LossSwatch id={id} /> {t(`loss.${id}`)}
          </h3>
          <ScrollBox className="formula-tex" label={t('formulas.formulaOf', { loss: t(`loss.${id}`) })}>
            <Tex tex={formulaOf(id, params[id])} display />
          </ScrollBox>
          <p>{t(`lossAbout.${id}`)}</p>
          {id === 'focal' ? <p className="note">{t('formulas.articleNote')}</p> : null}
          {id === 'dwb' ? <DwbNotes params={params} exampleClass={exampleClass} /> : null}
          <PytorchCode loss={id} params={params[id]} />
        </article>
      ))}
    </section>
  );
});
