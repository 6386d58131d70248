import { describe, expect, it } from 'vitest';
import {
  formatDecimal,
  formatDuration,
  formatInteger,
  formatPercent,
  NOT_AVAILABLE,
} from '../../../src/renderer/src/format/numbers';
import { formatDateTime } from '../../../src/renderer/src/format/dates';
import {
  formatOptionsBrief,
  formatTestSize,
} from '../../../src/renderer/src/format/trainingOptions';

describe('formatPercent', () => {
  it('rounds to two decimals', () => {
    // 0.96875 = 31/32 is exact in binary, so 96.875 is a true half and rounds up.
    expect(formatPercent(0.96875)).toBe('96.88 %');
    expect(formatPercent(0.9826238053866203)).toBe('98.26 %');
  });

  it('formats the ends of the range', () => {
    expect(formatPercent(0)).toBe('0.00 %');
    expect(formatPercent(1)).toBe('100.00 %');
  });

  it('takes a digit count', () => {
    expect(formatPercent(0.5, 0)).toBe('50 %');
  });

  it('marks missing and non-finite values', () => {
    expect(formatPercent(null)).toBe(NOT_AVAILABLE);
    expect(formatPercent(undefined)).toBe(NOT_AVAILABLE);
    expect(formatPercent(Number.NaN)).toBe(NOT_AVAILABLE);
    expect(formatPercent(Infinity)).toBe(NOT_AVAILABLE);
  });
});

describe('formatDecimal', () => {
  it('uses four decimals by default', () => {
    expect(formatDecimal(Math.LN2)).toBe('0.6931');
  });

  it('names special values', () => {
    expect(formatDecimal(null)).toBe(NOT_AVAILABLE);
    expect(formatDecimal(Number.NaN)).toBe('NaN');
    expect(formatDecimal(Infinity)).toBe('∞');
    expect(formatDecimal(-Infinity)).toBe('−∞');
  });
});

describe('formatInteger', () => {
  it('groups thousands', () => {
    expect(formatInteger(3190)).toBe('3,190');
    expect(formatInteger(1_000_000)).toBe('1,000,000');
    expect(formatInteger(0)).toBe('0');
  });
});

describe('formatDuration', () => {
  it('picks the unit by size', () => {
    expect(formatDuration(349.6)).toBe('350 ms');
    expect(formatDuration(1234)).toBe('1.2 s');
    expect(formatDuration(125_000)).toBe('2 min 5 s');
  });

  it('marks negative and non-finite times', () => {
    expect(formatDuration(-1)).toBe(NOT_AVAILABLE);
    expect(formatDuration(Number.NaN)).toBe(NOT_AVAILABLE);
  });
});

describe('formatDateTime', () => {
  it('formats local time to the minute', () => {
    const local = new Date(2024, 2, 5, 9, 7, 30);
    expect(formatDateTime(local.toISOString())).toBe('2024-03-05 09:07');
  });

  it('returns text that is not a time unchanged', () => {
    expect(formatDateTime('yesterday')).toBe('yesterday');
  });
});

describe('formatTestSize', () => {
  it('shows fractions and row counts', () => {
    expect(formatTestSize(0.25)).toBe('0.25');
    expect(formatTestSize(1)).toBe('1 row');
    expect(formatTestSize(1200)).toBe('1,200 rows');
  });
});

describe('formatOptionsBrief', () => {
  it('lists every option', () => {
    const text = formatOptionsBrief({ testSize: 0.25, seed: 0, epochs: 300, learningRate: 0.1 });
    expect(text).toBe('test 0.25 · seed 0 · 300 epochs · rate 0.1');
  });
});
