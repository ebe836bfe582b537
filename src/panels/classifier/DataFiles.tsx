import { startTransition, useEffect, useRef, useState } from 'react';
import type { ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { download } from '../download';
import type { TFunction } from 'i18next';
import { toCsv } from '../../data';
import { readCsvFile } from '../../data/csvClient';
import type { CsvReadError, CsvReadResult } from '../../data/csvClient';
import type { LabeledPoint } from '../../data/types';
import type { SerializedWeights } from '../../model/protocol';
import { WeightsError } from '../../model/weights';

interface Props {
  trainPoints: readonly LabeledPoint[];
  onImport(points: LabeledPoint[]): void;
  exportWeights(): Promise<SerializedWeights>;
  importWeights(weights: SerializedWeights): void;
}

/**
 * Files larger than this are refused before they are read: 20,000 points of CSV are about 1 MB and
 * a 3 × 32 network's weights far less, while hundreds of MB froze the tab when parsed on the page
 * and can still exhaust its memory (and lose everything on it) when read, even in a worker. CSV is
 * read and parsed in a worker (data/csvClient.ts), so even a file near the limit never blocks the page.
 */
const MAX_FILE_BYTES = 5_000_000;

const isWeightsFile = (value: unknown): value is SerializedWeights =>
  typeof value === 'object' && value !== null && (value as { format?: unknown }).format === 'imbalance-lab-weights';

/** A CSV problem in the reader's language, with its line when it has one. */
function csvProblem(t: TFunction, { line, code, detail }: CsvReadError): string {
  const problem = t(`classifier.csvErrors.${code}`);
  const message = detail ? t('classifier.csvErrorDetail', { problem, detail }) : problem;
  // Line 0 is the file as a whole (no points, one class, unreadable): no line to name.
  return line === 0 ? message : t('classifier.csvError', { line, message });
}

/** A weights problem in the reader's language; one this page does not know keeps its own text. */
function weightsProblem(t: TFunction, error: unknown): string {
  const message =
    error instanceof WeightsError ? t(`classifier.weightsErrors.${error.code}`, { ...error.values }) : error instanceof Error ? error.message : String(error);
  return t('classifier.weightsError', { message });
}

/** Bring your own data (CSV), take it away again, and save or restore trained weights. */
export function DataFiles({ trainPoints, onImport, exportWeights, importWeights }: Props) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<string | null>(null);
  const [readingCsv, setReadingCsv] = useState(false);
  /** The CSV being read: a newer choice aborts it, so only the last file chosen is imported. */
  const csvRead = useRef<AbortController | null>(null);
  useEffect(() => () => csvRead.current?.abort(), []);

  /** The chosen file, unless it is too large to read (which says so). */
  const chosenFile = (event: ChangeEvent<HTMLInputElement>): File | null => {
    const file = event.target.files?.[0];
    event.target.value = ''; // choosing the same file again must fire again
    if (!file) return null;
    if (file.size > MAX_FILE_BYTES) {
      const megabytes = (bytes: number) => (bytes / 1e6).toLocaleString('en-US', { maximumFractionDigits: 1 });
      setProblem(t('classifier.fileTooLarge', { size: megabytes(file.size), limit: megabytes(MAX_FILE_BYTES) }));
      return null;
    }
    return file;
  };

  const importCsv = async (event: ChangeEvent<HTMLInputElement>) => {
    // A file chosen while another is read wins, even one too large to read: the older is dropped.
    if (event.target.files?.length) {
      csvRead.current?.abort();
      csvRead.current = null;
      setReadingCsv(false);
    }
    const file = chosenFile(event);
    if (!file) return;
    const read = new AbortController();
    csvRead.current = read;
    setReadingCsv(true);
    setProblem(null);
    let result: CsvReadResult;
    try {
      result = await readCsvFile(file, { signal: read.signal });
    } catch {
      return; // aborted: a newer file (or none: the panel closed) took its place
    }
    if (read.signal.aborted) return;
    csvRead.current = null;
    setReadingCsv(false);
    if ('error' in result) {
      setProblem(csvProblem(t, result.error));
      return;
    }
    // A transition, so React renders 20,000 new points in slices instead of one long task.
    startTransition(() => onImport(result.points));
  };

  const loadWeights = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = chosenFile(event);
    if (!file) return;
    try {
      const text = await file.text();
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch (error) {
        throw new WeightsError('notJson', {}, error instanceof Error ? error.message : String(error));
      }
      if (!isWeightsFile(parsed)) throw new WeightsError('notWeightsFile', {}, 'not an Imbalance Lab weights file');
      setProblem(null);
      importWeights(parsed);
    } catch (error) {
      setProblem(weightsProblem(t, error));
    }
  };

  return (
    <div className="data-files">
      <label className="file-button">
        {t('classifier.importCsv')}
        <input type="file" accept=".csv,text/csv" data-testid="import-csv" onChange={(e) => void importCsv(e)} />
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
        <input type="file" accept=".json,application/json" data-testid="load-weights" onChange={(e) => void loadWeights(e)} />
      </label>
      {readingCsv ? (
        <p className="hint" role="status" data-testid="file-reading">
          {t('classifier.readingFile')}
        </p>
      ) : null}
      {problem ? (
        <p className="alert" role="alert" data-testid="file-problem">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
