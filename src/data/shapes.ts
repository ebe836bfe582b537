/**
 * Where each class lives, one sampler per dataset shape (in the spirit of TensorFlow Playground's
 * dataset.ts). A sampler draws one point of one class; label 1 is always the minority.
 *
 * The draws a sampler takes never depend on the noise or on earlier values (no rejection
 * sampling), and noise only scales them. So moving the noise slider moves each point smoothly
 * instead of drawing a new cloud, and the n-th point of a class is the same for every size and ratio.
 */
import type { Label } from '../losses/types';
import { cosSinTurns } from './portableMath';
import type { DatasetShape } from './types';
import type { Random } from './random';

export interface PlanePoint {
  x: number;
  y: number;
}

/** One point of class `label`; `noise` in 0 … 1 is the spec's spread. */
export type PointSampler = (label: Label, noise: number, random: Random) => PlanePoint;

/**
 * Two Gaussian blobs on the diagonal. At noise 0 (σ = 0.1) they are far apart; at noise 1
 * (σ = 0.35) about 8 % of each class lies past the midline, so the Bayes boundary misclassifies some.
 */
export const sampleBlobs: PointSampler = (label, noise, random) => {
  const centre = label === 1 ? 0.35 : -0.35;
  const spread = 0.1 + 0.25 * noise;
  return { x: centre + spread * random.normal(), y: centre + spread * random.normal() };
};

/**
 * scikit-learn's two interleaving half circles, rescaled from [−1, 2] × [−0.5, 1] to
 * [−0.9, 0.9] × [−0.45, 0.45]. The minority is the lower moon; the two are congruent, so which one
 * is rare does not matter, only how many.
 */
export const sampleMoons: PointSampler = (label, noise, random) => {
  const [cos, sin] = cosSinTurns(0.5 * random.uniform()); // t in [0, π)
  const moonX = label === 1 ? 1 - cos : cos;
  const moonY = label === 1 ? 0.5 - sin : sin;
  const spread = 0.3 * noise; // in scikit-learn's units, before the rescale
  const scale = 0.6;
  return {
    x: scale * (moonX + spread * random.normal() - 0.5),
    y: scale * (moonY + spread * random.normal() - 0.25),
  };
};

/**
 * Two concentric rings with the minority on the inner one (radius 0.35) and the majority around it
 * (radius 0.75): the boundary must close around the rare class, and a loss that gives up on it
 * draws no boundary at all. Noise is radial (σ up to 0.18), so at noise 1 the rings touch.
 */
export const sampleCircles: PointSampler = (label, noise, random) => {
  const [cos, sin] = cosSinTurns(random.uniform());
  const radius = (label === 1 ? 0.35 : 0.75) + 0.18 * noise * random.normal();
  return { x: radius * cos, y: radius * sin };
};

/** Where the rare cluster sits: off-centre, so it is not confused with the circles dataset. */
export const RARE_CLUSTER_CENTRE: Readonly<PlanePoint> = { x: 0.35, y: 0.3 };
/** The majority points within this distance of the centre are pushed out of the hole. */
const RARE_CLUSTER_REACH = 0.6;

/**
 * A tight minority cluster inside a majority spread evenly over the whole square, so the boundary
 * must carve out a small island. At noise 0 the majority leaves a hole of radius 0.3 around the
 * cluster (σ = 0.07): separable. As noise grows the hole closes and the cluster widens (σ up to
 * 0.15), until at noise 1 the majority covers the cluster too.
 */
export const sampleRareCluster: PointSampler = (label, noise, random) => {
  const { x: cx, y: cy } = RARE_CLUSTER_CENTRE;
  if (label === 1) {
    const spread = 0.07 + 0.08 * noise;
    return { x: cx + spread * random.normal(), y: cy + spread * random.normal() };
  }
  const x = random.uniformIn(-1, 1);
  const y = random.uniformIn(-1, 1);
  const dx = x - cx;
  const dy = y - cy;
  const squaredDistance = dx * dx + dy * dy;
  const reach2 = RARE_CLUSTER_REACH * RARE_CLUSTER_REACH;
  if (squaredDistance >= reach2 || squaredDistance === 0) return { x, y };
  // Map the disc of radius reach onto the ring hole … reach by d'² = h² + d²(1 − h²/reach²): area
  // is linear in d², so the ring stays evenly filled (a third denser than outside at noise 0), and
  // unlike rejection sampling the draw count stays fixed.
  const hole = 0.3 * (1 - noise);
  const pushed2 = hole * hole + squaredDistance * (1 - (hole * hole) / reach2);
  const stretch = Math.sqrt(pushed2 / squaredDistance);
  return { x: cx + dx * stretch, y: cy + dy * stretch };
};

/**
 * XOR: the minority fills the (+, +) and (−, −) quadrants, the majority the other two, each point
 * at least 0.1 from the axes at noise 0. No straight line separates the classes: a hidden layer is
 * needed, and with few minority points each of its two quadrants is easy to give up.
 */
export const sampleXor: PointSampler = (label, noise, random) => {
  const signX = random.uniform() < 0.5 ? -1 : 1;
  const signY = label === 1 ? signX : -signX;
  const spread = 0.2 * noise; // at noise 1 about one point in ten lands in a wrong quadrant
  return {
    x: signX * random.uniformIn(0.1, 0.85) + spread * random.normal(),
    y: signY * random.uniformIn(0.1, 0.85) + spread * random.normal(),
  };
};

export const shapeSamplers: Readonly<Record<DatasetShape, PointSampler>> = {
  blobs: sampleBlobs,
  moons: sampleMoons,
  circles: sampleCircles,
  'rare-cluster': sampleRareCluster,
  xor: sampleXor,
};

/** The order in which shapes are offered in the UI. */
export const datasetShapes: readonly DatasetShape[] = ['blobs', 'moons', 'circles', 'rare-cluster', 'xor'];
