import type { FeatureMatrix } from '../dataset/featureMatrix';
import type { LogisticModel } from './logisticRegression';

/** The rows of one split: a problem's features and classes, and its rows on each side. */
export interface SplitData {
  features: FeatureMatrix;
  /** Class of every row of `features`, 0 or 1. */
  targets: Float64Array;
  /** Indices into the rows of `features`, in split order. */
  trainRows: Uint32Array;
  testRows: Uint32Array;
}

/** The measurements of one epoch, taken before its update. */
export interface EpochEvaluation {
  /** Mean log-loss of the training rows. */
  trainLoss: number;
  /** Mean log-loss of the test rows. */
  testLoss: number;
  /** Sum of the training residuals sigmoid(logit) - class, the bias gradient times the rows. */
  residualSum: number;
}

/**
 * The data-dependent work of gradient descent on one split, in a layout that suits the data.
 * Every engine computes the same quantities; they differ only in the order of floating-point
 * sums, by a few units in the last place.
 */
export interface EpochEngine {
  /** Name of the implementation, for benchmarks and logs. */
  readonly kind: 'plain' | 'one-hot' | 'dense';
  /**
   * Computes the training and test losses of `model` and writes Xᵀ(sigmoid(X·w + b) - y) over
   * the training rows into `gradient`, one value per column, not yet divided by the row count.
   */
  evaluate(model: LogisticModel, gradient: Float64Array): EpochEvaluation;
  /** Writes the logits of the training rows and of the test rows, in split order. */
  computeLogits(model: LogisticModel, trainLogits: Float64Array, testLogits: Float64Array): void;
  /** Releases the engine's resources; the engine must not be used afterwards. */
  dispose(): void;
}

/** Returns the classes of `rows`, in their order. */
export function selectTargets(targets: Float64Array, rows: Uint32Array): Float64Array {
  const selected = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) selected[i] = targets[rows[i]];
  return selected;
}
