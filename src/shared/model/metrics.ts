import { InternalError } from '../errors';
import type { ClassificationMetrics, ConfusionMatrix } from '../runs/runRecord';
import { meanLogLoss, sigmoid } from './logistic';

/**
 * Returns the predicted class of a logit with a 0.5 cut-off on the probability, where exactly 0.5
 * is class 0. The probability is compared, not the logit's sign, because that is what numpy's
 * `1 / (1 + np.exp(-z)) > 0.5` does: for 0 < z < about 1.1e-16 it rounds to exactly 0.5, class 0.
 */
export function predictClass(logit: number): 0 | 1 {
  return sigmoid(logit) > 0.5 ? 1 : 0;
}

/** Counts predictions against true classes (0 or 1); class 1 is the positive class. */
export function computeConfusionMatrix(
  logits: Float64Array,
  targets: Float64Array,
): ConfusionMatrix {
  const confusion = { trueNegatives: 0, falsePositives: 0, falseNegatives: 0, truePositives: 0 };
  for (let i = 0; i < logits.length; i++) {
    const predicted = predictClass(logits[i]);
    if (targets[i] === 1) {
      if (predicted === 1) confusion.truePositives++;
      else confusion.falseNegatives++;
    } else if (predicted === 1) confusion.falsePositives++;
    else confusion.trueNegatives++;
  }
  return confusion;
}

/**
 * Returns the area under the ROC curve by the rank statistic, the Mann-Whitney U divided by the
 * number of positive-negative pairs. Scores are ranked from 1 upwards and tied scores share the
 * mean of their ranks, so a tied pair counts one half. Returns null when only one class is
 * present, because the area is undefined then.
 */
export function computeRocAuc(scores: Float64Array, targets: Float64Array): number | null {
  let positives = 0;
  for (const target of targets) if (target === 1) positives++;
  const negatives = targets.length - positives;
  if (positives === 0 || negatives === 0) return null;

  const order = Array.from(scores.keys()).sort((a, b) => compareNumbers(scores[a], scores[b]));
  let positiveRankSum = 0;
  for (let start = 0; start < order.length;) {
    let end = start + 1;
    while (end < order.length && scores[order[end]] === scores[order[start]]) end++;

    const meanRank = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) if (targets[order[k]] === 1) positiveRankSum += meanRank;
    start = end;
  }

  const u = positiveRankSum - (positives * (positives + 1)) / 2;
  return u / (positives * negatives);
}

/**
 * Computes the metrics of a set from its logits and true classes (0 or 1). Precision, recall and
 * F1 are 0 where their denominator is 0 (no positive predictions, no positive rows, or neither),
 * as scikit-learn reports them with its default `zero_division`.
 */
export function computeClassificationMetrics(
  logits: Float64Array,
  targets: Float64Array,
): ClassificationMetrics {
  checkScores(logits, targets);
  const confusion = computeConfusionMatrix(logits, targets);
  const { truePositives, falsePositives, falseNegatives, trueNegatives } = confusion;

  return {
    rows: logits.length,
    accuracy: (truePositives + trueNegatives) / logits.length,
    precision: ratioOrZero(truePositives, truePositives + falsePositives),
    recall: ratioOrZero(truePositives, truePositives + falseNegatives),
    f1: ratioOrZero(2 * truePositives, 2 * truePositives + falsePositives + falseNegatives),
    rocAuc: computeRocAuc(logits, targets),
    logLoss: meanLogLoss(logits, targets),
    confusion,
  };
}

/** Orders numbers ascending; unlike a - b it stays consistent for two infinities of one sign. */
function compareNumbers(a: number, b: number): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}

function ratioOrZero(numerator: number, denominator: number): number {
  return denominator === 0 ? 0 : numerator / denominator;
}

function checkScores(logits: Float64Array, targets: Float64Array): void {
  if (logits.length === 0 || logits.length !== targets.length) {
    throw new InternalError(
      `metrics need as many logits as targets, at least one; got ${logits.length} and ${targets.length}`,
    );
  }
  if (logits.some(Number.isNaN)) throw new InternalError('metrics received a NaN logit');
}
