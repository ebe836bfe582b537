import { useTranslation } from 'react-i18next';
import { exampleGroupColors } from '../../config';
import { exampleGroups } from '../../losses/lossBudget';
import type { ExampleGroup, LossBudget } from '../../losses/lossBudget';
import type { ReactNode } from 'react';

interface Props {
  budgets: readonly (LossBudget | null)[];
  /** Each lane's name, as in its boundary map's title. */
  names: readonly ReactNode[];
  /** The table's id: the cumulative-loss charts point at it as their numbers in words. */
  tableId: string;
}

const percent = (share: number) => `${(100 * share).toFixed(share > 0 && share < 0.01 ? 2 : 1)} %`;

/** Four segments in the groups' order; negative shares (DWB) draw nothing and are said in words. */
function StackedBar({ shares }: { shares: Record<ExampleGroup, number> }) {
  return (
    <div className="stacked-bar" aria-hidden="true">
      {exampleGroups.map((group) => (
        <span key={group} style={{ width: `${100 * Math.max(0, Math.min(1, shares[group]))}%`, background: exampleGroupColors[group] }} />
      ))}
    </div>
  );
}

/**
 * Lin et al. (2017), Fig. 4 in numbers: the share of the training loss and of the gradient's
 * magnitude that comes from easy and hard examples of each class (easy: p_t > 0.5).
 */
export function LossBudgetTable({ budgets, names, tableId }: Props) {
  const { t } = useTranslation();
  return (
    <figure className="chart loss-budget" data-testid="loss-budget">
      <figcaption className="chart-title">{t('race.budgetTitle')}</figcaption>
      <ul className="chart-legend">
        {exampleGroups.map((group) => (
          <li key={group}>
            <span className="legend-box" style={{ background: exampleGroupColors[group] }} /> {t(`race.groups.${group}`)}
          </li>
        ))}
      </ul>
      <table className="budget-table" id={tableId}>
        <thead>
          <tr>
            <td />
            <td />
            {exampleGroups.map((group) => (
              <th key={group} scope="col">
                {t(`race.groups.${group}`)}
              </th>
            ))}
          </tr>
        </thead>
        {budgets.map((budget, k) => (
          <tbody key={k} data-testid={`budget-lane-${k + 1}`}>
            <tr>
              <th colSpan={2 + exampleGroups.length} scope="rowgroup" className="budget-lane">
                {names[k]}
                {budget?.hasNegativeLoss ? <small className="hint"> {t('race.negativeLoss')}</small> : null}
              </th>
            </tr>
            {(['lossShare', 'gradientShare'] as const).map((kind) => (
              <tr key={kind}>
                <th scope="row">{t(`race.${kind}`)}</th>
                <td className="bar-cell">{budget ? <StackedBar shares={budget[kind]} /> : null}</td>
                {exampleGroups.map((group) => (
                  <td key={group} data-testid={`budget-${k + 1}-${kind}-${group}`} data-value={budget?.[kind][group] ?? ''}>
                    {budget ? percent(budget[kind][group]) : t('metrics.undefined')}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </figure>
  );
}
