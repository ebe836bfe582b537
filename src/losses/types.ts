/**
 * One interface for every binary loss, in the spirit of TensorFlow Playground's `{error, der}`:
 * a loss is a value and its analytic derivative with respect to the logit.
 *
 * Conventions (shared/reference/README.md): x is the logit, y ∈ {0, 1} the label, p = σ(x),
 * x_t = x if y = 1 else −x, p_t = σ(x_t). Values are per example, unreduced, natural log.
 */
export type Label = 0 | 1;

export interface BinaryLoss<P> {
  /** The id used in the reference vectors and the URL ("focal", "balanced-ce", …). */
  readonly id: BinaryLossId;
  /** The per-example loss L(x, y). */
  value(x: number, y: Label, params: P): number;
  /** dL/dx: the derivative with respect to the logit x (not x_t, not p). */
  grad(x: number, y: Label, params: P): number;
}

export type BinaryLossId = 'ce' | 'balanced-ce' | 'focal' | 'dwb' | 'poly1' | 'asl' | 'la-ce';

/** Parameters of each loss, named exactly as in binary-losses.json. */
export interface LossParamsById {
  ce: Record<never, never>;
  'balanced-ce': { alpha: number };
  focal: { gamma: number; alpha: number };
  /** λ weighs the regulariser (default 1, the published form; reference vectors leave it out). */
  dwb: { wPos: number; wNeg: number; lambda?: number };
  poly1: { epsilon: number };
  asl: { gammaPos: number; gammaNeg: number; margin: number };
  'la-ce': { tau: number; priorPos: number };
}

/** Every parameter of every loss at once: what the UI holds and hands to any loss. */
export type AllLossParams = LossParamsById['balanced-ce'] &
  LossParamsById['focal'] &
  Required<LossParamsById['dwb']> &
  LossParamsById['poly1'] &
  LossParamsById['asl'] &
  LossParamsById['la-ce'];

export type BinaryLossTable = { readonly [K in BinaryLossId]: BinaryLoss<LossParamsById[K]> };
