/**
 * log, cos and sin built from + − × ÷ only, so generated datasets are the same bit for bit in every
 * JS engine.
 *
 * Why not Math.log / Math.cos? ECMAScript leaves them "implementation-approximated": V8, SpiderMonkey
 * and JavaScriptCore (which calls the platform's libm) may differ in the last bit, and one last-bit
 * difference in a Box–Muller draw makes a shared link show different points on another browser. The
 * four basic operations and Math.sqrt are correctly rounded IEEE 754 doubles everywhere, and JS never
 * fuses a multiply and an add, so a fixed sequence of them gives the same result on every machine.
 * Accuracy is within a few ulps of Math.log / Math.cos (checked in the tests); we need sameness, not
 * the last ulp.
 */

const LN2 = 0.6931471805599453;
const HALF_PI = 1.5707963267948966;

/**
 * Series coefficients, computed once at load. Every step is one correctly rounded operation, so
 * they are the same numbers in every engine (even where a factorial above 2^53 is itself rounded).
 */
function taylorCoefficients(firstPower: number, count: number): number[] {
  let factorial = 1;
  for (let n = 2; n <= firstPower; n++) factorial *= n;
  const coefficients: number[] = [];
  for (let k = 0; k < count; k++) {
    const power = firstPower + 2 * k;
    if (k > 0) factorial *= (power - 1) * power;
    coefficients.push((k % 2 === 0 ? 1 : -1) / factorial);
  }
  return coefficients;
}

/** 1/(2k + 1), k = 0 … 11: log m = 2s·Σ s^2k/(2k + 1). */
const LOG_SERIES = Array.from({ length: 12 }, (_, k) => 1 / (2 * k + 1));
/** (−1)^k/(2k + 1)!, k = 0 … 9: sin θ = θ·Σ c_k θ^2k; the first term left out is θ^21/21! < 1e−21. */
const SIN_SERIES = taylorCoefficients(1, 10);
/** (−1)^k/(2k)!, k = 0 … 10: cos θ = Σ c_k θ^2k; the first term left out is θ^22/22! < 1e−22. */
const COS_SERIES = taylorCoefficients(0, 11);

function evenPolynomial(coefficients: readonly number[], t2: number): number {
  let sum = 0;
  for (let i = coefficients.length - 1; i >= 0; i--) sum = (coefficients[i] as number) + t2 * sum;
  return sum;
}

const bits = new DataView(new ArrayBuffer(8));
const TWO_TO_54 = 18014398509481984;

/** Natural log of a positive x: log x = e·ln 2 + log m, with x = m·2^e and m in [√½, √2]. */
export function portableLog(x: number): number {
  if (!(x > 0) || x === Infinity) {
    if (x === 0) return -Infinity;
    return x === Infinity ? Infinity : Number.NaN;
  }
  // Split x into m·2^e through its IEEE 754 bits (big-endian, stated explicitly, so the same on
  // every platform): exact, with no rounding. Subnormals are first scaled into the normal range.
  let exponent = 0;
  let normal = x;
  if (x < 2.2250738585072014e-308) {
    normal = x * TWO_TO_54;
    exponent = -54;
  }
  bits.setFloat64(0, normal);
  const high = bits.getUint32(0);
  exponent += ((high >>> 20) & 0x7ff) - 1023;
  bits.setUint32(0, (high & 0x000fffff) | 0x3ff00000); // the same mantissa with exponent 0: [1, 2)
  let m = bits.getFloat64(0);
  if (m > Math.SQRT2) {
    m /= 2;
    exponent += 1;
  }
  // log m = 2·atanh(s), s = (m − 1)/(m + 1); |s| ≤ 0.1716, so s² ≤ 0.0295 and the 12 terms leave
  // a truncation error under 1e−18.
  const s = (m - 1) / (m + 1);
  return exponent * LN2 + 2 * s * evenPolynomial(LOG_SERIES, s * s);
}

/** The quadrant (0 … 3) of an angle in turns and the offset within it, as a fraction of a quarter. */
function reduceTurns(turns: number): { quadrant: number; within: number } {
  // 1 turn = 2π. Scaling by 4 and removing the integer part are exact in floating point, whereas
  // reducing a radian angle by an inexact π is not: turns make the range reduction exact.
  const fraction = turns - Math.floor(turns);
  // A tiny negative angle leaves 1 − tiny, which rounds to a full turn: that is 0 turns.
  const quarters = fraction < 1 ? 4 * fraction : 0;
  const quadrant = Math.floor(quarters);
  return { quadrant, within: quarters - quadrant };
}

/**
 * cos and sin of the first-quadrant angle within·π/2. Past π/4 the complement is used, so the
 * series always sees |θ| ≤ π/4.
 */
function firstQuadrant(within: number): [number, number] {
  const complement = within > 0.5;
  const theta = (complement ? 1 - within : within) * HALF_PI;
  const t2 = theta * theta;
  const cos = evenPolynomial(COS_SERIES, t2);
  const sin = theta * evenPolynomial(SIN_SERIES, t2);
  return complement ? [sin, cos] : [cos, sin];
}

/** [cos, sin] of an angle given in turns (1 turn = 2π). */
export function cosSinTurns(turns: number): [number, number] {
  const { quadrant, within } = reduceTurns(turns);
  const [cos, sin] = firstQuadrant(within);
  switch (quadrant) {
    case 0:
      return [cos, sin];
    case 1:
      return [-sin, cos];
    case 2:
      return [-cos, -sin];
    default:
      return [sin, -cos];
  }
}
