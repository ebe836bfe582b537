import type { Label } from './types';

/**
 * Every binary loss is a function of the logit of the true class, x_t = s·x with s = +1 for y = 1 and
 * −1 for y = 0. By the chain rule dL/dx = s · dL/dx_t, so each loss computes its derivative in x_t
 * (where the formulas are symmetric) and multiplies by s once.
 */
export const labelSign = (y: Label): 1 | -1 => (y === 1 ? 1 : -1);

/** x_t: the logit of the true class. */
export const trueClassLogit = (x: number, y: Label): number => (y === 1 ? x : -x);
