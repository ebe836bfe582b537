/**
 * Seeded randomness that gives the same numbers on every machine and JS engine: sfc32 (Chris
 * Doty-Humphrey's Small Fast Counting generator, PractRand-clean) on 32-bit integer math, seeded by
 * hashing the seed together with a purpose name. Nothing here calls Math.random.
 */
import { cosSinTurns, portableLog } from './portableMath';

export interface Random {
  /** The next raw output, an integer in 0 … 2³² − 1. */
  nextUint32(): number;
  /** Uniform in [0, 1), on a grid of 2⁻³². */
  uniform(): number;
  /** Uniform in [low, high). */
  uniformIn(low: number, high: number): number;
  /** Uniform integer in 0 … n − 1 (n ≤ 2³²), without the bias of taking a remainder. */
  integer(n: number): number;
  /**
   * Standard normal, by Box–Muller: each pair of 32-bit outputs gives two normals (cos and sin),
   * the second kept for the next call. No rejection, so the draws consumed never depend on values.
   */
  normal(): number;
}

const TWO_TO_32 = 4294967296;

/**
 * cyrb128 (bryc, public domain): four well-mixed 32-bit words from a string, enough to seed sfc32's
 * 128-bit state so that nearby seeds ("1", "2") and nearby purposes start far apart.
 */
function hash128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** sfc32: 128 bits of state; the counter d guarantees a period of at least 2³² from any seed. */
function sfc32(seedWords: [number, number, number, number]): () => number {
  let [a, b, c, d] = seedWords;
  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  // The first outputs still echo the seed words; 15 rounds mix them in fully.
  for (let i = 0; i < 15; i++) next();
  return next;
}

function randomFrom(nextUint32: () => number): Random {
  const uniform = () => nextUint32() / TWO_TO_32;
  let spareNormal: number | undefined;
  return {
    nextUint32,
    uniform,
    uniformIn: (low, high) => low + (high - low) * uniform(),
    integer(n) {
      if (!Number.isInteger(n) || n < 1 || n > TWO_TO_32) {
        throw new RangeError(`integer(n) needs 1 ≤ n ≤ 2^32, got ${n}`);
      }
      // Reject the top, incomplete copy of 0 … n − 1 so every value is equally likely.
      const limit = TWO_TO_32 - (TWO_TO_32 % n);
      for (;;) {
        const r = nextUint32();
        if (r < limit) return r % n;
      }
    },
    normal() {
      if (spareNormal !== undefined) {
        const spare = spareNormal;
        spareNormal = undefined;
        return spare;
      }
      // u1 in (0, 1], never 0, so the radius is finite (at most √(2·32·ln 2) ≈ 6.7).
      const u1 = (nextUint32() + 1) / TWO_TO_32;
      const radius = Math.sqrt(-2 * portableLog(u1));
      const [cos, sin] = cosSinTurns(uniform());
      spareNormal = radius * sin;
      return radius * cos;
    },
  };
}

/**
 * An independent stream for one purpose ("train/minority", "smote", …) of one seed. Train and test
 * sets and each resampling method draw from their own stream, so adding a draw to one never shifts
 * the numbers another sees.
 */
export function streamFor(seed: number, purpose: string): Random {
  // String(seed) is exact and engine-independent (shortest round-trip form), so any number hashes.
  return randomFrom(sfc32(hash128(`${String(seed)}/${purpose}`)));
}

/** A shuffled copy (Fisher–Yates): every order equally likely; the input is left alone. */
export function shuffle<T>(items: readonly T[], random: Random): T[] {
  const result = items.slice();
  for (let i = result.length - 1; i > 0; i--) {
    const j = random.integer(i + 1);
    const held = result[i] as T;
    result[i] = result[j] as T;
    result[j] = held;
  }
  return result;
}

/**
 * k distinct indices out of 0 … n − 1, every k-subset equally likely, in the order drawn (a
 * partial Fisher–Yates: only the first k swaps are made).
 */
export function chooseIndices(k: number, n: number, random: Random): number[] {
  if (!Number.isInteger(k) || !Number.isInteger(n) || k < 0 || k > n) {
    throw new RangeError(`chooseIndices needs integers 0 ≤ k ≤ n, got k = ${k}, n = ${n}`);
  }
  const pool = new Int32Array(n);
  for (let i = 0; i < n; i++) pool[i] = i;
  const chosen: number[] = [];
  for (let i = 0; i < k; i++) {
    const j = i + random.integer(n - i);
    const picked = pool[j] as number;
    pool[j] = pool[i] as number;
    pool[i] = picked;
    chosen.push(picked);
  }
  return chosen;
}
