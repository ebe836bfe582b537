/** The loss library's types; the ids and parameter types are derived from the registry. */
export type { Label, ClassCounts, BinaryLoss, BoundLoss, SettingSpec, DerivedSpec, SliderScaleSpec } from './defineLoss';
export type { BinaryLossId, LossParamsById, LossSettingsById, LossCallParamsById } from './registry';

/** One loss's parameters once resolved from its settings and the counts, named as in the reference vectors. */
export type ResolvedParams = Readonly<Record<string, number>>;
