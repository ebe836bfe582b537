/** The plain-TypeScript yardstick (bench/yardstick/mlp.ts), timed in its own worker. */
import { YardstickMlp } from '../yardstick/mlp';
import { serve, timeSteps, WORKLOAD, type LoopResult } from './shared';

serve(async (request) => {
  if (request.type !== 'loop') throw new Error(`the yardstick worker only runs loops, not ${request.type}`);
  const { train, timing } = request;
  const mlp = new YardstickMlp(
    {
      widths: [2, ...WORKLOAD.hiddenLayers, 1],
      gamma: WORKLOAD.gamma,
      alpha: WORKLOAD.alpha,
      learningRate: WORKLOAD.learningRate,
      batchSize: timing.batchSize,
      seed: WORKLOAD.seed,
    },
    train.coords,
    train.labels,
  );
  const lossBefore = mlp.loss();
  const { steps, ms } = timeSteps(() => mlp.step(), timing);
  const result: LoopResult = { steps, ms, stepsPerSecond: (1000 * steps) / ms, lossBefore, lossAfter: mlp.loss(), backend: 'plain JS' };
  return { result };
});
