import { defineLoss, setting } from './defineLoss';
import { sigmoid, softplus } from './stable';

/**
 * Cross-entropy with label smoothing: the target y is replaced by y_s = y (1 − ε) + ε/2, and
 *   L = y_s softplus(−x) + (1 − y_s) softplus(x),   dL/dx = σ(x) − y_s
 * (Szegedy et al., "Rethinking the Inception Architecture for Computer Vision", CVPR 2016, §7, with
 * K = 2 classes and the uniform prior 1/K). The loss is smallest at σ(x) = y_s, not at x = ±∞: a
 * confident correct example is pushed back, which is the point.
 *
 * Stable form:
 * - Both smoothed targets are written directly (1 − ε/2 and ε/2), so 1 − y_s is not a difference of a
 *   rounded y_s; the value is a sum of two non-negative softplus terms, which never overflow early.
 * - σ(x) − y_s is formed as the derivative of the two terms, (1 − y_s) σ(x) − y_s σ(−x), with σ(−x)
 *   evaluated directly: for y = 1 at x = 40 that is ε/2 − 4e−18, where σ(40) − (1 − ε/2) rounds σ(40)
 *   to 1 first and, for ε = 0, gives 0 instead of −4e−18. With ε = 0 it is cross-entropy's −σ(−x_t)
 *   to the last bit. Near the minimum σ(x) = y_s the two terms cancel, as they must.
 */
const smoothedTargets = (y: 0 | 1, epsilon: number): { target: number; rest: number } =>
  y === 1 ? { target: 1 - epsilon / 2, rest: epsilon / 2 } : { target: epsilon / 2, rest: 1 - epsilon / 2 };

export const labelSmoothingLoss = defineLoss({
  id: 'label-smoothing',
  citation: 'Szegedy et al., “Rethinking the Inception Architecture for Computer Vision”, CVPR 2016, §7',
  params: { epsilon: setting(0, 1, 0.1, { kind: 'linear', step: 0.01 }) },
  symbols: { epsilon: 'ε' },
  value(x, y, { epsilon }) {
    const { target, rest } = smoothedTargets(y, epsilon);
    return target * softplus(-x) + rest * softplus(x);
  },
  grad(x, y, { epsilon }) {
    const { target, rest } = smoothedTargets(y, epsilon);
    return rest * sigmoid(x) - target * sigmoid(-x);
  },
});
