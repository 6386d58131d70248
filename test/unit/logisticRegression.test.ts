import { describe, expect, it } from 'vitest';
import type { DenseMatrix } from '../../src/shared/dataset/featureMatrix';
import { meanLogLoss } from '../../src/shared/model/logistic';
import {
  computeLogits,
  createZeroModel,
  GradientDescentStep,
  isModelFinite,
  type LogisticModel,
} from '../../src/shared/model/logisticRegression';

const identity: DenseMatrix = {
  kind: 'dense',
  rows: 2,
  cols: 2,
  data: Float64Array.of(1, 0, 0, 1),
};

// Four rows, two features, both classes, not separable by a line through the origin.
const features: DenseMatrix = {
  kind: 'dense',
  rows: 4,
  cols: 2,
  data: Float64Array.of(1, 2, -1, 0.5, 0.3, -2, 2, 1),
};
const targets = Float64Array.of(1, 0, 0, 1);

function lossAt(model: LogisticModel): number {
  const logits = new Float64Array(features.rows);
  computeLogits(features, model, logits);
  return meanLogLoss(logits, targets);
}

describe('computeLogits', () => {
  it('adds the bias to X·w', () => {
    // w = [0.5, -1], b = 0.25. Row 0: 0.5 - 2 + 0.25 = -1.25. Row 1: -0.5 - 0.5 + 0.25 = -0.75.
    // Row 2: 0.15 + 2 + 0.25 = 2.4. Row 3: 1 - 1 + 0.25 = 0.25. Tolerance 1e-15 for 0.3 · 0.5.
    const logits = new Float64Array(4);
    computeLogits(features, { weights: Float64Array.of(0.5, -1), bias: 0.25 }, logits);
    [-1.25, -0.75, 2.4, 0.25].forEach((expected, row) => {
      expect(logits[row]).toBeCloseTo(expected, 15);
    });
  });
});

describe('GradientDescentStep', () => {
  it('takes one step by hand', () => {
    // Zero model: every output is 1/2, residuals are [1/2 - 1, 1/2 - 0] = [-1/2, 1/2].
    // dw = Xᵀr / 2 = [-1/4, 1/4], db = 0; with learning rate 2, w = [1/2, -1/2], b = 0.
    const model = createZeroModel(2);
    new GradientDescentStep(identity, Float64Array.of(1, 0), 2).apply(model, new Float64Array(2));
    expect(Array.from(model.weights)).toEqual([0.5, -0.5]);
    expect(model.bias).toBe(0);
  });

  it('follows the gradient of the mean log-loss', () => {
    // A step of learning rate 1 moves each parameter by minus its derivative. Compare it with
    // central differences of meanLogLoss, step 1e-6, tolerance 1e-8.
    const model: LogisticModel = { weights: Float64Array.of(0.3, -0.2), bias: 0.1 };
    const logits = new Float64Array(4);
    computeLogits(features, model, logits);
    const updated: LogisticModel = { weights: model.weights.slice(), bias: model.bias };
    new GradientDescentStep(features, targets, 1).apply(updated, logits);

    const h = 1e-6;
    for (let col = 0; col < 2; col++) {
      const plus = { weights: model.weights.slice(), bias: model.bias };
      const minus = { weights: model.weights.slice(), bias: model.bias };
      plus.weights[col] += h;
      minus.weights[col] -= h;
      const derivative = (lossAt(plus) - lossAt(minus)) / (2 * h);
      expect(model.weights[col] - updated.weights[col]).toBeCloseTo(derivative, 8);
    }
    const biasDerivative =
      (lossAt({ ...model, bias: model.bias + h }) - lossAt({ ...model, bias: model.bias - h })) /
      (2 * h);
    expect(model.bias - updated.bias).toBeCloseTo(biasDerivative, 8);
  });

  it('lowers the loss with a small step', () => {
    const model = createZeroModel(2);
    const logits = new Float64Array(4);
    const step = new GradientDescentStep(features, targets, 0.1);
    let previous = Infinity;
    for (let epoch = 0; epoch < 20; epoch++) {
      computeLogits(features, model, logits);
      const loss = meanLogLoss(logits, targets);
      expect(loss).toBeLessThan(previous);
      previous = loss;
      step.apply(model, logits);
    }
  });
});

describe('isModelFinite', () => {
  it('accepts finite values', () => {
    expect(isModelFinite({ weights: Float64Array.of(1e300, -2), bias: 0 })).toBe(true);
  });

  it('rejects a non-finite weight or bias', () => {
    expect(isModelFinite({ weights: Float64Array.of(1, Number.NaN), bias: 0 })).toBe(false);
    expect(isModelFinite({ weights: Float64Array.of(1, 2), bias: -Infinity })).toBe(false);
  });
});
