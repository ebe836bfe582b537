import { countFlips } from '../../metrics';
import type { BinaryLossId } from '../../losses/types';
import type { Snapshot } from '../../model/protocol';
import { evaluationAt, rankingOf } from './testMetrics';
import type { LanePoint } from './useTrainingSession';

/**
 * What the history keeps of each lane of a snapshot: test metrics at the threshold, and the flips
 * since `previous`. Null for a snapshot of other lanes or other points than the page's (one sent
 * before a change of lanes or data reached the worker, or before it had data).
 */
export function summarizeLanes(
  snapshot: Snapshot,
  previous: Snapshot | null,
  lossIds: readonly BinaryLossId[],
  labels: { train: Uint8Array; test: Uint8Array },
  threshold: number,
): Omit<LanePoint, 'loss'>[] | null {
  const fits = snapshot.lanes.every((lane) => lane.testLogits.length === labels.test.length && lane.trainLogits.length === labels.train.length);
  if (snapshot.lanes.length !== lossIds.length || !fits) return null;
  return snapshot.lanes.map((lane, k) => {
    const ranking = rankingOf(lane.testLogits, labels.test);
    const metrics = ranking ? evaluationAt(ranking, labels.test, threshold).thresholdMetrics : null;
    // Flips are counted within one run: after a reset the previous snapshot is another network's.
    const before = previous && previous.step < snapshot.step ? previous.lanes[k]?.trainLogits : undefined;
    return {
      lossId: lossIds[k] as BinaryLossId,
      minorityRecall: metrics?.minorityRecall ?? null,
      precision: metrics?.precision ?? null,
      averagePrecision: ranking?.evaluation.averagePrecision ?? null,
      ece: ranking?.evaluation.ece ?? null,
      flips: before ? (countFlips(before, lane.trainLogits, labels.train)?.total ?? null) : null,
    };
  });
}
