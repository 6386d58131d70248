import { selectRows } from '../dataset/matrixRows';
import type { FeatureMatrix } from '../dataset/featureMatrix';
import {
  selectTargets,
  type EpochEngine,
  type EpochEvaluation,
  type SplitData,
} from './epochEngine';
import { meanLogLoss, sigmoid } from './logistic';
import { computeLogits, type LogisticModel } from './logisticRegression';
import { multiplyTransposedVector } from './matrixKernels';

/**
 * The reference engine: the plain per-matrix-kind kernels on copies of the training and test
 * rows, summing in row order. It runs on every matrix and in every JavaScript engine, and the
 * fast engines are tested against it.
 */
export class PlainEpochEngine implements EpochEngine {
  readonly kind = 'plain';
  private readonly train: FeatureMatrix;
  private readonly test: FeatureMatrix;
  private readonly trainTargets: Float64Array;
  private readonly testTargets: Float64Array;
  private readonly trainLogits: Float64Array;
  private readonly testLogits: Float64Array;
  private readonly residuals: Float64Array;

  constructor(split: SplitData) {
    this.train = selectRows(split.features, split.trainRows);
    this.test = selectRows(split.features, split.testRows);
    this.trainTargets = selectTargets(split.targets, split.trainRows);
    this.testTargets = selectTargets(split.targets, split.testRows);
    this.trainLogits = new Float64Array(split.trainRows.length);
    this.testLogits = new Float64Array(split.testRows.length);
    this.residuals = new Float64Array(split.trainRows.length);
  }

  evaluate(model: LogisticModel, gradient: Float64Array): EpochEvaluation {
    this.computeLogits(model, this.trainLogits, this.testLogits);
    const trainLoss = meanLogLoss(this.trainLogits, this.trainTargets);
    const testLoss = meanLogLoss(this.testLogits, this.testTargets);

    let residualSum = 0;
    for (let row = 0; row < this.residuals.length; row++) {
      this.residuals[row] = sigmoid(this.trainLogits[row]) - this.trainTargets[row];
      residualSum += this.residuals[row];
    }
    multiplyTransposedVector(this.train, this.residuals, gradient);
    return { trainLoss, testLoss, residualSum };
  }

  computeLogits(model: LogisticModel, trainLogits: Float64Array, testLogits: Float64Array): void {
    computeLogits(this.train, model, trainLogits);
    computeLogits(this.test, model, testLogits);
  }

  dispose(): void {
    // The copies of the rows are ordinary arrays, freed with the engine.
  }
}
