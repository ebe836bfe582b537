import { useCallback, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { lossStyles } from '../../config';
import { shuffle, streamFor } from '../../data';
import { VIEW_EXTENT } from '../../data/types';
import type { LabeledPoint } from '../../data/types';
import { classCounts } from '../../model/classWeighting';
import type { LaneTraining, ModelConfig, SerializedWeights, Snapshot } from '../../model/protocol';
import { deserializeWeights, shownFileValue, WeightsError } from '../../model/weights';
import type { LabState } from '../../state/labState';
import { numberParamByKey } from '../../state/paramTable';
import { BoundaryPanel } from './BoundaryPanel';
import { ClassifierCharts } from './ClassifierCharts';
import { modelConfig } from './trainingSettings';
import { DataFiles } from './DataFiles';
import { MetricsPanel } from './MetricsPanel';
import { evaluationAt, rankingOf } from './testMetrics';
import type { DataSplit, useTrainingData } from './useTrainingData';
import type { HistoryPoint, useTrainingSession } from './useTrainingSession';

/** An imported file is split like this into training and held-out test points. */
const IMPORT_TEST_SHARE = 0.25;

interface Props {
  state: LabState;
  update(patch: Partial<LabState>): void;
  lane: LaneTraining;
  snapshot: Snapshot | null;
  history: readonly HistoryPoint[];
  data: ReturnType<typeof useTrainingData>;
  custom: DataSplit | null;
  setCustom(custom: DataSplit | null): void;
  session: Pick<ReturnType<typeof useTrainingSession>, 'exportWeights' | 'importWeights'>;
  gridSize: number;
}

/**
 * The page's controls for a checked model: 0–3 hidden layers of one width from 4 to 32, and a seed
 * a link can carry. Anything else is refused here, before a single setting changes.
 */
function controlsFor(model: ModelConfig): Pick<LabState, 'hiddenLayers' | 'width' | 'activation' | 'modelSeed'> {
  const { hiddenLayers: widths, activation, seed } = model;
  const width = widths[0] ?? numberParamByKey.width.defaultValue;
  const fits = widths.length <= 3 && widths.every((w) => w === width && w >= 4 && w <= 32);
  if (!fits) {
    const hiddenLayers = `[${widths.join(', ')}]`;
    throw new WeightsError('pageLayers', { hiddenLayers }, `hidden layers ${hiddenLayers}: this page builds 0–3 layers of one width from 4 to 32`);
  }
  const { min, max } = numberParamByKey.modelSeed;
  if (!Number.isInteger(seed) || seed < min || seed > max) {
    throw new WeightsError('pageSeed', { seed: shownFileValue(seed), min, max }, `the seed ${seed} is not a whole number from ${min} to ${max}`);
  }
  return { hiddenLayers: widths.length, width, activation, modelSeed: seed };
}

/** Removes the point nearest to (x, y), if one is close enough to have been meant. */
function withoutNearest(points: readonly LabeledPoint[], x: number, y: number): LabeledPoint[] {
  let best = -1;
  let bestDistance = 0.08 ** 2;
  points.forEach((p, i) => {
    const d = (p.x - x) ** 2 + (p.y - y) ** 2;
    if (d < bestDistance) [best, bestDistance] = [i, d];
  });
  return best < 0 ? [...points] : points.filter((_, i) => i !== best);
}

/** One network: its boundary (click to add or remove points), data files, test metrics and charts. */
export function SingleModelPanels({ state, update, lane, snapshot, history, data, custom, setCustom, session, gridSize }: Props) {
  const { t } = useTranslation();
  const metricsId = useId();
  const [showTest, setShowTest] = useState(false);
  const current = snapshot?.lanes[0] ?? null;
  const testLabels = data.packed.test.labels;
  const { threshold } = state;
  const ranking = useMemo(() => (current ? rankingOf(current.testLogits, testLabels) : null), [current, testLabels]);
  const evaluation = useMemo(() => (ranking ? evaluationAt(ranking, testLabels, threshold) : null), [ranking, testLabels, threshold]);

  const onPlaneClick = useCallback(
    (x: number, y: number, { shift, alt }: { shift: boolean; alt: boolean }) => {
      const train = alt ? withoutNearest(data.base.train, x, y) : [...data.base.train, { x, y, label: shift ? 1 : 0 } as const];
      setCustom({ train, test: data.base.test });
    },
    [data.base, setCustom],
  );
  const { importWeights: sendWeights } = session;
  const importWeights = useCallback(
    (weights: SerializedWeights) => {
      // The whole file is checked (deserializeWeights throws a WeightsError, naming the problem)
      // before the page shows any of it: a bad file changes nothing.
      const controls = controlsFor(deserializeWeights(weights).model);
      update(controls);
      sendWeights(weights, modelConfig(controls.hiddenLayers, controls.width, controls.activation, controls.modelSeed));
    },
    [update, sendWeights],
  );
  const onImport = useCallback(
    (points: LabeledPoint[]) => {
      const shuffled = shuffle(points, streamFor(state.dataSeed, 'import'));
      const testCount = Math.round(shuffled.length * IMPORT_TEST_SHARE);
      setCustom({ train: shuffled.slice(testCount), test: shuffled.slice(0, testCount) });
    },
    [state.dataSeed, setCustom],
  );

  const [negatives, positives] = classCounts(testLabels);
  return (
    <>
      <div className="classifier-top">
        <div>
          <BoundaryPanel
            extent={VIEW_EXTENT}
            grid={current?.grid ?? null}
            gridSize={snapshot?.gridSize ?? gridSize}
            threshold={threshold}
            train={{ coords: data.packed.train.coords, labels: data.packed.train.labels, weights: current?.pointWeights ?? null }}
            test={showTest ? data.packed.test : null}
            showContours
            onPlaneClick={onPlaneClick}
            describedBy={metricsId}
            exportName={['boundary', lane.loss]}
          />
          <label className="check-row">
            <input type="checkbox" data-testid="toggle-test-points" checked={showTest} onChange={(e) => setShowTest(e.target.checked)} />
            <span>{t('classifier.showTest')}</span>
          </label>
          {custom ? (
            <p className="custom-data">
              {t('classifier.customData', { count: custom.train.length })}{' '}
              <button type="button" data-testid="back-to-generated" onClick={() => setCustom(null)}>
                {t('classifier.backToGenerated')}
              </button>
            </p>
          ) : null}
          <DataFiles trainPoints={data.base.train} onImport={onImport} exportWeights={session.exportWeights} importWeights={importWeights} />
        </div>
        <MetricsPanel evaluation={evaluation} positives={positives} negatives={negatives} state={state} update={update} tableId={metricsId} />
      </div>
      <ClassifierCharts
        evaluation={ranking?.evaluation ?? null}
        history={history}
        positives={positives}
        negatives={negatives}
        lossColor={lossStyles[lane.loss].color}
        lossId={lane.loss}
        metricsId={metricsId}
      />
    </>
  );
}
