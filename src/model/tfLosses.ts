/**
 * The binary class-imbalance losses as differentiable tfjs graphs, for training the model.
 *
 * Each function returns the per-example, unreduced loss (same shape as `logits`) and uses the same
 * stable forms as the pure float64 module `src/losses` (see shared/reference/README.md): everything
 * is written with log σ, never with log(σ(·)), 1 − σ(·) or pow, so values and gradients stay finite
 * (no NaN, no ±∞) for every float32 logit. Labels are float32 tensors of 0/1.
 */
import * as tf from '@tensorflow/tfjs-core';
// tfjs-core alone registers no gradients, and these losses exist to be differentiated.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import type { BinaryLossId, LossParamsById } from '../losses/types';

export type TfBinaryLoss<P> = (logits: tf.Tensor, labels: tf.Tensor, params: P) => tf.Tensor;
export type TfBinaryLossTable = { readonly [K in BinaryLossId]: TfBinaryLoss<LossParamsById[K]> };

/**
 * log σ(z) = min(z, 0) − log1p(exp(−|z|)): exp never overflows and nothing is log(0).
 * Not tf.logSigmoid: its gradient fails on the wasm backend in 4.22 (shared/STACK.md).
 */
function logSigmoid(z: tf.Tensor): tf.Tensor {
  return tf.sub(tf.minimum(z, 0), tf.log1p(tf.exp(tf.neg(tf.abs(z)))));
}

// Every tf.where condition below is a greaterEqual: it is the only comparison with a registered
// (zero) gradient in tfjs-core 4.22, and tf.grad throws on a `less` or `greater` on the tape.

/** `ifPositive` where the label is 1, `ifNegative` where it is 0 (exact: labels are exactly 0 or 1). */
function byLabel(labels: tf.Tensor, ifPositive: number, ifNegative: number): tf.Tensor {
  return tf.add(tf.mul(labels, ifPositive), tf.mul(tf.sub(1, labels), ifNegative));
}

/** log p_t = log σ(x_t) and log(1 − p_t) = log σ(−x_t), with x_t = s·x and s = 2y − 1. */
function targetLogs(logits: tf.Tensor, labels: tf.Tensor): { logPt: tf.Tensor; logQ: tf.Tensor } {
  const xt = tf.mul(tf.sub(tf.mul(labels, 2), 1), logits);
  return { logPt: logSigmoid(xt), logQ: logSigmoid(tf.neg(xt)) };
}

/**
 * −log(1 − q) − q = Σ_{k≥2} q^k / k. Subtracting directly cancels when q is small (both terms ≈ q),
 * so below q = 0.1 use the series up to q^9 (truncation < 3e−9 relative, under float32 rounding).
 * Both branches are finite for q ∈ [0, 1], so `where`'s gradient (0 × unused branch) stays finite.
 */
function logRemainder(q: tf.Tensor, logOneMinusQ: tf.Tensor): tf.Tensor {
  let horner: tf.Tensor = tf.fill(q.shape, 1 / 9);
  for (let k = 8; k >= 2; k--) horner = tf.add(tf.mul(horner, q), 1 / k);
  const series = tf.mul(tf.square(q), horner);
  return tf.where(tf.greaterEqual(q, 0.1), tf.sub(tf.neg(logOneMinusQ), q), series);
}

function ce(logits: tf.Tensor, labels: tf.Tensor): tf.Tensor {
  return tf.tidy(() => tf.neg(targetLogs(logits, labels).logPt));
}

function balancedCe(logits: tf.Tensor, labels: tf.Tensor, { alpha }: LossParamsById['balanced-ce']): tf.Tensor {
  return tf.tidy(() => tf.mul(byLabel(labels, alpha, 1 - alpha), ce(logits, labels)));
}

function focal(logits: tf.Tensor, labels: tf.Tensor, { gamma, alpha }: LossParamsById['focal']): tf.Tensor {
  return tf.tidy(() => {
    const { logPt, logQ } = targetLogs(logits, labels);
    // (1 − p_t)^γ as exp(γ·log σ(−x_t)): tf.pow(0, 0) and pow's gradient at 0 are NaN; this is exactly
    // 1 for γ = 0 and has a finite gradient everywhere.
    const modulated = tf.mul(tf.exp(tf.mul(logQ, gamma)), logPt);
    // torchvision semantics: α < 0 switches the class weighting off.
    const alphaT = alpha < 0 ? tf.scalar(1) : byLabel(labels, alpha, 1 - alpha);
    return tf.neg(tf.mul(alphaT, modulated));
  });
}

/** Weights must be positive (the exponent form needs ln w). */
function dwb(logits: tf.Tensor, labels: tf.Tensor, { wPos, wNeg, lambda = 1 }: LossParamsById['dwb']): tf.Tensor {
  return tf.tidy(() => {
    const { logPt, logQ } = targetLogs(logits, labels);
    const q = tf.exp(logQ);
    // w_y^(1 − p_t) = exp((1 − p_t)·ln w_y): the weight is an exponent, not a factor.
    const weight = tf.exp(tf.mul(q, byLabel(labels, Math.log(wPos), Math.log(wNeg))));
    const regulariser = tf.mul(2 * lambda, tf.exp(tf.add(logPt, logQ))); // λ · 2 p_t (1 − p_t), may make the loss < 0
    return tf.sub(tf.neg(tf.mul(weight, logPt)), regulariser);
  });
}

function poly1(logits: tf.Tensor, labels: tf.Tensor, { epsilon }: LossParamsById['poly1']): tf.Tensor {
  return tf.tidy(() => {
    const { logPt, logQ } = targetLogs(logits, labels);
    const q = tf.exp(logQ);
    // −log p_t + ε q = (1 + ε) q + [−log(1 − q) − q]: for ε = −1 the first term is exactly 0 and the
    // bracket (≈ q²/2 for large x_t) is computed without cancellation.
    return tf.add(tf.mul(q, 1 + epsilon), logRemainder(q, logPt));
  });
}

/** ASL's negative term −p_m^γ log(1 − p_m), p_m = max(p − m, 0), for a margin m > 0. */
function aslShiftedNegative(logits: tf.Tensor, gamma: number, margin: number): tf.Tensor {
  const p = tf.exp(logSigmoid(logits));
  const q = tf.exp(logSigmoid(tf.neg(logits)));
  const inactive = tf.greaterEqual(margin, p);
  // Where p ≤ m the loss and its gradient are 0. Substitute p_m = 1/2 there so that log(p_m) and its
  // gradient stay finite: `where` multiplies the unused branch's gradient by 0, and 0·∞ = NaN.
  // Elsewhere p > m in float32, so p − m > 0 exactly.
  const pm = tf.where(inactive, 0.5, tf.sub(p, margin));
  // log(1 − p_m): log1p(−p_m) is exact for small p_m; log(q + m) (1 − p_m = σ(−x) + m ≥ m) avoids
  // log(0) when p rounds to 1. The min keeps the unused log1p branch finite.
  const large = tf.greaterEqual(pm, 0.5);
  const logOneMinusPm = tf.where(large, tf.log(tf.add(q, margin)), tf.log1p(tf.neg(tf.minimum(pm, 0.5))));
  const term = tf.neg(tf.mul(tf.exp(tf.mul(tf.log(pm), gamma)), logOneMinusPm));
  return tf.where(inactive, 0, term);
}

function asl(logits: tf.Tensor, labels: tf.Tensor, params: LossParamsById['asl']): tf.Tensor {
  const { gammaPos, gammaNeg, margin } = params;
  return tf.tidy(() => {
    const logP = logSigmoid(logits);
    const logNotP = logSigmoid(tf.neg(logits));
    // y = 1: −(1 − p)^γ+ log p, as in focal. y = 0 with m = 0: −p^γ− log(1 − p), both from log σ.
    const positive = tf.neg(tf.mul(tf.exp(tf.mul(logNotP, gammaPos)), logP));
    const negative =
      margin === 0
        ? tf.neg(tf.mul(tf.exp(tf.mul(logP, gammaNeg)), logNotP))
        : aslShiftedNegative(logits, gammaNeg, margin);
    // Both branches are finite everywhere, so blending by the 0/1 label is safe for the gradient.
    return tf.add(tf.mul(labels, positive), tf.mul(tf.sub(1, labels), negative));
  });
}

function laCe(logits: tf.Tensor, labels: tf.Tensor, { tau, priorPos }: LossParamsById['la-ce']): tf.Tensor {
  // The shift τ·log(π/(1 − π)) is a constant: computed in float64, added once in float32.
  const shift = tau * Math.log(priorPos / (1 - priorPos));
  return tf.tidy(() => ce(tf.add(logits, shift), labels));
}

/** −w_y log p_t: cross-entropy scaled by the class's effective-number weight. */
function weightedCe(logits: tf.Tensor, labels: tf.Tensor, { wPos, wNeg }: LossParamsById['weighted-ce']): tf.Tensor {
  return tf.tidy(() => tf.mul(byLabel(labels, wPos, wNeg), ce(logits, labels)));
}

/** −w_y (1 − p_t)^γ log p_t: focal loss with the effective-number weight in place of α_t. */
function classBalancedFocal(
  logits: tf.Tensor,
  labels: tf.Tensor,
  { gamma, wPos, wNeg }: LossParamsById['class-balanced-focal'],
): tf.Tensor {
  return tf.tidy(() => {
    const { logPt, logQ } = targetLogs(logits, labels);
    // (1 − p_t)^γ as exp(γ·log σ(−x_t)), as in focal: exactly 1 for γ = 0, finite gradient everywhere.
    const modulated = tf.mul(tf.exp(tf.mul(logQ, gamma)), logPt);
    return tf.neg(tf.mul(byLabel(labels, wPos, wNeg), modulated));
  });
}

/** −(1 − p_t)^γ log p_t + ε (1 − p_t)^(γ+1) = q^γ · [Poly-1 loss], q = 1 − p_t. */
function poly1Focal(logits: tf.Tensor, labels: tf.Tensor, { epsilon, gamma }: LossParamsById['poly1-focal']): tf.Tensor {
  return tf.tidy(() => {
    const { logPt, logQ } = targetLogs(logits, labels);
    const q = tf.exp(logQ);
    // The Poly-1 factor as in poly1 (exact remainder for ε = −1), the power as exp(γ·log q): no pow,
    // so no q^(γ−1) in the gradient, which is ∞ where q underflows for γ < 1.
    const poly = tf.add(tf.mul(q, 1 + epsilon), logRemainder(q, logPt));
    return tf.mul(tf.exp(tf.mul(logQ, gamma)), poly);
  });
}

/** y_s softplus(−x) + (1 − y_s) softplus(x) = −y_s log σ(x) − (1 − y_s) log σ(−x), y_s = y(1 − ε) + ε/2. */
function labelSmoothing(logits: tf.Tensor, labels: tf.Tensor, { epsilon }: LossParamsById['label-smoothing']): tf.Tensor {
  return tf.tidy(() => {
    // Both targets written directly (1 − ε/2 and ε/2 by label), so 1 − y_s is no float32 difference.
    const target = byLabel(labels, 1 - epsilon / 2, epsilon / 2);
    const rest = byLabel(labels, epsilon / 2, 1 - epsilon / 2);
    return tf.neg(tf.add(tf.mul(target, logSigmoid(logits)), tf.mul(rest, logSigmoid(tf.neg(logits)))));
  });
}

/** softplus(−S (x_t − Δ_y)) = −log σ(S (x_t − Δ_y)): cross-entropy at the margin-shifted, scaled logit. */
function ldam(logits: tf.Tensor, labels: tf.Tensor, { scale, deltaPos, deltaNeg }: LossParamsById['ldam']): tf.Tensor {
  return tf.tidy(() => {
    const xt = tf.mul(tf.sub(tf.mul(labels, 2), 1), logits);
    const shifted = tf.mul(tf.sub(xt, byLabel(labels, deltaPos, deltaNeg)), scale);
    return tf.neg(logSigmoid(shifted));
  });
}

/** Every loss by id, so the training code can pick one by the id held in the UI state. */
export const tfBinaryLosses: TfBinaryLossTable = {
  ce,
  'balanced-ce': balancedCe,
  focal,
  dwb,
  poly1,
  asl,
  'la-ce': laCe,
  'weighted-ce': weightedCe,
  'class-balanced-focal': classBalancedFocal,
  'poly1-focal': poly1Focal,
  'label-smoothing': labelSmoothing,
  ldam,
};

/** The batch mean of a loss: the scalar to minimise. */
export function meanLoss<K extends BinaryLossId>(
  id: K,
  logits: tf.Tensor,
  labels: tf.Tensor,
  params: LossParamsById[K],
): tf.Scalar {
  return tf.tidy(() => tf.mean(tfBinaryLosses[id](logits, labels, params)));
}
