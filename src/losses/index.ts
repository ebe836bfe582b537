/**
 * The loss library: pure float64 math, no DOM. Each loss declares itself in its own file;
 * `registry.ts` lists them.
 */
export { lossRegistry, binaryLosses, binaryLossIds, isLossId, anyLoss } from './registry';
export type * from './types';
export { sigmoid, softplus, logSigmoid, logit } from './stable';
export { labelSign, trueClassLogit } from './trueClass';
export { alphaT } from './balancedCe';
export { modulatingFactor } from './focal';
export { inverseFrequency, dwbLogRatio, effectiveNumber, alphaFromRatio } from './classWeights';
export { multiClassLosses } from './multiClass';
export type { MultiClassLoss, MultiClassLossId } from './multiClass';
