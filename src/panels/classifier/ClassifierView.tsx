import { useCallback, useMemo, useState } from 'react';
import { VIEW_EXTENT } from '../../data/types';
import { classCounts } from '../../model/classWeighting';
import type { ModelConfig, SerializedWeights, Snapshot, TrainingConfig } from '../../model/protocol';
import { lessonSteps } from '../../lesson/steps';
import type { LabState } from '../../state/labState';
import { ClassifierControls } from './ClassifierControls';
import { modelConfig, raceLaneTraining, singleLane } from './trainingSettings';
import { summarizeLanes } from './laneSummary';
import { PytorchExport } from './PytorchExport';
import { RacePanels } from './RacePanels';
import { SingleModelPanels } from './SingleModelPanels';
import { TrainingBar } from './TrainingBar';
import { useTrainingData } from './useTrainingData';
import type { DataSplit } from './useTrainingData';
import { useTrainingSession } from './useTrainingSession';

const GRID_SIZE = 100;

interface Props {
  state: LabState;
  update(patch: Partial<LabState>): void;
}

/**
 * The second screen: a small network trained live on a skewed dataset, with one loss or, in a
 * race, with 2–4 losses side by side on the same data, weights and batches.
 */
export default function ClassifierView({ state, update }: Props) {
  const [custom, setCustom] = useState<DataSplit | null>(null);
  const data = useTrainingData(state, custom);
  const racing = state.race.length > 0;

  const model = useMemo(
    () => modelConfig(state.hiddenLayers, state.width, state.activation, state.modelSeed),
    [state.hiddenLayers, state.width, state.activation, state.modelSeed],
  );
  const { labels: trainLabels } = data.packed.train;
  const { labels: testLabels } = data.packed.test;
  // α from the ratio and DWB's weights follow the counts the network really trains on.
  const trainCounts = useMemo(() => classCounts(trainLabels), [trainLabels]);
  const { race } = state;
  const raceLanes = useMemo(() => race.map((lane) => raceLaneTraining(lane, trainCounts)), [race, trainCounts]);
  const { trainLoss, classWeighting, beta, alphaFromRatio } = state;
  // Only the trained loss's own settings: a slider of another loss changes nothing here.
  const trainSettings = state.lossSettings[trainLoss];
  const single = useMemo(
    () => singleLane({ trainLoss, settings: trainSettings, alphaFromRatio, classWeighting, beta }, trainCounts),
    [trainLoss, trainSettings, alphaFromRatio, classWeighting, beta, trainCounts],
  );
  const lanes = useMemo(() => (racing ? raceLanes : [single]), [racing, raceLanes, single]);
  const training: TrainingConfig = useMemo(
    () => ({
      lanes,
      optimizer: state.optimizer,
      learningRate: state.learningRate,
      batchSize: state.batchSize,
      weightDecay: state.weightDecay,
    }),
    [lanes, state.optimizer, state.learningRate, state.batchSize, state.weightDecay],
  );

  const { threshold } = state;
  const lossIds = useMemo(() => lanes.map((lane) => lane.loss), [lanes]);
  const summarize = useCallback(
    (snapshot: Snapshot, previous: Snapshot | null) =>
      summarizeLanes(snapshot, previous, lossIds, { train: trainLabels, test: testLabels }, threshold),
    [lossIds, trainLabels, testLabels, threshold],
  );
  const session = useTrainingSession({
    backend: state.backend,
    gridSize: GRID_SIZE,
    extent: VIEW_EXTENT,
    data: data.packed,
    model,
    training,
    summarize,
    // A race starts over whenever a lane changes, and every lesson step (and leaving the lesson)
    // from fresh weights; one network keeps its weights through a loss switch.
    restartKey: JSON.stringify([state.lessonStep, racing ? raceLanes : null]),
  });
  const { snapshot } = session;
  // The weights a run starts from when they came from a file, for the PyTorch export.
  const [imported, setImported] = useState<SerializedWeights | null>(null);
  const { importWeights: sendWeights } = session;
  const importWeights = useCallback(
    (weights: SerializedWeights, config: ModelConfig) => {
      setImported(weights);
      sendWeights(weights, config);
    },
    [sendWeights],
  );

  // A snapshot is for the data and lanes it was computed on; after a change wait for the next one.
  const current =
    snapshot &&
    snapshot.lanes.length === lanes.length &&
    snapshot.lanes.every((lane) => lane.testLogits.length === testLabels.length && lane.trainLogits.length === trainLabels.length)
      ? snapshot
      : null;

  return (
    <div className="layout">
      <ClassifierControls state={state} update={update} lanes={lanes} trainCounts={trainCounts} />
      <main className="main classifier" id="charts">
        <TrainingBar
          status={session.status}
          snapshot={current}
          trainTo={lessonSteps[state.lessonStep - 1]?.trainTo}
          onPlay={session.play}
          onPause={session.pause}
          onStep={session.step}
          onReset={session.reset}
        />
        {racing ? (
          <RacePanels state={state} update={update} lanes={lanes} snapshot={current} history={session.history} data={data.packed} gridSize={GRID_SIZE} />
        ) : (
          <SingleModelPanels
            state={state}
            update={update}
            lane={single}
            snapshot={current}
            history={session.history}
            data={data}
            custom={custom}
            setCustom={setCustom}
            session={{ exportWeights: session.exportWeights, importWeights }}
            gridSize={GRID_SIZE}
          />
        )}
        <PytorchExport training={training} model={model} imported={imported} points={data.train} dataSeed={state.dataSeed} />
      </main>
    </div>
  );
}
