import { describe, expect, it } from 'vitest';
import { logLossOfLogit, meanLogLoss, sigmoid, softplus } from '../../src/shared/model/logistic';

describe('sigmoid', () => {
  it('is one half at zero', () => {
    expect(sigmoid(0)).toBe(0.5);
  });

  it('matches 1 / (1 + e^-z)', () => {
    // sigmoid(ln 3) = 1 / (1 + 1/3) = 3/4; tolerance: one rounding of exp and of the division.
    expect(sigmoid(Math.log(3))).toBeCloseTo(0.75, 15);
    expect(sigmoid(-Math.log(3))).toBeCloseTo(0.25, 15);
  });

  it('stays in [0, 1] for huge logits', () => {
    expect(sigmoid(1000)).toBe(1);
    expect(sigmoid(-1000)).toBe(0);
    expect(sigmoid(-700)).toBeGreaterThan(0);
  });
});

describe('softplus', () => {
  it('is ln 2 at zero', () => {
    expect(softplus(0)).toBe(Math.LN2);
  });

  it('stays finite for huge logits', () => {
    expect(softplus(1000)).toBe(1000);
    expect(softplus(-1000)).toBe(0);
  });

  it('keeps tiny values', () => {
    // log(1 + e^-40) = e^-40 - e^-80/2 + ..., so e^-40 to 1e-15 relative.
    expect(softplus(-40) / Math.exp(-40)).toBeCloseTo(1, 15);
  });
});

describe('logLossOfLogit', () => {
  it('is -log p for class 1 and -log(1 - p) for class 0', () => {
    // A logit of ln 3 gives p = 3/4: class 1 costs -ln(3/4) and class 0 costs -ln(1/4) = ln 4.
    expect(logLossOfLogit(Math.log(3), 1)).toBeCloseTo(-Math.log(0.75), 15);
    expect(logLossOfLogit(Math.log(3), 0)).toBeCloseTo(Math.log(4), 15);
  });

  it('is finite for a confident wrong answer', () => {
    expect(logLossOfLogit(1000, 0)).toBe(1000);
    expect(logLossOfLogit(-1000, 1)).toBe(1000);
  });
});

describe('meanLogLoss', () => {
  it('averages the samples', () => {
    // (ln 2 + ln 2 + ln 4) / 3 = 4 ln 2 / 3 for logits 0, 0, ln 3 with classes 0, 1, 0.
    const logits = Float64Array.of(0, 0, Math.log(3));
    const targets = Float64Array.of(0, 1, 0);
    expect(meanLogLoss(logits, targets)).toBeCloseTo((4 * Math.LN2) / 3, 15);
  });
});
