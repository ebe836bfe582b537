import type { BinaryLossId, LossParamsById } from './types';

/**
 * Which parameters each loss reads. Callers that cache curves use it to recompute only the losses
 * a slider really moves (γ moves focal, not cross-entropy).
 */
export const lossParamKeys: { readonly [K in BinaryLossId]: readonly (keyof LossParamsById[K])[] } = {
  ce: [],
  'balanced-ce': ['alpha'],
  focal: ['gamma', 'alpha'],
  dwb: ['wPos', 'wNeg', 'lambda'],
  poly1: ['epsilon'],
  asl: ['gammaPos', 'gammaNeg', 'margin'],
  'la-ce': ['tau', 'priorPos'],
};
