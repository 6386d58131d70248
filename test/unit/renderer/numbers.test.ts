import { describe, expect, it } from 'vitest';
import {
  formatDecimal,
  formatDuration,
  formatInteger,
  formatNumber,
  formatPercent,
  NOT_AVAILABLE,
} from '../../../src/renderer/src/format/numbers';
import { formatDateTime } from '../../../src/renderer/src/format/dates';
import {
  formatLearningRate,
  formatOptionsBrief,
  formatRunBrief,
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

describe('formatNumber', () => {
  it('drops trailing zeros', () => {
    expect(formatNumber(60)).toBe('60');
    expect(formatNumber(59.96)).toBe('60');
    expect(formatNumber(12.25, 1)).toBe('12.3');
  });

  it('groups thousands', () => {
    expect(formatNumber(100_000)).toBe('100,000');
  });

  it('names special values', () => {
    expect(formatNumber(Number.NaN)).toBe('NaN');
    expect(formatNumber(Infinity)).toBe('∞');
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
  it('formats local time to the second', () => {
    const local = new Date(2024, 2, 5, 9, 7, 3);
    expect(formatDateTime(local.toISOString())).toBe('2024-03-05 09:07:03');
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

  it('groups thousands of every option', () => {
    const options = { testSize: 1200, seed: 123456, epochs: 1_000_000, learningRate: 1000 };
    expect(formatOptionsBrief(options)).toBe(
      'test 1,200 rows · seed 123,456 · 1,000,000 epochs · rate 1,000',
    );
  });
});

describe('formatLearningRate', () => {
  it('keeps every digit', () => {
    expect(formatLearningRate(0.1)).toBe('0.1');
    expect(formatLearningRate(0.000123)).toBe('0.000123');
    expect(formatLearningRate(1e-7)).toBe('0.0000001');
  });
});

describe('formatRunBrief', () => {
  const options = { testSize: 0.25, seed: 0, epochs: 300, learningRate: 0.1 };

  it('names the epochs once', () => {
    const text = formatRunBrief({ options, epochsCompleted: 300, trainMs: 98 });
    expect(text).toBe('test 0.25 · seed 0 · rate 0.1 · 300 epochs in 98 ms');
  });

  it('shows the epochs of a run that stopped early', () => {
    const run = { options: { ...options, epochs: 200_000 }, epochsCompleted: 1234, trainMs: 1500 };
    expect(formatRunBrief(run)).toBe(
      'test 0.25 · seed 0 · rate 0.1 · 1,234 of 200,000 epochs in 1.5 s',
    );
  });
});
