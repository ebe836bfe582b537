import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { createReliabilityChart } from '../../charts/reliabilityChart';
import type { ReliabilityFrame } from '../../charts/reliabilityChart';
import { createXYChart } from '../../charts/xyChart';
import type { XYFrame } from '../../charts/xyChart';
import { classColors, lossStyles } from '../../config';
import { shuffle, streamFor } from '../../data';
import { VIEW_EXTENT } from '../../data/types';
import type { LabeledPoint } from '../../data/types';
import { sigmoid } from '../../losses';
import { gradientShares } from '../../losses/gradientShare';
import type { AllLossParams } from '../../losses/types';
import { evaluate } from '../../metrics';
import type { Evaluation } from '../../metrics';
import { classCounts, classWeights } from '../../model/classWeighting';
import type { ModelConfig, SerializedWeights, Snapshot, TrainingConfig } from '../../model/protocol';
import type { LabState } from '../../state/labState';
import { numberParamByKey } from '../../state/paramTable';
import { BoundaryPanel } from './BoundaryPanel';
import { ClassifierControls } from './ClassifierControls';
import { DataFiles } from './DataFiles';
import { MetricsPanel } from './MetricsPanel';
import { SvgChart } from './SvgChart';
import { TrainingBar } from './TrainingBar';
import { useTrainingData } from './useTrainingData';
import type { DataSplit } from './useTrainingData';
import { useTrainingSession } from './useTrainingSession';
import type { HistoryPoint } from './useTrainingSession';
import { formatValue } from '../format';

const GRID_SIZE = 100;
/** An imported file is split like this into training and held-out test points. */
const IMPORT_TEST_SHARE = 0.25;

interface Props {
  state: LabState;
  params: AllLossParams;
  update(patch: Partial<LabState>): void;
}

interface HistoryLine {
  id: string;
  label: string;
  color: string;
  dash: string | undefined;
  ys: number[];
}

/**
 * The lines of the training history, all on 0–1: minority recall, PR-AUC, and the training loss
 * scaled by its largest value, drawn in the colour of the loss in use, so a switch of loss mid-run
 * shows as a change of colour (the values of two losses are not comparable, so they are not joined).
 */
function historyLines(history: readonly HistoryPoint[], t: TFunction): HistoryLine[] {
  const maxLoss = history.reduce((m, h) => Math.max(m, h.loss), 0) || 1;
  const lossIds = [...new Set(history.map((h) => h.lossId))];
  return [
    ...lossIds.map((id) => ({
      id: `loss-${id}`,
      label: t('metrics.lossSeries', { loss: t(`loss.${id}`), max: formatValue(maxLoss, 3) }),
      ...lossStyles[id],
      dash: lossStyles[id].dash || undefined,
      ys: history.map((h) => (h.lossId === id ? h.loss / maxLoss : Number.NaN)),
    })),
    {
      id: 'recall',
      label: t('metrics.recallSeries'),
      color: classColors.minority,
      dash: '10 5',
      ys: history.map((h) => h.minorityRecall ?? Number.NaN),
    },
    {
      id: 'pr-auc',
      label: t('metrics.prAucSeries'),
      color: '#009E73',
      dash: '3 4',
      ys: history.map((h) => h.averagePrecision ?? Number.NaN),
    },
  ];
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

/**
 * The test metrics of a snapshot, or null when a logit is NaN (a diverged network): there is nothing
 * honest to report then, and the metrics refuse NaN scores.
 */
function evaluateLogits(logits: Float32Array, labels: Uint8Array, threshold: number): Evaluation | null {
  if (logits.some(Number.isNaN)) return null;
  return evaluate(Float64Array.from(logits, sigmoid), labels, threshold);
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
      const e = evaluateLogits(snapshot.testLogits, testLabels, threshold);
      return {
        lossId: trainLoss,
        minorityRecall: e?.thresholdMetrics.minorityRecall ?? null,
        averagePrecision: e?.averagePrecision ?? null,
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
  const evaluation = useMemo(
    () => (current ? evaluateLogits(current.testLogits, testLabels, threshold) : null),
    [current, testLabels, threshold],
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
  const lossColor = lossStyles[state.trainLoss].color;
  const prFrame = useMemo((): Omit<XYFrame, 'width' | 'height'> => {
    const curve = evaluation?.prCurve ?? [];
    return {
      xDomain: [0, 1],
      yDomain: [0, 1],
      xLabel: t('metrics.recallAxis'),
      yLabel: t('metrics.precisionAxis'),
      series: [{ id: 'pr', color: lossColor, xs: curve.map((p) => p.recall), ys: curve.map((p) => p.precision), step: true }],
      baseline: positives + negatives > 0 ? positives / (positives + negatives) : null,
    };
  }, [evaluation, t, lossColor, positives, negatives]);
  const rocFrame = useMemo((): Omit<XYFrame, 'width' | 'height'> => {
    const curve = evaluation?.rocCurve ?? [];
    return {
      xDomain: [0, 1],
      yDomain: [0, 1],
      xLabel: t('metrics.fprAxis'),
      yLabel: t('metrics.tprAxis'),
      series: [{ id: 'roc', color: lossColor, xs: curve.map((p) => p.fpr), ys: curve.map((p) => p.tpr) }],
      diagonal: true,
    };
  }, [evaluation, t, lossColor]);
  const reliabilityFrame = useMemo(
    (): Omit<ReliabilityFrame, 'width' | 'height'> => ({
      bins: evaluation?.reliability ?? [],
      xLabel: t('metrics.predictedAxis'),
      yLabel: t('metrics.observedAxis'),
      countLabel: t('metrics.countLabel'),
    }),
    [evaluation, t],
  );
  const { history } = session;
  const lines = useMemo(() => historyLines(history, t), [history, t]);
  const historyFrame = useMemo((): Omit<XYFrame, 'width' | 'height'> => {
    const steps = history.map((h) => h.step);
    return {
      xDomain: [0, Math.max(1, steps.at(-1) ?? 1)],
      yDomain: [0, 1],
      xLabel: t('metrics.stepAxis'),
      yLabel: t('metrics.historyAxis'),
      series: lines.map(({ id, color, dash, ys }) => ({ id, color, dash, xs: steps, ys })),
    };
  }, [history, lines, t]);

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
        <div className="classifier-charts">
          <SvgChart title={t('metrics.prCurve')} testId="chart-pr" create={createXYChart} frame={prFrame} />
          <SvgChart title={t('metrics.rocCurve')} testId="chart-roc" create={createXYChart} frame={rocFrame} />
          <SvgChart title={t('metrics.reliability')} testId="chart-reliability" create={createReliabilityChart} frame={reliabilityFrame} />
          <SvgChart title={t('metrics.history')} testId="chart-history" create={createXYChart} frame={historyFrame}>
            <ul className="chart-legend">
              {lines.map((line) => (
                <li key={line.id}>
                  <svg width="36" height="10" aria-hidden="true">
                    <line x1="2" x2="34" y1="5" y2="5" stroke={line.color} strokeWidth="3" strokeDasharray={line.dash} />
                  </svg>
                  {line.label}
                </li>
              ))}
            </ul>
          </SvgChart>
        </div>
      </main>
    </div>
  );
}
