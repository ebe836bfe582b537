import { useState } from 'react';
import type { ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { parseCsv, toCsv } from '../../data';
import type { LabeledPoint } from '../../data/types';
import type { SerializedWeights } from '../../model/protocol';

interface Props {
  trainPoints: readonly LabeledPoint[];
  onImport(points: LabeledPoint[]): void;
  exportWeights(): Promise<SerializedWeights>;
  importWeights(weights: SerializedWeights): void;
}

function download(name: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  URL.revokeObjectURL(url);
}

/**
 * Files larger than this are refused before they are read: 20,000 points of CSV are about 1 MB and
 * a 3 × 32 network's weights far less, while reading and parsing hundreds of MB on the page freezes
 * or crashes the tab (and everything on it).
 */
const MAX_FILE_BYTES = 5_000_000;

const isWeightsFile = (value: unknown): value is SerializedWeights =>
  typeof value === 'object' && value !== null && (value as { format?: unknown }).format === 'imbalance-lab-weights';

/** Bring your own data (CSV), take it away again, and save or restore trained weights. */
export function DataFiles({ trainPoints, onImport, exportWeights, importWeights }: Props) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<string | null>(null);

  const readFile = async (event: ChangeEvent<HTMLInputElement>, consume: (text: string) => void) => {
    const file = event.target.files?.[0];
    event.target.value = ''; // choosing the same file again must fire again
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      const megabytes = (bytes: number) => (bytes / 1e6).toLocaleString('en-US', { maximumFractionDigits: 1 });
      setProblem(t('classifier.fileTooLarge', { size: megabytes(file.size), limit: megabytes(MAX_FILE_BYTES) }));
      return;
    }
    consume(await file.text());
  };

  const importCsv = (text: string) => {
    const result = parseCsv(text);
    if ('error' in result) {
      const { line, code, detail } = result.error;
      const message = `${t(`classifier.csvErrors.${code}`)}${detail ? ` (${detail})` : ''}`;
      // Line 0 is the file as a whole (no points, one class): no line to name.
      setProblem(line === 0 ? message : t('classifier.csvError', { line, message }));
      return;
    }
    setProblem(null);
    onImport(result.points);
  };

  const loadWeights = (text: string) => {
    try {
      const parsed: unknown = JSON.parse(text);
      if (!isWeightsFile(parsed)) throw new Error('not an Imbalance Lab weights file');
      setProblem(null);
      importWeights(parsed);
    } catch (error) {
      setProblem(t('classifier.weightsError', { message: error instanceof Error ? error.message : String(error) }));
    }
  };

  return (
    <div className="data-files">
      <label className="file-button">
        {t('classifier.importCsv')}
        <input type="file" accept=".csv,text/csv" data-testid="import-csv" onChange={(e) => void readFile(e, importCsv)} />
      </label>
      <button type="button" onClick={() => download('imbalance-lab-data.csv', toCsv(trainPoints), 'text/csv')}>
        {t('classifier.exportCsv')}
      </button>
      <button
        type="button"
        data-testid="download-weights"
        onClick={() =>
          void exportWeights().then((w) => download('imbalance-lab-weights.json', JSON.stringify(w), 'application/json'))
        }
      >
        {t('classifier.downloadWeights')}
      </button>
      <label className="file-button">
        {t('classifier.loadWeights')}
        <input type="file" accept=".json,application/json" data-testid="load-weights" onChange={(e) => void readFile(e, loadWeights)} />
      </label>
      {problem ? (
        <p className="alert" role="alert" data-testid="file-problem">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
