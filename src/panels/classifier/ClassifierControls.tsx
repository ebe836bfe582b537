import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { datasetShapes } from '../../data';
import { binaryLossIds } from '../../losses';
import type { LabState, NumericKey } from '../../state/labState';
import { ChoiceGroup } from '../ChoiceGroup';
import { LossSwatch } from '../LossPicker';
import { AutoAlphaToggle, LossSettings, StateSlider } from '../StateSlider';
import { canFollowCounts } from '../../state/paramTable';
import { racePresets } from '../../state/race';
import { activations, backendNames, classWeightings, optimizerNames } from '../../model/protocol';
import { resamplings } from '../../state/labState';
import { RaceLanesEditor } from './RaceLanesEditor';
import { DerivedFromCounts } from './DerivedFromCounts';
import type { LaneTraining } from '../../model/protocol';
import type { ClassCounts } from '../../state/lossParams';

interface Props {
  state: LabState;
  update(patch: Partial<LabState>): void;
  /** What each lane trains with, for the parameters derived from the training counts. */
  lanes: readonly LaneTraining[];
  trainCounts: ClassCounts;
}

const newSeed = () => Math.floor(Math.random() * 1_000_000);

export const ClassifierControls = memo(function ClassifierControls({ state, update, lanes, trainCounts }: Props) {
  const { t } = useTranslation();
  const slider = (key: NumericKey) => <StateSlider key={key} paramKey={key} state={state} update={update} />;
  // A seed is a name for one draw, not a quantity: shown as a number, changed by asking for another.
  const seedRow = (key: 'dataSeed' | 'modelSeed', testId: string) => (
    <div className="seed-row">
      <span>
        {t(`param.${key}`)} <output data-testid={`value-${key}`}>{state[key]}</output>
      </span>
      <button type="button" data-testid={testId} onClick={() => update({ [key]: newSeed() })}>
        {t('classifier.newSeed')}
      </button>
    </div>
  );

  const racing = state.race.length > 0;
  return (
    <aside className="controls" aria-label={t('controls.heading')}>
      <ChoiceGroup
        legend={t('race.mode')}
        options={['single', 'race'] as const}
        value={racing ? 'race' : 'single'}
        label={(mode) => t(`race.modes.${mode}`)}
        // A race starts from the first preset: the comparison the lesson makes.
        onChange={(mode) => update({ race: mode === 'race' ? (racePresets[0]?.lanes ?? []) : [] })}
        testId="mode"
      />
      {racing ? (
        <>
          <RaceLanesEditor state={state} update={update} lanes={lanes} trainCounts={trainCounts} />
          <fieldset>
            <legend>{t('controls.parameters')}</legend>
            {slider('ratio')}
          </fieldset>
        </>
      ) : (
        <>
          <ChoiceGroup
            legend={t('classifier.trainLoss')}
            options={binaryLossIds}
            value={state.trainLoss}
            label={(id) => (
              <>
                <LossSwatch id={id} /> {t(`loss.${id}`)}
              </>
            )}
            onChange={(trainLoss) => update({ trainLoss })}
            testId="train-loss"
          />
          <fieldset>
            <legend>{t('controls.parameters')}</legend>
            {/* The loss's own sliders are the curve explorer's (same rows, same state). */}
            <LossSettings loss={state.trainLoss} state={state} update={update} counts={trainCounts} />
            {canFollowCounts(state.trainLoss) ? <AutoAlphaToggle state={state} update={update} /> : null}
            {lanes[0] ? <DerivedFromCounts lane={lanes[0]} alphaFromRatio={state.alphaFromRatio} counts={trainCounts} /> : null}
            {slider('ratio')}
          </fieldset>
        </>
      )}
      <fieldset>
        <legend>{t('classifier.data')}</legend>
        <label className="select-row">
          <span>{t('classifier.shape')}</span>
          <select
            data-testid="select-shape"
            value={state.shape}
            onChange={(e) => update({ shape: datasetShapes.find((s) => s === e.target.value) ?? state.shape })}
          >
            {datasetShapes.map((shape) => (
              <option key={shape} value={shape}>
                {t(`classifier.shapes.${shape}`)}
              </option>
            ))}
          </select>
        </label>
        {slider('size')}
        {slider('noise')}
        {slider('labelNoise')}
        {seedRow('dataSeed', 'new-data-seed')}
      </fieldset>
      <ChoiceGroup
        legend={t('classifier.resampling')}
        options={resamplings}
        value={state.resampling}
        label={(r) => t(`classifier.resamplings.${r}`)}
        onChange={(resampling) => update({ resampling })}
        testId="resampling"
      />
      <fieldset>
        <legend>{t('classifier.model')}</legend>
        {slider('hiddenLayers')}
        {state.hiddenLayers > 0 ? slider('width') : null}
        <ChoiceGroup
          legend={t('classifier.activation')}
          options={activations}
          value={state.activation}
          label={(a) => (a === 'tanh' ? 'tanh' : 'ReLU')}
          onChange={(activation) => update({ activation })}
          testId="activation"
        />
        {seedRow('modelSeed', 'new-model-seed')}
      </fieldset>
      <fieldset>
        <legend>{t('classifier.training')}</legend>
        <ChoiceGroup
          legend={t('classifier.optimizer')}
          options={optimizerNames}
          value={state.optimizer}
          label={(o) => (o === 'adam' ? 'Adam' : 'SGD')}
          onChange={(optimizer) => update({ optimizer })}
          testId="optimizer"
        />
        {slider('learningRate')}
        {slider('batchSize')}
        {slider('weightDecay')}
        {racing ? null : (
          <>
            <ChoiceGroup
              legend={t('classifier.classWeighting')}
              options={classWeightings}
              value={state.classWeighting}
              label={(w) => t(`classifier.weightings.${w}`)}
              onChange={(classWeighting) => update({ classWeighting })}
              testId="class-weighting"
            />
            {state.classWeighting === 'effectiveNumber' ? slider('beta') : null}
          </>
        )}
        <ChoiceGroup
          legend={t('classifier.backend')}
          options={backendNames}
          value={state.backend}
          label={(b) => t(`classifier.backends.${b}`)}
          onChange={(backend) => update({ backend })}
          testId="backend"
        />
      </fieldset>
    </aside>
  );
});
