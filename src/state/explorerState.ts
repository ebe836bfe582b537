import type { BinaryLossId } from '../losses/types';

export type Language = 'en' | 'zh';
/** Which label the example on the curves has: the rare class (y = 1) or the common one (y = 0). */
export type ExampleClass = 1 | 0;

/** Everything the curve explorer shows, and everything a shared link restores. */
export interface ExplorerState {
  losses: BinaryLossId[];
  gamma: number;
  alpha: number;
  /** When on, α comes from the class ratio (α/(1−α) = n_neg/n_pos) instead of the α slider. */
  alphaFromRatio: boolean;
  /** Majority examples per minority example: 1 (balanced) to 1000. */
  ratio: number;
  beta: number;
  epsilon: number;
  gammaPos: number;
  gammaNeg: number;
  margin: number;
  tau: number;
  exampleClass: ExampleClass;
  logScale: boolean;
  lang: Language;
}

export type NumericKey = {
  [K in keyof ExplorerState]: ExplorerState[K] extends number ? K : never;
}[keyof ExplorerState];
