/**
 * How a loss declares itself: its parameters (which a person sets, which follow the class counts),
 * its value and its analytic derivative with respect to the logit, and where it comes from. Every
 * list, slider, URL key and test range for a loss is derived from this declaration.
 *
 * Conventions (shared/reference/README.md): x is the logit, y ∈ {0, 1} the label, p = σ(x),
 * x_t = x if y = 1 else −x, p_t = σ(x_t). Values are per example, unreduced, natural log.
 */
export type Label = 0 | 1;

/** Examples per class as [negatives, positives], both > 0 (callers substitute [1, 1] for a missing class). */
export type ClassCounts = readonly [number, number];

/**
 * How a slider's track maps to values: `linear` in fixed steps, `focusing` fine near 0 (γ), `nines`
 * evenly over 0.9, 0.99, 0.999 (β). Declared as data here; the state layer turns it into a track.
 */
export type SliderScaleSpec = { kind: 'linear'; step: number } | { kind: 'focusing' } | { kind: 'nines' };

/** A parameter a person sets with a slider. */
export interface SettingSpec {
  kind: 'setting';
  min: number;
  max: number;
  default: number;
  scale: SliderScaleSpec;
  /** A value the counts can stand in for when the person ties it to them (α from the class ratio). */
  fromCounts?: (counts: ClassCounts) => number;
}

/** A parameter computed from the training counts (and the loss's settings), as its paper sets it. */
export interface DerivedSpec<S> {
  kind: 'derived';
  fromCounts: (counts: ClassCounts, settings: S) => number;
}

type SettingNames<Specs> = { [K in keyof Specs]: Specs[K] extends SettingSpec ? K : never }[keyof Specs];
type DerivedNames<Specs> = Exclude<keyof Specs, SettingNames<Specs>>;

/** The values a person sets: one number per slider. */
export type SettingsOf<Specs> = { [K in SettingNames<Specs>]: number };

/** What value and grad read: every parameter, set or derived. */
export type ParamsOf<Specs> = { [K in keyof Specs]: number };

/** What a caller must pass: the derived parameters; settings left out take their defaults. */
export type CallParamsOf<Specs> = { [K in DerivedNames<Specs>]: number } & { [K in SettingNames<Specs>]?: number };

export type ParamSpecs = Record<string, SettingSpec | DerivedSpec<never>>;

/** What a loss says of itself besides its formula. */
interface LossIdentity<Id extends string, Specs extends ParamSpecs> {
  readonly id: Id;
  /** Author, title, venue and year, shown beside the formula. */
  readonly citation: string;
  readonly params: Specs;
  /** Each parameter's symbol as the formula writes it (γ, α, w₊…), for read-outs in any language. */
  readonly symbols: { readonly [K in keyof Specs]: string };
}

export interface LossDefinition<Id extends string, Specs extends ParamSpecs> extends LossIdentity<Id, Specs> {
  /** The per-example loss L(x, y). */
  value(x: number, y: Label, params: ParamsOf<Specs>): number;
  /** dL/dx: the derivative with respect to the logit x (not x_t, not p). */
  grad(x: number, y: Label, params: ParamsOf<Specs>): number;
}

export interface BoundLoss {
  value(x: number, y: Label): number;
  grad(x: number, y: Label): number;
}

/** The loss as callers use it: parameters named as in the reference vectors, missing settings defaulted. */
export interface BinaryLoss<Id extends string = string, Specs extends ParamSpecs = ParamSpecs> extends LossIdentity<Id, Specs> {
  value(x: number, y: Label, params: CallParamsOf<Specs>): number;
  grad(x: number, y: Label, params: CallParamsOf<Specs>): number;
  /** The loss at fixed parameters, completed once: for loops over many examples. */
  bind(params: CallParamsOf<Specs>): BoundLoss;
  /** Every parameter from the settings and the counts; `tied` lets settings that can follow the counts do so. */
  resolve(settings: Partial<SettingsOf<Specs>>, counts: ClassCounts, tied?: boolean): ParamsOf<Specs>;
  /** The defaults of every setting. */
  defaultSettings(): SettingsOf<Specs>;
}

export const setting = (
  min: number,
  max: number,
  defaultValue: number,
  scale: SliderScaleSpec,
  fromCounts?: SettingSpec['fromCounts'],
): SettingSpec => ({ kind: 'setting', min, max, default: defaultValue, scale, ...(fromCounts ? { fromCounts } : {}) });

export const derived = <S>(fromCounts: DerivedSpec<S>['fromCounts']): DerivedSpec<S> => ({ kind: 'derived', fromCounts });

/**
 * A loss from its declaration. `value` and `grad` get every parameter: settings a caller leaves out
 * take their defaults (DWB's λ is absent from the reference vectors, and means 1 there).
 */
export function defineLoss<const Id extends string, const Specs extends ParamSpecs>(
  definition: LossDefinition<Id, Specs>,
): BinaryLoss<Id, Specs> {
  const entries = Object.entries(definition.params);
  const settingNames = entries.filter(([, spec]) => spec.kind === 'setting').map(([name]) => name);
  const defaults = Object.fromEntries(
    entries.flatMap(([name, spec]) => (spec.kind === 'setting' ? [[name, spec.default]] : [])),
  ) as SettingsOf<Specs>;
  const complete = (params: CallParamsOf<Specs>) => ({ ...defaults, ...params }) as ParamsOf<Specs>;
  return {
    id: definition.id,
    citation: definition.citation,
    params: definition.params,
    symbols: definition.symbols,
    value: (x, y, params) => definition.value(x, y, complete(params)),
    grad: (x, y, params) => definition.grad(x, y, complete(params)),
    bind(params) {
      const all = complete(params);
      return { value: (x, y) => definition.value(x, y, all), grad: (x, y) => definition.grad(x, y, all) };
    },
    defaultSettings: () => ({ ...defaults }),
    resolve(settings, counts, tied = false) {
      const values: Record<string, number> = {};
      for (const name of settingNames) {
        const spec = definition.params[name] as SettingSpec;
        values[name] = tied && spec.fromCounts ? spec.fromCounts(counts) : (settings[name as keyof typeof settings] ?? spec.default);
      }
      for (const [name, spec] of entries) {
        if (spec.kind === 'derived') values[name] = (spec as DerivedSpec<Record<string, number>>).fromCounts(counts, values);
      }
      return values as ParamsOf<Specs>;
    },
  };
}
