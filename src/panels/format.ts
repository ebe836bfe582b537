const superscriptDigits: Record<string, string> = {
  '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹',
};

/**
 * A read-out number: four significant digits, and powers of ten written as a teacher would
 * (1.054×10⁻⁵) when the value is tiny or huge — focal loss lives in those tails.
 */
export function formatValue(v: number, digits = 4): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  const magnitude = Math.abs(v);
  if (magnitude >= 1e-3 && magnitude < 1e5) return Number(v.toPrecision(digits)).toString();
  const [mantissa, exponent = '0'] = v.toExponential(digits - 1).split('e');
  const power = String(Number(exponent)).replace(/./g, (c) => superscriptDigits[c] ?? c);
  return `${mantissa}×10${power}`;
}

/** A parameter value in a formula or label: up to three decimals, no trailing zeros. */
export const formatParam = (v: number) => Number(v.toFixed(3)).toString();

/** β sits at 0.9, 0.99, 0.999, 0.9999 and between: every 9 counts, so all six decimals the slider has. */
export const formatBeta = (v: number) => String(Number(v.toFixed(6)));
