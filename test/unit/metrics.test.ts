import { describe, expect, it } from 'vitest';
import { InternalError } from '../../src/shared/errors';
import {
  computeClassificationMetrics,
  computeConfusionMatrix,
  computeRocAuc,
  predictClass,
} from '../../src/shared/model/metrics';

// Six rows worked by hand. Logits 2, -1, 0, 3, -2, 0.5 predict 1, 0, 0, 1, 0, 1 (a logit of 0 is
// a probability of exactly 0.5, so class 0). Against classes 1, 0, 1, 0, 0, 1 that gives
// TP = rows 0 and 5, FN = row 2, FP = row 3, TN = rows 1 and 4.
const logits = Float64Array.of(2, -1, 0, 3, -2, 0.5);
const targets = Float64Array.of(1, 0, 1, 0, 0, 1);

describe('predictClass', () => {
  it('gives class 0 at probability 0.5', () => {
    expect(predictClass(0)).toBe(0);
    expect(predictClass(-0)).toBe(0);
  });

  it('gives class 1 above probability 0.5', () => {
    expect(predictClass(2e-16)).toBe(1);
    expect(predictClass(5)).toBe(1);
    expect(predictClass(-1e-300)).toBe(0);
  });

  it('follows numpy where the probability rounds to 0.5', () => {
    // numpy 2.4: 1 / (1 + np.exp(-z)) > 0.5 is False for z = 1e-300, 1e-17 and 1e-16.
    expect(predictClass(1e-300)).toBe(0);
    expect(predictClass(1e-17)).toBe(0);
    expect(predictClass(1e-16)).toBe(0);
  });
});

describe('computeConfusionMatrix', () => {
  it('counts the hand-worked rows', () => {
    expect(computeConfusionMatrix(logits, targets)).toEqual({
      trueNegatives: 2,
      falsePositives: 1,
      falseNegatives: 1,
      truePositives: 2,
    });
  });
});

describe('computeRocAuc', () => {
  it('counts ordered pairs', () => {
    // Positives score 2, 0, 0.5 and negatives -1, 3, -2: each positive beats -1 and -2 and
    // loses to 3, so 6 of the 9 pairs are ordered and the area is 2/3.
    expect(computeRocAuc(logits, targets)).toBeCloseTo(2 / 3, 15);
  });

  it('counts a tie as one half', () => {
    // Pairs (positive 0, negative 0) tie for 1/2 and (positive 1, negative 0) counts 1: 1.5 / 2.
    expect(computeRocAuc(Float64Array.of(0, 0, 1), Float64Array.of(0, 1, 1))).toBe(0.75);
  });

  it('handles tied infinities', () => {
    // The positive at +∞ ties the negative at +∞ (1/2) and beats the one at -∞ (1): 1.5 / 2.
    const scores = Float64Array.of(Infinity, Infinity, -Infinity);
    expect(computeRocAuc(scores, Float64Array.of(1, 0, 0))).toBe(0.75);
  });

  it('is 1 for a perfect ranking and 0 for a reversed one', () => {
    expect(computeRocAuc(Float64Array.of(-3, -1, 2, 4), Float64Array.of(0, 0, 1, 1))).toBe(1);
    expect(computeRocAuc(Float64Array.of(-3, -1, 2, 4), Float64Array.of(1, 1, 0, 0))).toBe(0);
  });

  it('is null for one class', () => {
    expect(computeRocAuc(Float64Array.of(1, 2), Float64Array.of(1, 1))).toBeNull();
    expect(computeRocAuc(Float64Array.of(1, 2), Float64Array.of(0, 0))).toBeNull();
  });
});

describe('computeClassificationMetrics', () => {
  it('derives the hand-worked metrics', () => {
    const metrics = computeClassificationMetrics(logits, targets);
    expect(metrics.rows).toBe(6);
    expect(metrics.accuracy).toBe(4 / 6);
    expect(metrics.precision).toBe(2 / 3); // TP / (TP + FP) = 2 / 3
    expect(metrics.recall).toBe(2 / 3); // TP / (TP + FN) = 2 / 3
    expect(metrics.f1).toBe(4 / 6); // 2TP / (2TP + FP + FN) = 4 / 6
    expect(metrics.rocAuc).toBeCloseTo(2 / 3, 15);
  });

  it('computes the log-loss from the logits', () => {
    // Logits 0, 0 for classes 0, 1 cost ln 2 each; ln 3 for class 1 costs -ln(3/4).
    const metrics = computeClassificationMetrics(
      Float64Array.of(0, 0, Math.log(3)),
      Float64Array.of(0, 1, 1),
    );
    expect(metrics.logLoss).toBeCloseTo((2 * Math.LN2 - Math.log(0.75)) / 3, 15);
  });

  it('gives 0 where precision, recall and F1 are undefined', () => {
    // Every row is class 0 and predicted 0: no positive prediction and no positive row.
    const metrics = computeClassificationMetrics(Float64Array.of(-1, -2), Float64Array.of(0, 0));
    expect(metrics.accuracy).toBe(1);
    expect(metrics.precision).toBe(0);
    expect(metrics.recall).toBe(0);
    expect(metrics.f1).toBe(0);
    expect(metrics.rocAuc).toBeNull();
  });

  it('gives F1 0 when nothing is right', () => {
    // One false positive and one false negative: precision 0/1, recall 0/1, F1 0/2.
    const metrics = computeClassificationMetrics(Float64Array.of(1, -1), Float64Array.of(0, 1));
    expect(metrics.precision).toBe(0);
    expect(metrics.recall).toBe(0);
    expect(metrics.f1).toBe(0);
    expect(metrics.rocAuc).toBe(0);
  });

  it('keeps the log-loss finite for confident mistakes', () => {
    const metrics = computeClassificationMetrics(Float64Array.of(800), Float64Array.of(0));
    expect(metrics.logLoss).toBe(800);
  });

  it('rejects empty or mismatched input', () => {
    expect(() => computeClassificationMetrics(new Float64Array(0), new Float64Array(0))).toThrow(
      InternalError,
    );
    expect(() => computeClassificationMetrics(Float64Array.of(1), Float64Array.of(1, 0))).toThrow(
      InternalError,
    );
    expect(() => computeClassificationMetrics(Float64Array.of(NaN), Float64Array.of(1))).toThrow(
      InternalError,
    );
  });
});
