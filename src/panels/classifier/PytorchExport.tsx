import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LabeledPoint } from '../../data/types';
import { pytorchExperiment } from '../../export/pytorchScript';
import { glorotUniform } from '../../model/initialWeights';
import type { ModelConfig, SerializedWeights, TrainingConfig } from '../../model/protocol';
import { deserializeWeights, serializeWeights } from '../../model/weights';
import { download } from '../download';
import { LaneSwatch } from './LaneName';
import { laneStyles } from './laneStyles';

interface Props {
  training: TrainingConfig;
  model: ModelConfig;
  /** Weights imported from a file since the network last changed: the run starts from them. */
  imported: SerializedWeights | null;
  /** The points the network trains on (after resampling). */
  points: readonly LabeledPoint[];
  dataSeed: number;
}

const sameModel = (a: ModelConfig, b: ModelConfig) =>
  a.activation === b.activation && a.seed === b.seed && a.hiddenLayers.join(',') === b.hiddenLayers.join(',');

/**
 * "Export as a PyTorch script": train.py and train.csv that rebuild this run (same initial weights,
 * optimizer, batch order and loss) from step 0, one lane of a race at a time.
 */
export function PytorchExport({ training, model, imported, points, dataSeed }: Props) {
  const { t } = useTranslation();
  const [lane, setLane] = useState(0);
  const racing = training.lanes.length > 1;
  const chosen = Math.min(lane, training.lanes.length - 1);
  const exportRun = () => {
    const start = imported && sameModel(deserializeWeights(imported).model, model) ? imported : serializeWeights(model, glorotUniform(model));
    const { script, csv, fileNames } = pytorchExperiment({ weights: start, training, lane: chosen, points, dataSeed });
    download(fileNames.script, script, 'text/x-python');
    download(fileNames.csv, csv, 'text/csv');
  };
  const styles = laneStyles(training.lanes.map((l) => l.loss));
  return (
    <div className="pytorch-export">
      {racing ? (
        <label className="select-row">
          <span>{t('classifier.pytorchLane')}</span>
          <select data-testid="pytorch-lane" value={chosen} onChange={(e) => setLane(Number(e.target.value))}>
            {training.lanes.map((l, k) => (
              <option key={k} value={k}>
                {t('race.lane', { n: k + 1 })} · {t(`loss.${l.loss}`)}
              </option>
            ))}
          </select>
          {styles[chosen] ? <LaneSwatch style={styles[chosen]} /> : null}
        </label>
      ) : null}
      <button type="button" data-testid="export-pytorch" onClick={exportRun}>
        {t('classifier.exportPytorch')}
      </button>
      <small className="hint">{t('classifier.exportPytorchHint')}</small>
    </div>
  );
}
