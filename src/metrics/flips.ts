/**
 * How many examples changed sides between two snapshots of the same model: p_t crossed ½, so an
 * example became easy (now classified correctly at threshold ½) or became hard again. A loss that
 * keeps shoving examples back and forth shows up here long before it shows in the averages.
 */
import { isPositive } from './inputs';

export interface Flips {
  /** Hard before (p_t ≤ ½), easy now (p_t > ½). */
  toEasy: number;
  /** Easy before, hard now: what was learnt and then lost. */
  toHard: number;
  total: number;
}

/**
 * Easy means p_t > ½, i.e. the true-class logit x_t = (2y − 1)·x is > 0, as in the loss budget. x_t = 0
 * is hard, and so is a NaN logit (NaN > 0 is false), so a diverging model reads as losing examples.
 */
function isEasy(logit: number | undefined, label: number | undefined): boolean {
  const x = logit ?? Number.NaN;
  return (isPositive(label) ? x : -x) > 0;
}

/** null when the two snapshots are of different point sets (lengths differ). */
export function countFlips(
  previousLogits: ArrayLike<number>,
  logits: ArrayLike<number>,
  labels: ArrayLike<number>,
): Flips | null {
  // Labels of another length also mean another point set (say, mid-way through a dataset change):
  // there is nothing to compare, which "—" says better than an exception in the middle of a lesson.
  if (previousLogits.length !== logits.length || labels.length !== logits.length) return null;
  let toEasy = 0;
  let toHard = 0;
  for (let i = 0; i < logits.length; i++) {
    const wasEasy = isEasy(previousLogits[i], labels[i]);
    const easy = isEasy(logits[i], labels[i]);
    if (easy && !wasEasy) toEasy++;
    else if (wasEasy && !easy) toHard++;
  }
  return { toEasy, toHard, total: toEasy + toHard };
}
