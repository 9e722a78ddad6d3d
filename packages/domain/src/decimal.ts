/** Helpers for decimal figures held in plain numbers, without float noise (0.1 + 0.2). */

const MAX_DECIMALS = 10;

function scaleFor(decimals: number): number {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > MAX_DECIMALS) {
    throw new RangeError(`decimals must be an integer from 0 to ${MAX_DECIMALS}, got ${decimals}`);
  }
  return 10 ** decimals;
}

/**
 * `value × scale` as an integer, rounded half away from zero. The product is first cut to
 * 15 significant digits so that binary noise (1.005 × 100 = 100.49999999999999) does not decide the rounding.
 */
function scaledInteger(value: number, scale: number): number {
  const scaled = Number((Math.abs(value) * scale).toPrecision(15));
  return Math.sign(value) * Math.round(scaled);
}

/** Rounds half away from zero to `decimals` places: roundTo(234.43999999999994, 2) === 234.44. */
export function roundTo(value: number, decimals: number): number {
  const scale = scaleFor(decimals);
  return scaledInteger(value, scale) / scale + 0; // `+ 0` turns -0 into 0
}

/** Sum of decimal figures, exact to `decimals` places: each term is scaled to an integer first. */
export function sumDecimals(values: readonly number[], decimals: number): number {
  const scale = scaleFor(decimals);
  let total = 0;
  for (const value of values) total += scaledInteger(value, scale);
  return total / scale + 0;
}

/** True if `value` is written with at most `decimals` decimal places (1234.56 has 2, 0.1 + 0.2 has more). */
export function hasAtMostDecimals(value: number, decimals: number): boolean {
  scaleFor(decimals);
  return Number.isFinite(value) && Number(value.toFixed(decimals)) === value;
}
