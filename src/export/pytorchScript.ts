/**
 * "Export as a PyTorch script" for the live classifier: the training points as CSV and one Python
 * script, `train.py`, that rebuilds the app's run of one lane and trains it, printing the training
 * loss the way the app plots it. Pure: no DOM, no tfjs.
 *
 * What the script shares with the app, and where each piece comes from:
 * - the network and its initial weights: written into the script (INITIAL_WEIGHTS, the layout of
 *   src/model/weights.ts), so two files are all a student needs;
 * - the loss: `pytorchLossSource` (src/export/pytorch.ts), unchanged;
 * - per-class weights: computed here from the training counts by src/model/classWeighting.ts and
 *   written in as numbers, so the formulas live in one place;
 * - the optimizer: Adam written out as src/model/optimizers.ts runs it (torch.optim.Adam puts ε
 *   elsewhere), or torch.optim.SGD; L2 weight decay added to the kernels' gradients as trainer.ts does;
 * - the mini-batches: the app's seeded generator (src/data/random.ts) and epoch shuffle
 *   (src/model/batches.ts) ported to Python exactly. Writing the order into the files instead would
 *   cost steps × batch size indices and stop at the steps exported; the port is ~40 lines, runs for
 *   any number of steps, and the test checks it against the app's batches.
 *
 * Numbers: the network runs in float32 and the loss and its derivative are taken in float64 from the
 * float32 logits, as in the app (trainer.ts, laneObjective.ts), so the losses agree to float32
 * rounding at first; the script's header says where and why they drift apart later.
 */
import { toCsv } from '../data/csv';
import type { LabeledPoint } from '../data/types';
import { classCounts, classWeights } from '../model/classWeighting';
import type { ClassWeighting, LaneTraining, SerializedWeights, TrainingConfig } from '../model/protocol';
import { layerShapes } from '../model/shapes';
import { deserializeWeights } from '../model/weights';
import { pytorchLossSource, pythonFloat } from './pytorch';

export interface PytorchExperimentSetup {
  /**
   * The network's initial weights as the app writes them (after Reset, before any step). Their
   * `model` gives the layers, the activation and the seed of the batch order.
   */
  weights: SerializedWeights;
  /** The app's training settings; the script trains lane `lane` of them. */
  training: TrainingConfig;
  /** Which lane of a race (0-based); 0 for one network. */
  lane?: number;
  /** The points the app trains on (after resampling, label noise, clicks or an import). */
  points: readonly LabeledPoint[];
  /** The dataset's seed, only named in the header (the CSV holds the points themselves). */
  dataSeed?: number;
  /** How many steps `python3 train.py` trains (`--steps N` overrides); 200 if not given. */
  steps?: number;
}

export interface PytorchExperiment {
  /** train.py */
  script: string;
  /** train.csv: x,y,label, one training point a line (the app's CSV format). */
  csv: string;
  /** The names the script expects: it reads the CSV from beside itself. */
  fileNames: { script: string; csv: string };
}

export const PYTORCH_FILE_NAMES = { script: 'train.py', csv: 'train.csv' } as const;

const DEFAULT_STEPS = 200;

const weightingText: Record<ClassWeighting, (beta: number) => string> = {
  none: () => 'none: every example weighs 1',
  inverseFrequency: () => 'inverse frequency, w_y = N / (2 n_y)',
  dwbLogRatio: () => "DWB's log ratio, w_y = ln(n_max / n_y) + 1",
  effectiveNumber: (beta) => `effective number (Cui et al. 2019), beta = ${beta}, rescaled so w_neg + w_pos = 2`,
};

/** A JS string as a Python string literal (JSON's escapes are valid Python). */
const pythonString = (text: string) => JSON.stringify(text);

const pythonList = (values: Iterable<number>) => `[${Array.from(values, pythonFloat).join(', ')}]`;

/** The exported parameters as Python literals: per layer a kernel (one row per input) and a bias. */
function weightsLiteral(parameters: Float32Array, hiddenLayers: readonly number[]): string {
  const lines = ['INITIAL_WEIGHTS = ['];
  let offset = 0;
  for (const [l, { inputs, outputs }] of layerShapes(hiddenLayers).entries()) {
    lines.push(`    {  # layer ${l + 1}: ${inputs} -> ${outputs}`, '        "kernel": [');
    for (let i = 0; i < inputs; i++, offset += outputs) {
      lines.push(`            ${pythonList(parameters.subarray(offset, offset + outputs))},`);
    }
    lines.push('        ],', `        "bias": ${pythonList(parameters.subarray(offset, offset + outputs))},`, '    },');
    offset += outputs;
  }
  lines.push(']');
  return lines.join('\n');
}

/** The loss module's imports, and the rest of it (comment and `def loss_fn`). */
function splitLossSource(source: string): { imports: string[]; body: string } {
  const lines = source.trimEnd().split('\n');
  const imports = lines.filter((line) => line.startsWith('import '));
  const body = lines.filter((line) => !line.startsWith('import ')).join('\n').trim();
  return { imports, body };
}

function checkSetup(setup: PytorchExperimentSetup, lane: number, steps: number): LaneTraining {
  const { training, points } = setup;
  const chosen = training.lanes[lane];
  if (!Number.isInteger(lane) || !chosen) throw new Error(`PyTorch export: no lane ${lane} (the run has ${training.lanes.length})`);
  if (training.optimizer !== 'adam' && training.optimizer !== 'sgd') {
    throw new Error(`PyTorch export: unknown optimizer "${String(training.optimizer)}"`);
  }
  if (!(training.learningRate > 0) || !Number.isFinite(training.learningRate)) {
    throw new Error(`PyTorch export: the learning rate must be a positive number, got ${training.learningRate}`);
  }
  if (!Number.isInteger(training.batchSize) || training.batchSize < 1) {
    throw new Error(`PyTorch export: the batch size must be a positive integer, got ${training.batchSize}`);
  }
  if (!(training.weightDecay >= 0) || !Number.isFinite(training.weightDecay)) {
    throw new Error(`PyTorch export: the weight decay must be a number ≥ 0, got ${training.weightDecay}`);
  }
  if (points.length === 0) throw new Error('PyTorch export: the training set is empty');
  if (!Number.isInteger(steps) || steps < 1) throw new Error(`PyTorch export: steps must be a positive integer, got ${steps}`);
  return chosen;
}

/** train.py and train.csv for one lane of the app's run, from its initial weights. */
export function pytorchExperiment(setup: PytorchExperimentSetup): PytorchExperiment {
  const laneIndex = setup.lane ?? 0;
  const steps = setup.steps ?? DEFAULT_STEPS;
  const lane = checkSetup(setup, laneIndex, steps);
  // Validates the file as the app's import does, and rounds to float32 as the app's network does.
  const { model, parameters } = deserializeWeights(setup.weights);
  const { training, points } = setup;

  const labels = Uint8Array.from(points, (point) => point.label);
  const counts = classCounts(labels);
  const [weightNeg, weightPos] = classWeights(counts, lane.classWeighting, lane.beta);
  const loss = splitLossSource(pytorchLossSource(lane.loss, { ...lane.params }));
  const usesTorchvision = loss.imports.some((line) => line.includes('torchvision'));

  const architecture = ['2', ...model.hiddenLayers.map(String), '1'].join(' -> ');
  const activation = model.activation === 'tanh' ? 'Tanh' : 'ReLU';
  const sgd = training.optimizer === 'sgd';
  const dataSeed = setup.dataSeed === undefined ? '' : `, dataset seed ${setup.dataSeed}`;
  const raceLane = training.lanes.length > 1 ? `Lane ${laneIndex + 1} of a race of ${training.lanes.length}: loss` : 'Loss';
  const stdlib = ['import argparse', 'import csv', 'import math', 'from pathlib import Path'];
  const thirdParty = ['import torch', ...loss.imports.filter((line) => !stdlib.includes(line) && line !== 'import torch')];

  const script = `#!/usr/bin/env python3
"""Imbalance Lab's live classifier, rebuilt in PyTorch: the same network and initial weights, the
same training points and mini-batches, the same optimizer and loss. It trains and prints the
training loss as the app plots it: the mean of w_y * loss over the whole training set, without the
weight decay.

    python3 train.py                               # ${steps} steps, the loss every 10 and after step 1
    python3 train.py --steps 1000 --print-every 100

Needs PyTorch${usesTorchvision ? ' and torchvision' : ''} (Debian: apt-get install python3-torch${usesTorchvision ? ' python3-torchvision' : ''}; or pip install torch${usesTorchvision ? ' torchvision' : ''}).
The training points are in ${PYTORCH_FILE_NAMES.csv} beside this file: x,y,label, label 1 = minority.

The run: ${points.length} points (${counts[0]} majority, ${counts[1]} minority${dataSeed}).
Network ${architecture}, ${model.activation} between layers, one logit out; model seed ${model.seed}.
${raceLane} ${lane.loss} (see loss_fn); class weights ${weightingText[lane.classWeighting](lane.beta)}.
${sgd ? 'SGD' : 'Adam'}, learning rate ${training.learningRate}, batch size ${training.batchSize}, L2 weight decay ${training.weightDecay} on the kernels.

Where this run may differ from the browser's:
- Rounding. Both run the network in float32 and take the loss and its derivative in float64 from
  the float32 logits, so the losses agree to float32 precision at first (the app's test checks the
  loss after step 1 to 1e-5). But the arithmetic differs in its last bits: the order in which matrix
  products are summed, fused multiply-adds, tanh (the browser's default wasm backend computes it as
  2 sigmoid(2a) - 1; its webgl backend may even run in float16 on some phones). Training feeds
  these differences back, so after many steps the losses agree in their trend, not in every digit,
  the more so with a large learning rate or ReLU units near 0.
- Batch order. Ported exactly (sfc32 below), so the batches are the app's as long as its run went
  from Reset with these points and these settings. Adding, removing or importing points while
  training restarts the app's batch order from the seed but keeps its weights; changing the loss or
  the class weights mid-run keeps both. This script is always the run from step 0.
"""
${stdlib.join('\n')}

${thirdParty.join('\n')}

# ---- The app's settings for this run ----
LEARNING_RATE = ${pythonFloat(training.learningRate)}
BATCH_SIZE = ${training.batchSize}
WEIGHT_DECAY = ${pythonFloat(training.weightDecay)}  # lambda of the penalty (lambda / 2) * sum(kernel ** 2)
# w_y, multiplied into each example's loss; from the training counts (${counts[0]} : ${counts[1]}), ${weightingText[lane.classWeighting](lane.beta)}
CLASS_WEIGHT_NEG = ${pythonFloat(weightNeg)}
CLASS_WEIGHT_POS = ${pythonFloat(weightPos)}
ACTIVATION = torch.nn.${activation}
# The model seed and the stream's purpose: what the app hashes to seed its batch order.
BATCH_STREAM = ${pythonString(`${String(model.seed)}/model/batches`)}
STEPS = ${steps}
DATA_FILE = Path(__file__).with_name(${pythonString(PYTORCH_FILE_NAMES.csv)})


# ---- The loss: the app's "Copy as PyTorch" code ----
${loss.body}


def mean_loss(logits, targets, class_weights):
    """The app's objective, the mean of w_y * loss. Like the app, it takes the loss (and autograd its
    derivative) in float64 from the float32 logits; the gradient goes back into float32."""
    return (class_weights * loss_fn(logits.double(), targets)).mean()


# ---- The network ----
def build_network():
    """${architecture}, starting from the app's initial weights (INITIAL_WEIGHTS, at the end)."""
    layers = []
    for i, saved in enumerate(INITIAL_WEIGHTS):
        kernel = torch.tensor(saved["kernel"], dtype=torch.float32)  # inputs x outputs: the app computes x @ kernel
        linear = torch.nn.Linear(kernel.shape[0], kernel.shape[1])
        with torch.no_grad():
            linear.weight.copy_(kernel.T)  # nn.Linear keeps outputs x inputs and computes x @ weight.T
            linear.bias.copy_(torch.tensor(saved["bias"], dtype=torch.float32))
        layers.append(linear)
        if i < len(INITIAL_WEIGHTS) - 1:
            layers.append(ACTIVATION())
    return torch.nn.Sequential(*layers)


# ---- The data ----
def load_points(path):
    """x,y,label rows -> inputs [N, 2] in float32 (what the app's network sees) and labels [N] (0.0 / 1.0)."""
    with open(path, newline="") as file:
        rows = list(csv.DictReader(file))
    inputs = torch.tensor([[float(row["x"]), float(row["y"])] for row in rows], dtype=torch.float32)
    labels = torch.tensor([float(row["label"]) for row in rows], dtype=torch.float64)
    return inputs, labels


# ---- The mini-batches: the app's seeded generator (src/data/random.ts), ported exactly ----
MASK = 0xFFFFFFFF  # JavaScript's 32-bit integer arithmetic: keep the low 32 bits


def cyrb128(text):
    """Four well-mixed 32-bit words from a string (bryc's cyrb128): the generator's seed."""
    h1, h2, h3, h4 = 1779033703, 3144134277, 1013904242, 2773480762
    for char in text:
        k = ord(char)
        h1 = h2 ^ (((h1 ^ k) * 597399067) & MASK)
        h2 = h3 ^ (((h2 ^ k) * 2869860233) & MASK)
        h3 = h4 ^ (((h3 ^ k) * 951274213) & MASK)
        h4 = h1 ^ (((h4 ^ k) * 2716044179) & MASK)
    h1 = ((h3 ^ (h1 >> 18)) * 597399067) & MASK
    h2 = ((h4 ^ (h2 >> 22)) * 2869860233) & MASK
    h3 = ((h1 ^ (h3 >> 17)) * 951274213) & MASK
    h4 = ((h2 ^ (h4 >> 19)) * 2716044179) & MASK
    h1 ^= h2 ^ h3 ^ h4
    return h1, h2 ^ h1, h3 ^ h1, h4 ^ h1


class Sfc32:
    """sfc32, Chris Doty-Humphrey's Small Fast Counting generator: the app's random numbers."""

    def __init__(self, text):
        self.a, self.b, self.c, self.d = cyrb128(text)
        for _ in range(15):  # the first outputs still echo the seed; the app discards 15
            self.next_uint32()

    def next_uint32(self):
        a, b, c, d = self.a, self.b, self.c, self.d
        t = (a + b + d) & MASK
        self.d = (d + 1) & MASK
        self.a = b ^ (b >> 9)
        self.b = (c + (c << 3)) & MASK
        c = ((c << 21) | (c >> 11)) & MASK
        self.c = (c + t) & MASK
        return t

    def integer(self, n):
        """Uniform in 0 .. n - 1: draws past the last whole copy of 0 .. n - 1 are redrawn, so no value is favoured."""
        limit = 2**32 - 2**32 % n
        while True:
            r = self.next_uint32()
            if r < limit:
                return r % n


class Batches:
    """The app's mini-batches (src/model/batches.ts): each epoch shuffles the previous epoch's order
    (Fisher-Yates) and deals it out BATCH_SIZE rows at a time; the last N mod BATCH_SIZE rows sit the
    epoch out (like DataLoader's drop_last). A batch as large as the data is the whole set, in order."""

    def __init__(self, n, stream):
        self.random = Sfc32(stream)
        self.order = list(range(n))
        self.next_row = None  # no epoch yet

    def next(self, batch_size):
        n = len(self.order)
        if batch_size >= n:
            return list(range(n))
        if self.next_row is None or self.next_row + batch_size > n:
            for i in range(n - 1, 0, -1):
                j = self.random.integer(i + 1)
                self.order[i], self.order[j] = self.order[j], self.order[i]
            self.next_row = 0
        rows = self.order[self.next_row : self.next_row + batch_size]
        self.next_row += batch_size
        return rows


# ---- The optimizer ----
class AppAdam:
    """Adam as the app runs it (src/model/optimizers.ts): beta1 = 0.9, beta2 = 0.999, eps = 1e-7
    (tfjs's defaults), in Kingma & Ba's "efficient" form (end of their section 2):
        theta <- theta - lr_t * m / (sqrt(v) + eps),  lr_t = lr * sqrt(1 - beta2^t) / (1 - beta1^t).
    torch.optim.Adam(params, lr, betas=(0.9, 0.999), eps=1e-7) is the same update except that it adds
    eps after the bias correction, i.e. eps / sqrt(1 - beta2^t) here: that differs while gradients are
    tiny (below ~1e-5), so it is written out to follow the app exactly."""

    def __init__(self, params, lr, beta1=0.9, beta2=0.999, eps=1e-7):
        self.params = list(params)
        self.lr, self.beta1, self.beta2, self.eps = lr, beta1, beta2, eps
        self.m = [torch.zeros_like(p) for p in self.params]
        self.v = [torch.zeros_like(p) for p in self.params]
        self.t = 0

    def zero_grad(self):
        for p in self.params:
            p.grad = None

    @torch.no_grad()
    def step(self):
        self.t += 1
        lr_t = self.lr * math.sqrt(1 - self.beta2**self.t) / (1 - self.beta1**self.t)
        for p, m, v in zip(self.params, self.m, self.v):
            m.add_((p.grad - m) * (1 - self.beta1))  # = beta1 * m + (1 - beta1) * g
            v.add_((p.grad**2 - v) * (1 - self.beta2))
            p.sub_(m / (v.sqrt() + self.eps) * lr_t)


# ---- Training ----
def main():
    parser = argparse.ArgumentParser(description="Train the Imbalance Lab classifier as the app does.")
    parser.add_argument("--steps", type=int, default=STEPS, help="optimizer steps (default %(default)s)")
    parser.add_argument("--print-every", type=int, default=10, help="print the loss every N steps")
    parser.add_argument("--data", default=str(DATA_FILE), help="x,y,label CSV (default: %(default)s)")
    args = parser.parse_args()

    inputs, targets = load_points(args.data)
    class_weights = targets * CLASS_WEIGHT_POS + (1 - targets) * CLASS_WEIGHT_NEG  # w_y, in float64
    network = build_network()
    kernels = [layer.weight for layer in network if isinstance(layer, torch.nn.Linear)]
    optimizer = ${sgd ? 'torch.optim.SGD(network.parameters(), lr=LEARNING_RATE)  # theta <- theta - lr * g' : 'AppAdam(network.parameters(), LEARNING_RATE)'}
    batches = Batches(len(targets), BATCH_STREAM)

    def training_loss():
        """What the app plots: the loss on the whole training set, without the weight decay."""
        with torch.no_grad():
            return mean_loss(network(inputs).squeeze(1), targets, class_weights).item()

    print(f"step {0:6d}  training loss {training_loss():.9g}")
    for step in range(1, args.steps + 1):
        rows = torch.tensor(batches.next(BATCH_SIZE))
        loss = mean_loss(network(inputs[rows]).squeeze(1), targets[rows], class_weights[rows])
        optimizer.zero_grad()
        loss.backward()
        if WEIGHT_DECAY > 0:
            with torch.no_grad():
                for kernel in kernels:  # the kernels only, not the biases: d/dW (lambda / 2) sum(W^2) = lambda W
                    kernel.grad.add_(kernel, alpha=WEIGHT_DECAY)
        optimizer.step()
        if step == 1 or step % args.print_every == 0 or step == args.steps:
            value = training_loss()
            print(f"step {step:6d}  training loss {value:.9g}")
            if not math.isfinite(value):
                print("diverged (the app stops here too): try a smaller learning rate")
                break


# ---- The app's initial weights: per layer the kernel (one row per input) and the bias ----
${weightsLiteral(parameters, model.hiddenLayers)}


if __name__ == "__main__":
    main()
`;
  return { script, csv: toCsv(points), fileNames: { ...PYTORCH_FILE_NAMES } };
}
