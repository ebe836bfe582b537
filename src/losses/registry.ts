import { asymmetricLoss } from './asl';
import { balancedCrossEntropy } from './balancedCe';
import { crossEntropy } from './ce';
import { classBalancedFocalLoss } from './classBalancedFocal';
import type { BinaryLoss, CallParamsOf, ParamsOf, SettingsOf } from './defineLoss';
import { dwbLoss } from './dwb';
import { focalLoss } from './focal';
import { labelSmoothingLoss } from './labelSmoothing';
import { logitAdjustedCrossEntropy } from './laCe';
import { ldamLoss } from './ldam';
import { poly1Loss } from './poly1';
import { poly1FocalLoss } from './poly1Focal';
import { weightedCrossEntropy } from './weightedCe';

/**
 * Every binary loss, in the order the UI lists them. This list is the single source of truth: the
 * ids, parameter types, sliders, URL keys and test ranges are all derived from it, so adding a loss
 * is its own file, one entry here, and the `Record<BinaryLossId, …>` entries the type check asks for
 * (tfjs twin, colour and dash, formula, names in both languages, PyTorch source).
 */
export const lossRegistry = [
  crossEntropy,
  balancedCrossEntropy,
  focalLoss,
  dwbLoss,
  poly1Loss,
  asymmetricLoss,
  logitAdjustedCrossEntropy,
  weightedCrossEntropy,
  classBalancedFocalLoss,
  poly1FocalLoss,
  labelSmoothingLoss,
  ldamLoss,
] as const;

type Registered = (typeof lossRegistry)[number];
export type BinaryLossId = Registered['id'];
type LossById = { [L in Registered as L['id']]: L };
type SpecsOf<Id extends BinaryLossId> = LossById[Id]['params'];

/** Every parameter a loss reads, set or derived, named as in the reference vectors. */
export type LossParamsById = { [Id in BinaryLossId]: ParamsOf<SpecsOf<Id>> };
/** The parameters a person sets for each loss (its sliders). */
export type LossSettingsById = { [Id in BinaryLossId]: SettingsOf<SpecsOf<Id>> };
/** What `value` and `grad` accept: derived parameters required, settings defaulted. */
export type LossCallParamsById = { [Id in BinaryLossId]: CallParamsOf<SpecsOf<Id>> };

export const binaryLosses = Object.fromEntries(lossRegistry.map((loss) => [loss.id, loss])) as {
  readonly [Id in BinaryLossId]: BinaryLoss<Id, SpecsOf<Id>>;
};

export const binaryLossIds: readonly BinaryLossId[] = lossRegistry.map((loss) => loss.id);

export function isLossId(id: string): id is BinaryLossId {
  return Object.hasOwn(binaryLosses, id);
}

/** A loss seen through no particular id: what code that loops over every loss holds. */
export const anyLoss = (id: BinaryLossId): BinaryLoss => binaryLosses[id] as unknown as BinaryLoss;
