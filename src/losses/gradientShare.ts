import { anyLoss } from './registry';
import type { BinaryLossId, ResolvedParams } from './types';

/**
 * Each example's share of the training signal: |∂L/∂x| times its class weight, divided by the
 * largest in the set, so the most-pushing example is 1. This is what the boundary map draws as
 * point size: with focal loss the easy majority points shrink towards 0 as γ grows.
 */
export function gradientShares(
  logits: ArrayLike<number>,
  labels: ArrayLike<number>,
  id: BinaryLossId,
  params: ResolvedParams,
  [weightNeg, weightPos]: readonly [number, number],
): Float32Array {
  const loss = anyLoss(id).bind(params);
  const shares = new Float32Array(logits.length);
  let largest = 0;
  for (let i = 0; i < logits.length; i++) {
    const y = labels[i] === 1 ? 1 : 0;
    const push = Math.abs(loss.grad(logits[i] ?? 0, y)) * (y === 1 ? weightPos : weightNeg);
    const share = Number.isFinite(push) ? push : 0;
    shares[i] = share;
    largest = Math.max(largest, share);
  }
  return largest > 0 ? shares.map((share) => share / largest) : shares;
}
