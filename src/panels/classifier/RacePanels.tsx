import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { VIEW_EXTENT } from '../../data/types';
import { operatingPointAtRecall, scoreSteps } from '../../metrics';
import { classCounts } from '../../model/classWeighting';
import type { LaneTraining, PackedPoints, Snapshot } from '../../model/protocol';
import type { LabState } from '../../state/labState';
import { ExportMenu } from '../ExportMenu';
import { formatParam } from '../format';
import { StateSlider } from '../StateSlider';
import { BoundaryPanel } from './BoundaryPanel';
import { FewPositives } from './FewPositives';
import { raceResultsCsv } from './exportTables';
import { LaneName, laneNameText } from './LaneName';
import { laneStyles } from './laneStyles';
import { LossBudgetTable } from './LossBudgetTable';
import { RaceCharts } from './RaceCharts';
import { RaceResults } from './RaceResults';
import type { LaneResult } from './RaceResults';
import { evaluationAt, rankingOf } from './testMetrics';
import type { HistoryPoint } from './useTrainingSession';

interface Props {
  state: LabState;
  update(patch: Partial<LabState>): void;
  lanes: readonly LaneTraining[];
  snapshot: Snapshot | null;
  history: readonly HistoryPoint[];
  data: { train: PackedPoints; test: PackedPoints };
  gridSize: number;
}

/** The race: a boundary per lane, the results side by side, where each lane's loss goes, and the run over time. */
export function RacePanels({ state, update, lanes, snapshot, history, data, gridSize }: Props) {
  const { t } = useTranslation();
  // What the maps and charts show, in words and numbers: their text alternatives point here.
  const resultsId = useId();
  const budgetId = useId();
  const pointSizeId = useId();
  const { threshold } = state;
  const trainLabels = data.train.labels;
  const testLabels = data.test.labels;
  const styles = useMemo(() => laneStyles(lanes.map((lane) => lane.loss)), [lanes]);
  const rankings = useMemo(() => snapshot?.lanes.map((lane) => rankingOf(lane.testLogits, testLabels)) ?? [], [snapshot, testLabels]);
  // Lane 1's scores sorted once a snapshot; a threshold move then only walks them.
  const laneOneSteps = useMemo(() => (rankings[0] ? scoreSteps(rankings[0].scores, testLabels) : null), [rankings, testLabels]);
  const results = useMemo((): LaneResult[] => {
    const evaluations = rankings.map((ranking) => (ranking ? evaluationAt(ranking, testLabels, threshold) : null));
    return evaluations.map((evaluation, k) => ({
      evaluation,
      laneOneAtSameRecall:
        k > 0 && laneOneSteps && evaluation ? operatingPointAtRecall(laneOneSteps, evaluation.thresholdMetrics.minorityRecall) : null,
    }));
  }, [rankings, laneOneSteps, testLabels, threshold]);
  const budgets = useMemo(() => lanes.map((_, k) => snapshot?.lanes[k]?.budget ?? null), [lanes, snapshot]);
  const names = state.race.map((lane, k) => (
    <LaneName key={k} index={k} lane={lane} training={lanes[k] as LaneTraining} style={styles[k] as (typeof styles)[number]} />
  ));
  const [negatives, positives] = classCounts(testLabels);
  const laneLabels = useMemo(() => state.race.map((lane, k) => laneNameText(t, k, lane, lanes[k] as LaneTraining)), [state.race, lanes, t]);
  /** Which race, in exported files' names: "ce+focal+balanced-ce". */
  const exportDetail = lanes.map((lane) => lane.loss).join('+');
  const resultsCsv = () => raceResultsCsv(results.map((result, k) => ({ ...result, training: lanes[k] as LaneTraining })));

  return (
    <div className="race" data-testid="race">
      <p className="hint">{t('race.shared')}</p>
      <div className="race-boundaries">
        {lanes.map((_, k) => (
          <BoundaryPanel
            key={k}
            testId={`race-boundary-${k + 1}`}
            title={names[k]}
            extent={VIEW_EXTENT}
            grid={snapshot?.lanes[k]?.grid ?? null}
            gridSize={snapshot?.gridSize ?? gridSize}
            threshold={threshold}
            train={{ coords: data.train.coords, labels: trainLabels, weights: snapshot?.lanes[k]?.pointWeights ?? null }}
            test={null}
            showContours
            describedBy={`${pointSizeId} ${resultsId}`}
            exportName={['boundary', `lane-${k + 1}-${lanes[k]?.loss ?? ''}`]}
            exportTitle={laneLabels[k]}
          />
        ))}
      </div>
      <p className="hint" id={pointSizeId}>
        {t('classifier.pointSize')}
      </p>
      {/* Three or four lanes of counts and intervals need the full width: the loss budget goes below. */}
      <div className={lanes.length > 2 ? 'race-top stacked' : 'race-top'}>
        <div>
          <h2>{t('metrics.heading', { positives, negatives })}</h2>
          <FewPositives positives={positives} />
          <RaceResults results={results} styles={styles} threshold={threshold} id={resultsId} />
          <ExportMenu title={t('race.results', { threshold: formatParam(threshold) })} name={['race-results', exportDetail]} csv={{ name: ['race-results', exportDetail], text: resultsCsv }} />
          <StateSlider paramKey="threshold" state={state} update={update} />
        </div>
        <LossBudgetTable budgets={budgets} names={names} tableId={budgetId} />
      </div>
      <RaceCharts
        evaluations={results.map((r) => r.evaluation)}
        budgets={budgets}
        history={history}
        styles={styles}
        positiveRate={positives + negatives > 0 ? positives / (positives + negatives) : null}
        laneLabels={laneLabels}
        exportDetail={exportDetail}
        describedBy={{ results: resultsId, budget: budgetId }}
      />
    </div>
  );
}
