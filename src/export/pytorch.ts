/**
 * "Copy as PyTorch": for every loss, self-contained Python that defines `loss_fn(logits, targets)`
 * returning the per-example, unreduced loss (same dtype and shape as `logits`; `targets` are 0/1
 * floats of the same shape), with the current parameter values written in as float literals.
 *
 * Each loss uses the call a practitioner would write (`F.binary_cross_entropy_with_logits`,
 * `torchvision.ops.sigmoid_focal_loss`) where that call is numerically sound, i.e. its value and
 * autograd gradient match the reference vectors in float64 to 1e−7 relative or 1e−12 absolute
 * (`src/export/pytorch.test.ts` runs every vector in real PyTorch). Where it is not, the code is a
 * short stable function on the true class's logit x_t = (2y − 1)·x, with the same rules as
 * `src/losses`: 1 − p_t = σ(−x_t), log p_t = logsigmoid(x_t), and (1 − p_t)^γ = exp(γ·logsigmoid(−x_t))
 * so that autograd never forms γ·0^(γ−1)·0 = NaN at saturated logits for γ < 1.
 */

import { isLossId } from '../losses';
import type { BinaryLossId } from '../losses/types';

/** A loss's parameters, named as in the reference vectors (`tests/fixtures/*.json`). */
export type LossSourceParams = Record<string, number>;

/** Builds the Python source of one loss for the given parameter values. */
export type LossSourceBuilder = (params: LossSourceParams) => string;

/**
 * A Python float literal that parses back to exactly `value`. JS's `String` is the shortest string
 * that round-trips, and Python parses decimal literals with correct rounding, so the digits carry
 * over unchanged; only integers need a ".0" and −0 its sign.
 */
export function pythonFloat(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`Cannot write ${String(value)} as a Python float literal`);
  if (Object.is(value, -0)) return '-0.0';
  const text = String(value);
  return /[.e]/.test(text) ? text : `${text}.0`;
}

/**
 * The loss's parameters, checked: every required one present and finite, optional ones defaulted.
 * Parameters the loss does not use are ignored.
 */
function readParams<Required extends string, Optional extends string = never>(
  lossId: string,
  params: LossSourceParams,
  required: readonly Required[],
  optional: Readonly<Record<Optional, number>> = {} as Record<Optional, number>,
): Record<Required | Optional, number> {
  const values: Partial<Record<Required | Optional, number>> = {};
  for (const name of required) {
    const value = Object.hasOwn(params, name) ? params[name] : undefined;
    if (value === undefined) throw new Error(`PyTorch export of loss "${lossId}": missing parameter "${name}"`);
    values[name] = value;
  }
  for (const name of Object.keys(optional) as Optional[]) {
    values[name] = Object.hasOwn(params, name) ? params[name] : optional[name];
  }
  for (const [name, value] of Object.entries(values)) {
    if (!Number.isFinite(value)) {
      throw new Error(`PyTorch export of loss "${lossId}": parameter "${name}" is ${String(value)}, not a finite number`);
    }
  }
  return values as Record<Required | Optional, number>;
}

interface PythonLoss {
  /** One line: the formula and its paper, and why a library call was avoided where it was. */
  comment: string;
  /** Python name and value of each parameter, assigned at the top of `loss_fn`. */
  constants: readonly (readonly [string, number])[];
  /** The function body after the constants, without indentation. */
  body: readonly string[];
}

/** The whole module: imports (math and torchvision.ops only when the body uses them), comment, function. */
function pythonModule({ comment, constants, body }: PythonLoss): string {
  const code = body.join('\n');
  const imports = [
    ...(/\bmath\./.test(code) ? ['import math'] : []),
    'import torch',
    'import torch.nn.functional as F',
    ...(code.includes('torchvision.ops.') ? ['import torchvision.ops'] : []),
  ];
  const lines = [
    ...imports,
    '',
    '',
    `# ${comment}`,
    'def loss_fn(logits, targets):',
    '    """Per-example, unreduced loss; targets are 0/1 floats shaped like logits."""',
    ...constants.map(([name, value]) => `    ${name} = ${pythonFloat(value)}`),
    ...body.map((line) => `    ${line}`),
  ];
  return `${lines.join('\n')}\n`;
}

/** The true class's logit: p_t = σ(x_t), 1 − p_t = σ(−x_t). */
const trueClassLogit = 'xt = (2 * targets - 1) * logits  # the true class\'s logit: p_t = sigmoid(xt)';

/** w_y as a tensor: w_pos where y = 1, w_neg where y = 0 (exact: one of the two terms is 0). */
const classWeight = (pos: string, neg: string, name = 'w') => `${name} = ${pos} * targets + ${neg} * (1 - targets)`;

/** A focal term −(1 − p_t)^γ log p_t from torchvision whose autograd gradient is finite: γ = 0 or γ ≥ 1. */
const torchvisionFocalIsSound = (gamma: number) => gamma === 0 || gamma >= 1;

/** Why the focal family is written out for 0 < γ < 1. */
const focalNaNReason =
  'written out: torchvision.ops.sigmoid_focal_loss gives NaN gradients for 0 < γ < 1 at saturated logits, ' +
  'so (1 − p_t)^γ = exp(γ logsigmoid(−x_t))';

/** Said where torchvision is used, so a student who edits γ in the copy knows the limit. */
const focalLimit = 'torchvision’s gradient is finite for γ = 0 or γ ≥ 1; for 0 < γ < 1 export again from the app';

/** −(1 − p_t)^γ log p_t in the stable form, as Python statements ending in `focal = …`. */
const stableFocalTerm = [
  trueClassLogit,
  'focal = -torch.exp(gamma * F.logsigmoid(-xt)) * F.logsigmoid(xt)  # -(1 - p_t)^gamma log p_t',
];

/** F.binary_cross_entropy_with_logits(input, target[, weight=…], reduction="none"). */
const bce = (input: string, target = 'targets', weight?: string) =>
  `F.binary_cross_entropy_with_logits(${input}, ${target}, ${weight ? `weight=${weight}, ` : ''}reduction="none")`;

/** Every loss's Python source, keyed by loss id: the type check asks for one per registered loss. */
export const lossSources = {
  ce(params) {
    readParams('ce', params, []);
    return pythonModule({
      comment: 'Cross-entropy −log p_t: F.binary_cross_entropy_with_logits works on the logit (log-sum-exp form), stable.',
      constants: [],
      body: [`return ${bce('logits')}`],
    });
  },

  'balanced-ce'(params) {
    const { alpha } = readParams('balanced-ce', params, ['alpha']);
    return pythonModule({
      comment: 'α-balanced cross-entropy −α_t log p_t, α_t = α if y = 1 else 1 − α (Lin et al., ICCV 2017, §3.1).',
      constants: [['alpha', alpha]],
      body: [
        classWeight('alpha', '(1 - alpha)', 'alpha_t'),
        `return ${bce('logits', 'targets', 'alpha_t')}`,
      ],
    });
  },

  focal(params) {
    const { gamma, alpha } = readParams('focal', params, ['gamma', 'alpha']);
    const formula = 'Focal loss −α_t (1 − p_t)^γ log p_t, no α_t if α < 0 (Lin et al., ICCV 2017, eq. 5)';
    const constants = [['gamma', gamma], ['alpha', alpha]] as const;
    if (torchvisionFocalIsSound(gamma)) {
      return pythonModule({
        comment: `${formula}; ${focalLimit}.`,
        constants,
        body: ['return torchvision.ops.sigmoid_focal_loss(logits, targets, alpha=alpha, gamma=gamma, reduction="none")'],
      });
    }
    return pythonModule({
      comment: `${formula}, ${focalNaNReason}.`,
      constants,
      body: [
        ...stableFocalTerm,
        'if alpha < 0:  # torchvision semantics: no alpha weighting',
        '    return focal',
        `${classWeight('alpha', '(1 - alpha)', 'alpha_t')}`,
        'return alpha_t * focal',
      ],
    });
  },

  dwb(params) {
    const { wPos, wNeg, lambda } = readParams('dwb', params, ['wPos', 'wNeg'], { lambda: 1 });
    return pythonModule({
      comment:
        'DWB loss −w_y^(1 − p_t) log p_t − λ·2 p_t (1 − p_t) (Fernando & Tsokos, IEEE TNNLS 2021, two classes; ' +
        'the weight is an exponent); no library call exists.',
      constants: [['w_pos', wPos], ['w_neg', wNeg], ['lam', lambda]],
      body: [
        trueClassLogit,
        classWeight('w_pos', 'w_neg'),
        'q = torch.sigmoid(-xt)  # 1 - p_t, not a subtraction',
        'return -(w ** q) * F.logsigmoid(xt) - lam * 2 * torch.sigmoid(xt) * q',
      ],
    });
  },

  poly1(params) {
    const { epsilon } = readParams('poly1', params, ['epsilon']);
    return pythonModule({
      comment:
        'Poly-1 loss −log p_t + ε (1 − p_t) (Leng et al., ICLR 2022), 1 − p_t as σ(−x_t); ' +
        'for ε = −1 the terms cancel at large x_t, leaving ~1e−16 absolute noise.',
      constants: [['epsilon', epsilon]],
      body: [trueClassLogit, `return ${bce('logits')} + epsilon * torch.sigmoid(-xt)`],
    });
  },

  asl(params) {
    const { gammaPos, gammaNeg, margin } = readParams('asl', params, ['gammaPos', 'gammaNeg', 'margin']);
    return pythonModule({
      comment:
        'Asymmetric loss (Ridnik et al., ICCV 2021): y = 1: −(1 − p)^γ+ log p; y = 0: −p_m^γ− log(1 − p_m), ' +
        'p_m = max(p − m, 0); written out: the authors’ code clamps log p at 1e−8 (loss 18.4, gradient ~0 at x = −30) ' +
        'and gives NaN gradients for γ+ < 1 at saturated logits.',
      constants: [['gamma_pos', gammaPos], ['gamma_neg', gammaNeg], ['margin', margin]],
      body: [
        'loss_pos = -torch.exp(gamma_pos * F.logsigmoid(-logits)) * F.logsigmoid(logits)',
        'p = torch.sigmoid(logits)',
        'shifted = p > margin  # p <= m: value and gradient 0',
        'p_m = torch.where(shifted, p - margin, torch.ones_like(p))  # 1 where unused keeps the gradient finite',
        '# -log(1 - p_m) = -log(sigmoid(-x) + m), summed in log space: exact for m = 0 at any x',
        'nll = -torch.logaddexp(F.logsigmoid(-logits), torch.full_like(logits, margin).log())',
        'loss_neg = torch.where(shifted, p_m ** gamma_neg * nll, torch.zeros_like(p))',
        'return torch.where(targets > 0.5, loss_pos, loss_neg)',
      ],
    });
  },

  'la-ce'(params) {
    const { tau, priorPos } = readParams('la-ce', params, ['tau', 'priorPos']);
    return pythonModule({
      comment:
        'Logit-adjusted cross-entropy (Menon et al., ICLR 2021): cross-entropy on x + τ log(π / (1 − π)), π = prior_pos.',
      constants: [['tau', tau], ['prior_pos', priorPos]],
      body: [
        'shift = tau * (math.log(prior_pos) - math.log1p(-prior_pos))',
        `return ${bce('logits + shift')}`,
      ],
    });
  },

  'weighted-ce'(params) {
    const { wPos, wNeg } = readParams('weighted-ce', params, ['wPos', 'wNeg']);
    return pythonModule({
      comment: 'Class-weighted cross-entropy −w_y log p_t (e.g. the effective-number weights of Cui et al., CVPR 2019).',
      constants: [['w_pos', wPos], ['w_neg', wNeg]],
      body: [classWeight('w_pos', 'w_neg'), `return ${bce('logits', 'targets', 'w')}`],
    });
  },

  'class-balanced-focal'(params) {
    const { gamma, wPos, wNeg } = readParams('class-balanced-focal', params, ['gamma', 'wPos', 'wNeg']);
    const formula = 'Class-balanced focal loss −w_y (1 − p_t)^γ log p_t (Cui et al., CVPR 2019: w_y replaces α_t)';
    const constants = [['gamma', gamma], ['w_pos', wPos], ['w_neg', wNeg]] as const;
    if (torchvisionFocalIsSound(gamma)) {
      return pythonModule({
        comment: `${formula}; ${focalLimit}.`,
        constants,
        body: [
          classWeight('w_pos', 'w_neg'),
          'return w * torchvision.ops.sigmoid_focal_loss(logits, targets, alpha=-1.0, gamma=gamma, reduction="none")',
        ],
      });
    }
    return pythonModule({
      comment: `${formula}, ${focalNaNReason}.`,
      constants,
      body: [...stableFocalTerm, classWeight('w_pos', 'w_neg'), 'return w * focal'],
    });
  },

  'poly1-focal'(params) {
    const { epsilon, gamma } = readParams('poly1-focal', params, ['epsilon', 'gamma']);
    const formula = 'Poly-1 focal loss −(1 − p_t)^γ log p_t + ε (1 − p_t)^(γ+1) (Leng et al., ICLR 2022, no α)';
    const constants = [['epsilon', epsilon], ['gamma', gamma]] as const;
    if (torchvisionFocalIsSound(gamma)) {
      return pythonModule({
        comment: `${formula}; ${focalLimit}.`,
        constants,
        body: [
          trueClassLogit,
          'focal = torchvision.ops.sigmoid_focal_loss(logits, targets, alpha=-1.0, gamma=gamma, reduction="none")',
          'return focal + epsilon * torch.sigmoid(-xt) ** (gamma + 1)',
        ],
      });
    }
    return pythonModule({
      comment: `${formula}, ${focalNaNReason}.`,
      constants,
      body: [...stableFocalTerm, 'return focal + epsilon * torch.exp((gamma + 1) * F.logsigmoid(-xt))'],
    });
  },

  'label-smoothing'(params) {
    const { epsilon } = readParams('label-smoothing', params, ['epsilon']);
    return pythonModule({
      comment: 'Label smoothing (Szegedy et al., CVPR 2016), two classes: cross-entropy against y_s = y (1 − ε) + ε/2.',
      constants: [['epsilon', epsilon]],
      body: [`return ${bce('logits', 'targets * (1 - epsilon) + epsilon / 2')}`],
    });
  },

  ldam(params) {
    const { deltaPos, deltaNeg, scale } = readParams('ldam', params, ['deltaPos', 'deltaNeg', 'scale']);
    return pythonModule({
      comment:
        'LDAM loss (Cao et al., NeurIPS 2019): softmax over [0, x] with the true class’s margin subtracted, times S, ' +
        'is BCE on S (x − Δ₊) for y = 1 and S (x + Δ₋) for y = 0.',
      constants: [['delta_pos', deltaPos], ['delta_neg', deltaNeg], ['scale', scale]],
      body: [
        'shifted = logits - delta_pos * targets + delta_neg * (1 - targets)',
        `return ${bce('scale * shifted')}`,
      ],
    });
  },
} satisfies Record<BinaryLossId, LossSourceBuilder>;

/**
 * Self-contained Python defining `loss_fn(logits, targets)` for `lossId` with these parameter values.
 * Throws an Error naming an unknown loss id or a missing parameter.
 */
export function pytorchLossSource(lossId: string, params: LossSourceParams): string {
  if (!isLossId(lossId)) throw new Error(`PyTorch export: unknown loss id "${lossId}"`);
  return lossSources[lossId](params);
}
