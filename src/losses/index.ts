/**
 * The loss library: pure float64 math, no DOM. Adding a loss is one file and one row in the table.
 */
import { asymmetricLoss } from './asl';
import { balancedCrossEntropy } from './balancedCe';
import { crossEntropy } from './ce';
import { dwbLoss } from './dwb';
import { focalLoss } from './focal';
import { logitAdjustedCrossEntropy } from './laCe';
import { poly1Loss } from './poly1';
import type { BinaryLossId, BinaryLossTable } from './types';

export const binaryLosses: BinaryLossTable = {
  ce: crossEntropy,
  'balanced-ce': balancedCrossEntropy,
  focal: focalLoss,
  dwb: dwbLoss,
  poly1: poly1Loss,
  asl: asymmetricLoss,
  'la-ce': logitAdjustedCrossEntropy,
};

/** The order in which losses are listed in the UI and legends. */
export const binaryLossIds: readonly BinaryLossId[] = ['ce', 'balanced-ce', 'focal', 'dwb', 'poly1', 'asl', 'la-ce'];

export type * from './types';
export { sigmoid, softplus, logSigmoid, logit } from './stable';
export { labelSign, trueClassLogit } from './trueClass';
export { alphaT } from './balancedCe';
export { modulatingFactor } from './focal';
export { inverseFrequency, dwbLogRatio, effectiveNumber, alphaFromRatio } from './classWeights';
export { multiClassLosses } from './multiClass';
export type { MultiClassLoss, MultiClassLossId } from './multiClass';
export { lossParamKeys } from './paramKeys';
