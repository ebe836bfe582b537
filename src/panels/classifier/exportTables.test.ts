import { describe, expect, it } from 'vitest';
import type { Evaluation } from '../../metrics';
import { csvText, historyCsv, raceResultsCsv } from './exportTables';
import type { HistoryPoint, LanePoint } from './useTrainingSession';

const parse = (text: string) =>
  text
    .trimEnd()
    .split('\r\n')
    .map((line) => line.split(','));

const lanePoint = (loss: number, recall: number | null, flips: number | null = null): LanePoint => ({
  loss,
  lossId: 'focal',
  minorityRecall: recall,
  precision: 0.1 + 0.2,
  averagePrecision: 0.5,
  ece: 0.01,
  flips,
});

describe('csvText', () => {
  it('writes numbers in full, quotes only what needs it, and leaves missing values empty', () => {
    expect(csvText(['a', 'b', 'c', 'd'], [[0.1 + 0.2, 'x,"y"', null, Number.NaN]])).toBe('a,b,c,d\r\n0.30000000000000004,"x,""y""",,\r\n');
  });
});

describe('historyCsv', () => {
  it('gives one network one row per step, with the brief column ids', () => {
    const history: HistoryPoint[] = [
      { step: 0, lanes: [lanePoint(0.69, null)] },
      { step: 100, lanes: [lanePoint(0.123456789012345, 0.6, 4)] },
    ];
    const rows = parse(historyCsv(history));
    expect(rows[0]).toEqual(['step', 'loss_id', 'loss', 'recall', 'precision', 'pr_auc', 'ece', 'flips']);
    expect(rows.slice(1)).toEqual([
      ['0', 'focal', '0.69', '', '0.30000000000000004', '0.5', '0.01', ''],
      ['100', 'focal', '0.123456789012345', '0.6', '0.30000000000000004', '0.5', '0.01', '4'],
    ]);
  });

  it('prefixes each lane of a race', () => {
    const rows = parse(historyCsv([{ step: 5, lanes: [lanePoint(1, 0.5), lanePoint(2, 0.25)] }]));
    expect(rows[0]?.slice(0, 3)).toEqual(['step', 'lane1_loss_id', 'lane1_loss']);
    expect(rows[0]).toContain('lane2_pr_auc');
    expect(rows[1]?.length).toBe(rows[0]?.length);
  });
});

describe('raceResultsCsv', () => {
  it('writes one row per lane with counts, rates and the parameters trained with', () => {
    const evaluation = {
      threshold: 0.5,
      confusion: { tp: 12, fp: 30, tn: 1950, fn: 8 },
      thresholdMetrics: { minorityRecall: 12 / 20, precision: 12 / 42, f1: 24 / 62, specificity: null, balancedAccuracy: null, accuracy: null },
      averagePrecision: 0.4,
      rocAuc: 0.9,
      brier: 0.02,
      ece: 0.03,
      reliability: [],
      prCurve: [],
      rocCurve: [],
    } satisfies Evaluation;
    const text = raceResultsCsv([
      { training: { loss: 'ce', params: {}, classWeighting: 'none', beta: 0.999 }, evaluation, laneOneAtSameRecall: null },
      {
        training: { loss: 'focal', params: { gamma: 2, alpha: 0.25 }, classWeighting: 'effectiveNumber', beta: 0.999 },
        evaluation: null,
        laneOneAtSameRecall: { threshold: 0.3, recall: 0.6, precision: 0.2, truePositives: 12, predictedPositives: 60 },
      },
    ]);
    const [header, first, second] = parse(text);
    const column = (row: string[] | undefined, name: string) => row?.[header?.indexOf(name) ?? -1];
    expect(header?.slice(0, 4)).toEqual(['lane', 'loss', 'params', 'class_weighting']);
    expect(parse(text)).toHaveLength(3);
    expect(column(first, 'recall')).toBe(String(12 / 20));
    expect(column(first, 'tp')).toBe('12');
    expect(column(second, 'params')).toBe('gamma=2;alpha=0.25');
    expect(column(second, 'class_weighting_beta')).toBe('0.999');
    expect(column(second, 'recall')).toBe('');
    expect(column(second, 'lane1_predicted_positives_at_same_recall')).toBe('60');
  });
});
