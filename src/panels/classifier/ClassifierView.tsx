import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { lossStyles } from '../../config';
import { shuffle, streamFor } from '../../data';
import { VIEW_EXTENT } from '../../data/types';
import type { LabeledPoint } from '../../data/types';
import { gradientShares } from '../../losses/gradientShare';
import type { AllLossParams } from '../../losses/types';
import { classCounts, classWeights } from '../../model/classWeighting';
import type { ModelConfig, SerializedWeights, Snapshot, TrainingConfig } from '../../model/protocol';
import type { LabState } from '../../state/labState';
import { numberParamByKey } from '../../state/paramTable';
import { BoundaryPanel } from './BoundaryPanel';
import { ClassifierCharts } from './ClassifierCharts';
import { ClassifierControls } from './ClassifierControls';
import { DataFiles } from './DataFiles';
import { MetricsPanel } from './MetricsPanel';
import { evaluationAt, rankingOf } from './testMetrics';
import { TrainingBar } from './TrainingBar';
import { useTrainingData } from './useTrainingData';
import type { DataSplit } from './useTrainingData';
import { useTrainingSession } from './useTrainingSession';

const GRID_SIZE = 100;
/** An imported file is split like this into training and held-out test points. */
const IMPORT_TEST_SHARE = 0.25;

interface Props {
  state: LabState;
  params: AllLossParams;
  update(patch: Partial<LabState>): void;
}

const modelConfig = (layers: number, width: number, activation: ModelConfig['activation'], seed: number): ModelConfig => ({
  hiddenLayers: Array.from({ length: layers }, () => width),
  activation,
  seed,
});

/** The page's controls describe 0–3 hidden layers of one width, 4–32: a weights file must fit them. */
function controlsFor(model: ModelConfig): Pick<LabState, 'hiddenLayers' | 'width' | 'activation' | 'modelSeed'> {
  const { hiddenLayers: widths, activation, seed } = model;
  const width = widths[0] ?? numberParamByKey.width.defaultValue;
  const fits = widths.length <= 3 && widths.every((w) => w === width && w >= 4 && w <= 32);
  if (!fits) throw new Error(`hidden layers [${widths.join(', ')}]: this page builds 0–3 layers of one width from 4 to 32`);
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

/** The second screen: a small network trained live on a skewed dataset with the chosen loss. */
export default function ClassifierView({ state, params, update }: Props) {
  const { t } = useTranslation();
  const [custom, setCustom] = useState<DataSplit | null>(null);
  const [showTest, setShowTest] = useState(false);
  const data = useTrainingData(state, custom);

  const model = useMemo(
    () => modelConfig(state.hiddenLayers, state.width, state.activation, state.modelSeed),
    [state.hiddenLayers, state.width, state.activation, state.modelSeed],
  );
  const training: TrainingConfig = useMemo(
    () => ({
      loss: state.trainLoss,
      params,
      classWeighting: state.classWeighting,
      beta: state.beta,
      optimizer: state.optimizer,
      learningRate: state.learningRate,
      batchSize: state.batchSize,
    }),
    [state.trainLoss, params, state.classWeighting, state.beta, state.optimizer, state.learningRate, state.batchSize],
  );

  const testLabels = data.packed.test.labels;
  const { threshold, trainLoss } = state;
  const summarize = useCallback(
    (snapshot: Snapshot) => {
      const ranking = rankingOf(snapshot.testLogits, testLabels);
      return {
        lossId: trainLoss,
        minorityRecall: ranking ? evaluationAt(ranking, testLabels, threshold).thresholdMetrics.minorityRecall : null,
        averagePrecision: ranking?.evaluation.averagePrecision ?? null,
      };
    },
    [testLabels, threshold, trainLoss],
  );
  const session = useTrainingSession({
    backend: state.backend,
    gridSize: GRID_SIZE,
    extent: VIEW_EXTENT,
    data: data.packed,
    model,
    training,
    summarize,
  });
  const { snapshot } = session;

  // A snapshot is for the data it was computed on; after a data change wait for the next one.
  const current = snapshot && snapshot.testLogits.length === testLabels.length && snapshot.trainLogits.length === data.packed.train.labels.length ? snapshot : null;
  const ranking = useMemo(() => (current ? rankingOf(current.testLogits, testLabels) : null), [current, testLabels]);
  const evaluation = useMemo(
    () => (ranking ? evaluationAt(ranking, testLabels, threshold) : null),
    [ranking, testLabels, threshold],
  );
  const shares = useMemo(() => {
    if (!current) return null;
    const labels = data.packed.train.labels;
    const weights = classWeights(classCounts(labels), state.classWeighting, state.beta);
    return gradientShares(current.trainLogits, labels, state.trainLoss, params, weights);
  }, [current, data.packed.train.labels, state.classWeighting, state.beta, state.trainLoss, params]);

  const onPlaneClick = useCallback(
    (x: number, y: number, { shift, alt }: { shift: boolean; alt: boolean }) => {
      const train = alt ? withoutNearest(data.base.train, x, y) : [...data.base.train, { x, y, label: shift ? 1 : 0 } as const];
      setCustom({ train, test: data.base.test });
    },
    [data.base],
  );
  const { importWeights: sendWeights } = session;
  const importWeights = useCallback(
    (weights: SerializedWeights) => {
      const controls = controlsFor(weights.model);
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
    [state.dataSeed],
  );

  const [negatives, positives] = classCounts(testLabels);

  return (
    <div className="layout">
      <ClassifierControls state={state} update={update} />
      <main className="main classifier">
        <TrainingBar
          status={session.status}
          snapshot={current}
          onPlay={session.play}
          onPause={session.pause}
          onStep={session.step}
          onReset={session.reset}
        />
        <div className="classifier-top">
          <div>
            <BoundaryPanel
              extent={VIEW_EXTENT}
              grid={current?.grid ?? null}
              gridSize={current?.gridSize ?? GRID_SIZE}
              threshold={threshold}
              train={{ coords: data.packed.train.coords, labels: data.packed.train.labels, weights: shares }}
              test={showTest ? data.packed.test : null}
              showContours
              onPlaneClick={onPlaneClick}
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
            <DataFiles
              trainPoints={data.base.train}
              onImport={onImport}
              exportWeights={session.exportWeights}
              importWeights={importWeights}
            />
          </div>
          <MetricsPanel evaluation={evaluation} positives={positives} negatives={negatives} state={state} update={update} />
        </div>
        <ClassifierCharts
          evaluation={ranking?.evaluation ?? null}
          history={session.history}
          positives={positives}
          negatives={negatives}
          lossColor={lossStyles[state.trainLoss].color}
        />
      </main>
    </div>
  );
}
