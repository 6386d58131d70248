/**
 * Number formats shown in the workbench. Every formatter is pure and locale-independent, so a
 * value reads the same on every machine and in the end-to-end tests.
 */

/** Text shown where a value does not exist, such as the ROC AUC of a one-class test set. */
export const NOT_AVAILABLE = '—';

const integerFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** Formats a number with a fixed count of decimals, and NaN and the infinities as symbols. */
export function formatDecimal(value: number | null | undefined, digits = 4): string {
  if (value === null || value === undefined) return NOT_AVAILABLE;
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '∞';
  if (value === -Infinity) return '−∞';
  return value.toFixed(digits);
}

/**
 * Formats a fraction as a percentage with a space before the sign: 0.96875 gives "96.88 %".
 * Rounding is that of `Number.prototype.toFixed` on the binary value, halves away from zero.
 */
export function formatPercent(fraction: number | null | undefined, digits = 2): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) {
    return NOT_AVAILABLE;
  }
  return `${(fraction * 100).toFixed(digits)} %`;
}

/** Formats a whole number with comma thousands separators: 3190 gives "3,190". */
export function formatInteger(value: number): string {
  return integerFormat.format(value);
}

/**
 * Formats a number with comma thousands separators and at most `maxDigits` decimals, without
 * trailing zeros: 60 gives "60", 12.25 with one digit "12.3" and 1000 "1,000".
 */
export function formatNumber(value: number, maxDigits = 1): string {
  if (!Number.isFinite(value)) return formatDecimal(value);
  return new Intl.NumberFormat('en-US', { maximumFractionDigits: maxDigits }).format(value);
}

/** Formats a duration in milliseconds as "350 ms", "1.2 s" or "2 min 5 s". */
export function formatDuration(milliseconds: number): string {
  if (!Number.isFinite(milliseconds) || milliseconds < 0) return NOT_AVAILABLE;
  if (milliseconds < 1000) return `${Math.round(milliseconds)} ms`;
  if (milliseconds < 60_000) return `${(milliseconds / 1000).toFixed(1)} s`;

  const seconds = Math.round(milliseconds / 1000);
  return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}
