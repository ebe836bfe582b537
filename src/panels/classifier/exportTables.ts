import type { Evaluation, OperatingPoint } from '../../metrics';
import type { LaneTraining } from '../../model/protocol';
import type { HistoryPoint, LanePoint } from './useTrainingSession';

type Cell = string | number | null | undefined;

/**
 * RFC 4180 CSV with a header row. Numbers are written in full (String(0.1 + 0.2) is
 * "0.30000000000000004"): a reader recomputing a metric gets the page's value, not a rounded one.
 * A missing or undefined value (recall with no minority example, NaN) is an empty cell.
 */
export function csvText(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const cell = (value: Cell) => {
    if (value === null || value === undefined) return '';
    if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
    return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
  };
  return [header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** The history's columns: a name in the file and how to read it from a lane's point. */
const historyColumns: [string, (p: LanePoint) => Cell][] = [
  ['loss_id', (p) => p.lossId],
  ['loss', (p) => p.loss],
  ['recall', (p) => p.minorityRecall],
  ['precision', (p) => p.precision],
  ['pr_auc', (p) => p.averagePrecision],
  ['ece', (p) => p.ece],
  ['flips', (p) => p.flips],
];

/**
 * The metric history, one row per step kept: step, then each lane's loss and test metrics. One
 * network's columns are step, loss_id, loss, recall, …; a race's are lane1_loss_id, lane1_loss, ….
 * The loss is the raw training loss (the chart divides it by its largest value).
 */
export function historyCsv(history: readonly HistoryPoint[]): string {
  const lanes = history.reduce((n, h) => Math.max(n, h.lanes.length), 0);
  const prefix = (k: number) => (lanes > 1 ? `lane${k + 1}_` : '');
  const laneIndices = Array.from({ length: Math.max(1, lanes) }, (_, k) => k);
  const header = ['step', ...laneIndices.flatMap((k) => historyColumns.map(([name]) => prefix(k) + name))];
  const rows = history.map((h) => [
    h.step,
    ...laneIndices.flatMap((k) => historyColumns.map(([, read]) => (h.lanes[k] ? read(h.lanes[k]) : null))),
  ]);
  return csvText(header, rows);
}

export interface RaceResultRow {
  training: LaneTraining;
  evaluation: Evaluation | null;
  /** Lane 1's model at this lane's recall; null for lane 1 itself or when undefined. */
  laneOneAtSameRecall: OperatingPoint | null;
}

/** "gamma=2;alpha=0.25": the parameters the lane trained with, by their ids, at full precision. */
const paramsText = (training: LaneTraining) =>
  Object.entries(training.params)
    .map(([name, value]) => `${name}=${value}`)
    .join(';');

/** The race's results table, one row per lane, the counts beside the rates they come from. */
export function raceResultsCsv(rows: readonly RaceResultRow[]): string {
  const header = [
    'lane', 'loss', 'params', 'class_weighting', 'class_weighting_beta', 'threshold', 'tp', 'fp', 'fn', 'tn',
    'recall', 'precision', 'f1', 'pr_auc', 'roc_auc', 'ece', 'brier',
    'lane1_threshold_at_same_recall', 'lane1_precision_at_same_recall', 'lane1_tp_at_same_recall', 'lane1_predicted_positives_at_same_recall',
  ];
  return csvText(
    header,
    rows.map(({ training, evaluation: e, laneOneAtSameRecall: p }, k) => [
      k + 1,
      training.loss,
      paramsText(training),
      training.classWeighting,
      training.classWeighting === 'effectiveNumber' ? training.beta : null,
      e?.threshold,
      e?.confusion.tp,
      e?.confusion.fp,
      e?.confusion.fn,
      e?.confusion.tn,
      e?.thresholdMetrics.minorityRecall,
      e?.thresholdMetrics.precision,
      e?.thresholdMetrics.f1,
      e?.averagePrecision,
      e?.rocAuc,
      e?.ece,
      e?.brier,
      p?.threshold,
      p?.precision,
      p?.truePositives,
      p?.predictedPositives,
    ]),
  );
}
