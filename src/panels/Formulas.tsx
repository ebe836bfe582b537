import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { lossStyles } from '../config';
import type { AllLossParams, BinaryLossId } from '../losses/types';
import { formulaTex } from './formulaTex';
import { LossSwatch } from './LossPicker';
import { Tex } from './Tex';

interface Props {
  losses: BinaryLossId[];
  params: AllLossParams;
}

export const Formulas = memo(function Formulas({ losses, params }: Props) {
  const { t } = useTranslation();
  return (
    <section className="formulas" data-testid="formulas">
      <h2>{t('formulas.heading')}</h2>
      <p className="formula-common">
        <Tex tex={String.raw`p_t = \sigma(x_t),\quad x_t = \begin{cases} x & y = 1 \\ -x & y = 0 \end{cases},\quad \hat p = \sigma(x)`} />
      </p>
      {losses.map((id) => (
        <article key={id} className="formula" style={{ borderLeftColor: lossStyles[id].color }} data-testid={`formula-${id}`}>
          <h3>
            <LossSwatch id={id} /> {t(`loss.${id}`)}
          </h3>
          <div className="formula-tex">
            <Tex tex={formulaTex[id](params)} display />
          </div>
          <p>{t(`lossAbout.${id}`)}</p>
          {id === 'focal' ? <p className="note">{t('formulas.articleNote')}</p> : null}
        </article>
      ))}
    </section>
  );
});
