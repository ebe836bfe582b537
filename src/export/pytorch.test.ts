/**
 * The exported PyTorch code, run in real PyTorch: every vector of both reference files, in float64,
 * value and autograd gradient, relative 1e−7 or absolute 1e−12 (PyTorch's own kernels lose digits in
 * the far tails). One python process (`tests/pytorch/run_loss_sources.py`) runs every job.
 *
 * Needs Debian's /usr/bin/python3 with python3-torch and python3-torchvision; without them these
 * tests fail (never skip): `apt-get install -y python3-torch python3-torchvision`.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { lossSources, pytorchLossSource, pythonFloat, type LossSourceParams } from './pytorch';

const python = '/usr/bin/python3';
const harness = fileURLToPath(new URL('../../tests/pytorch/run_loss_sources.py', import.meta.url));

interface BinaryVector {
  loss: string;
  params: LossSourceParams;
  x: number;
  y: 0 | 1;
  value: number;
  grad: number;
}

const readVectors = (file: string): BinaryVector[] =>
  (JSON.parse(readFileSync(new URL(`../../tests/fixtures/${file}`, import.meta.url), 'utf8')) as { binary: BinaryVector[] })
    .binary;

const referenceVectors = readVectors('binary-losses.json');
const extraVectors = readVectors('extra-binary-losses.json');

/** The tolerance for PyTorch: relative 1e−7 or absolute 1e−12; NaN and ±∞ never pass. */
const withinTolerance = (actual: number, expected: number): boolean => {
  const error = Math.abs(actual - expected);
  return error <= 1e-7 * Math.abs(expected) || error <= 1e-12;
};

// ---- Closed forms for the checks beyond the reference files (shared/reference/README.md) ----

const softplus = (z: number) => Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));
/** q^k with q = 1 − p_t = σ(−x_t), as exp(k log q): no 0^0 questions, no underflow before the power. */
const qPow = (xt: number, k: number) => Math.exp(-k * softplus(xt));
/** −(1 − p_t)^γ log p_t and its derivative w.r.t. x_t, q^γ (γ p_t log p_t − q). */
const focalTerm = (xt: number, gamma: number) => ({
  value: qPow(xt, gamma) * softplus(-xt),
  gradXt: qPow(xt, gamma) * (gamma * sigmoid(xt) * -softplus(-xt) - sigmoid(-xt)),
});

interface Expected {
  value: number;
  grad: number;
}
type ClosedForm = (x: number, y: 0 | 1, params: LossSourceParams) => Expected;

const p = (params: LossSourceParams, name: string): number => {
  const value = params[name];
  if (value === undefined) throw new Error(`test: missing ${name}`);
  return value;
};

const closedForms: Record<string, ClosedForm> = {
  focal(x, y, params) {
    const alpha = p(params, 'alpha');
    const at = alpha < 0 ? 1 : y === 1 ? alpha : 1 - alpha;
    const s = 2 * y - 1;
    const term = focalTerm(s * x, p(params, 'gamma'));
    return { value: at * term.value, grad: s * at * term.gradXt };
  },
  'class-balanced-focal'(x, y, params) {
    const w = y === 1 ? p(params, 'wPos') : p(params, 'wNeg');
    const s = 2 * y - 1;
    const term = focalTerm(s * x, p(params, 'gamma'));
    return { value: w * term.value, grad: s * w * term.gradXt };
  },
  'poly1-focal'(x, y, params) {
    const [epsilon, gamma] = [p(params, 'epsilon'), p(params, 'gamma')];
    const s = 2 * y - 1;
    const xt = s * x;
    const term = focalTerm(xt, gamma);
    // d/dx_t ε q^(γ+1) = −ε (γ + 1) p_t q^(γ+1)
    return {
      value: term.value + epsilon * qPow(xt, gamma + 1),
      grad: s * (term.gradXt - epsilon * (gamma + 1) * sigmoid(xt) * qPow(xt, gamma + 1)),
    };
  },
  asl(x, y, params) {
    const [gammaPos, gammaNeg, margin] = [p(params, 'gammaPos'), p(params, 'gammaNeg'), p(params, 'margin')];
    if (y === 1) {
      const term = focalTerm(x, gammaPos);
      return { value: term.value, grad: term.gradXt };
    }
    const [prob, q] = [sigmoid(x), sigmoid(-x)];
    const pm = prob - margin;
    if (!(pm > 0)) return { value: 0, grad: 0 };
    // −log(1 − p_m), 1 − p_m = q + m; d/dx = p_m^γ [γ (p / p_m) q (−log(1 − p_m)) + p q / (q + m)]
    const nll = margin === 0 ? softplus(x) : pm < 0.5 ? -Math.log1p(-pm) : -Math.log(q + margin);
    const qOverOneMinusPm = margin === 0 ? 1 : q / (q + margin);
    return {
      value: Math.pow(pm, gammaNeg) * nll,
      grad: Math.pow(pm, gammaNeg) * (gammaNeg * (prob / pm) * q * nll + prob * qOverOneMinusPm),
    };
  },
  dwb(x, y, params) {
    const w = y === 1 ? p(params, 'wPos') : p(params, 'wNeg');
    const lambda = params.lambda ?? 1;
    const s = 2 * y - 1;
    const xt = s * x;
    const [pt, q] = [sigmoid(xt), sigmoid(-xt)];
    const wq = Math.pow(w, q);
    return {
      value: wq * softplus(-xt) - lambda * 2 * pt * q,
      grad: s * (wq * Math.log(w) * (pt * -softplus(-xt)) * q - wq * q + lambda * 2 * pt * q * Math.tanh(xt / 2)),
    };
  },
};

// ---- Jobs: one per loss and parameter set ----

interface Check {
  x: number;
  y: 0 | 1;
  expected: Expected;
}

interface Job {
  key: string;
  loss: string;
  params: LossSourceParams;
  checks: Check[];
  /** Also demand finite values and gradients (the saturated-logit checks). */
  finite?: boolean;
}

const jobKey = (loss: string, params: LossSourceParams, tag = '') => `${tag}${loss} ${JSON.stringify(params)}`;

function groupVectors(vectors: readonly BinaryVector[], tag: string): Job[] {
  const jobs = new Map<string, Job>();
  for (const v of vectors) {
    const key = jobKey(v.loss, v.params, tag);
    let job = jobs.get(key);
    if (!job) {
      job = { key, loss: v.loss, params: v.params, checks: [] };
      jobs.set(key, job);
    }
    job.checks.push({ x: v.x, y: v.y, expected: { value: v.value, grad: v.grad } });
  }
  return [...jobs.values()];
}

function closedFormJob(loss: string, params: LossSourceParams, xs: readonly number[], tag: string, finite = false): Job {
  const form = closedForms[loss];
  if (!form) throw new Error(`test: no closed form for ${loss}`);
  const checks = xs.flatMap((x) => ([0, 1] as const).map((y) => ({ x, y, expected: form(x, y, params) })));
  return { key: jobKey(loss, params, tag), loss, params, checks, finite };
}

const referenceJobs = groupVectors(referenceVectors, 'binary-losses.json: ');
const extraJobs = groupVectors(extraVectors, 'extra-binary-losses.json: ');

/** Saturated logits: torchvision's sigmoid_focal_loss gives NaN gradients there for γ < 1 (γ = 0.2 at ±333). */
const saturatedLogits = [-800, -333, 333, 800];
const cbWeights = { wPos: 1.9689997056721649, wNeg: 0.031000294327835184 };
const saturatedJobs = [0.2, 0, 0.5, 1, 2].flatMap((gamma) => [
  closedFormJob('focal', { gamma, alpha: 0.25 }, saturatedLogits, 'saturated: ', true),
  closedFormJob('focal', { gamma, alpha: -1 }, saturatedLogits, 'saturated: ', true),
  closedFormJob('class-balanced-focal', { gamma, ...cbWeights }, saturatedLogits, 'saturated: ', true),
  closedFormJob('poly1-focal', { epsilon: 1, gamma }, saturatedLogits, 'saturated: ', true),
]);
/** ASL has the same trap on both sides for γ < 1, and a threshold p = m (logit(0.05) ≈ −2.944). */
const aslJobs = [0.2, 0.5].flatMap((gamma) =>
  [0, 0.05].map((margin) =>
    closedFormJob('asl', { gammaPos: gamma, gammaNeg: gamma, margin }, [...saturatedLogits, -3, -2.9, 0, 2], 'saturated: ', true),
  ),
);

/** DWB's optional λ (the reference vectors all use the default 1). */
const lambdaLogits = [-20, -5, -0.1, 0, 0.3, 4, 30];
const lambdaJobs = [0, 0.5].map((lambda) =>
  closedFormJob('dwb', { wPos: 5.605170185988092, wNeg: 1, lambda }, lambdaLogits, 'λ: '),
);

const allJobs = [...referenceJobs, ...extraJobs, ...saturatedJobs, ...aslJobs, ...lambdaJobs];

/** Parameter literals that must come back from Python as exactly the same double. */
const literalValues = [
  0.1, 1 / 3, 0, -0, 2, -1, 0.15811388300841897, 5.605170185988092, 1e21, 1.5e-7, 5e-324, Number.MAX_VALUE,
  2 ** 53 + 2, 123456789012345680000, -2.5e-308,
];

// ---- Running Python ----

interface JobResult {
  key: string;
  values?: string[];
  grads?: string[];
  error?: string;
}

interface HarnessOutput {
  torch: string;
  torchvision: string;
  results: JobResult[];
  literals: string[];
}

/** Python's repr of a float back to a number ("nan", "inf", "-inf" included). */
function fromRepr(text: string): number {
  if (text === 'nan') return NaN;
  if (text === 'inf') return Infinity;
  if (text === '-inf') return -Infinity;
  const value = Number(text);
  if (Number.isNaN(value)) throw new Error(`not a float repr: ${text}`);
  return value;
}

const installHint =
  'Install Debian\'s PyTorch: apt-get install -y python3-torch python3-torchvision (use /usr/bin/python3, not pyenv\'s).';

function runPython(): HarnessOutput {
  const request = {
    jobs: allJobs.map((job) => ({
      key: job.key,
      source: pytorchLossSource(job.loss, job.params),
      xs: job.checks.map((c) => c.x),
      ys: job.checks.map((c) => c.y),
    })),
    literals: literalValues.map(pythonFloat),
  };
  const run = spawnSync(python, [harness], {
    input: JSON.stringify(request),
    encoding: 'utf8',
    timeout: 90_000,
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, OMP_NUM_THREADS: '1', PYTHONDONTWRITEBYTECODE: '1' },
  });
  if (run.error) throw new Error(`Cannot run ${python}: ${run.error.message}. ${installHint}`);
  if (run.status === 3) throw new Error(`${python} failed: ${run.stderr.trim()}. ${installHint}`);
  if (run.status !== 0) throw new Error(`${harness} failed (exit ${String(run.status)}): ${run.stderr}`);
  return JSON.parse(run.stdout) as HarnessOutput;
}

// ---- Tests ----

describe('pytorchLossSource', () => {
  it('has one entry per loss of both reference files, and no other', () => {
    const fixtureLosses = new Set([...referenceVectors, ...extraVectors].map((v) => v.loss));
    expect(new Set(Object.keys(lossSources))).toEqual(fixtureLosses);
    expect(fixtureLosses.size).toBe(12);
    expect(referenceVectors).toHaveLength(660);
    expect(extraVectors).toHaveLength(234);
  });

  it('throws for an unknown loss id or a missing parameter, naming it', () => {
    expect(() => pytorchLossSource('hinge', {})).toThrow(/unknown loss id "hinge"/);
    expect(() => pytorchLossSource('toString', {})).toThrow(/unknown loss id "toString"/);
    expect(() => pytorchLossSource('focal', { gamma: 2 })).toThrow(/"focal".*missing parameter "alpha"/);
    expect(() => pytorchLossSource('ldam', { deltaPos: 0.5, scale: 30 })).toThrow(/"ldam".*"deltaNeg"/);
    expect(() => pytorchLossSource('asl', { gammaPos: 0, gammaNeg: 4, margin: NaN })).toThrow(/"margin" is NaN/);
  });

  it('defaults DWB\'s λ to 1 and writes a given λ', () => {
    expect(pytorchLossSource('dwb', { wPos: 2, wNeg: 1 })).toContain('    lam = 1.0\n');
    expect(pytorchLossSource('dwb', { wPos: 2, wNeg: 1, lambda: 0.25 })).toContain('    lam = 0.25\n');
  });

  it('writes parameters as float literals and imports torchvision.ops and math only when used', () => {
    expect(pythonFloat(2)).toBe('2.0');
    expect(pythonFloat(-0)).toBe('-0.0');
    expect(pythonFloat(1e21)).toBe('1e+21');
    expect(() => pythonFloat(Infinity)).toThrow();
    const focal = pytorchLossSource('focal', { gamma: 2, alpha: 0.25 });
    expect(focal).toContain('    gamma = 2.0\n    alpha = 0.25\n');
    for (const job of allJobs) {
      const source = pytorchLossSource(job.loss, job.params);
      expect(source).toMatch(/^(import math\n)?import torch\nimport torch\.nn\.functional as F\n/);
      expect(source).toContain('\ndef loss_fn(logits, targets):\n');
      expect(source.includes('import torchvision.ops\n')).toBe(source.includes('torchvision.ops.sigmoid_focal_loss('));
      expect(source.includes('import math\n')).toBe(/\bmath\.\w/.test(source));
    }
  });
});

describe('the exported code in real PyTorch (float64; value and autograd gradient, 1e−7 relative or 1e−12 absolute)', () => {
  let output: HarnessOutput;
  const results = new Map<string, JobResult>();

  beforeAll(() => {
    output = runPython();
    for (const result of output.results) results.set(result.key, result);
  }, 120_000);

  it('parses every parameter literal back to the same double', () => {
    const mismatches = literalValues.flatMap((value, i) => {
      const back = output.literals[i] ?? 'missing';
      const same = Object.is(value, -0) ? back === '-0.0' : back !== 'nan' && Number(back) === value;
      return same ? [] : [`${pythonFloat(value)} came back as ${back}`];
    });
    expect(mismatches).toEqual([]);
  });

  for (const job of allJobs) it(job.key, () => {
    const result = results.get(job.key);
    expect(result, `no result for ${job.key}`).toBeDefined();
    if (result?.error) throw new Error(`${job.key}: Python raised\n${result.error}`);
    const values = (result?.values ?? []).map(fromRepr);
    const grads = (result?.grads ?? []).map(fromRepr);
    expect(values).toHaveLength(job.checks.length);
    expect(grads).toHaveLength(job.checks.length);
    const problems = job.checks.flatMap(({ x, y, expected }, i) => {
      const got = { value: values[i] ?? NaN, grad: grads[i] ?? NaN };
      return (['value', 'grad'] as const).flatMap((what) => {
        const bad = !withinTolerance(got[what], expected[what]) || (job.finite && !Number.isFinite(got[what]));
        return bad
          ? [`${job.loss} ${JSON.stringify(job.params)} x = ${x}, y = ${y}: ${what} expected ${expected[what]}, got ${got[what]}`]
          : [];
      });
    });
    expect(problems).toEqual([]);
  });
});
