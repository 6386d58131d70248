import type { DatasetSource } from '../dataset/dataset';
import type { Failure } from '../errors';
import type { TrainingOptions } from '../training/trainingOptions';

export const RUN_FORMAT_VERSION = 1;
/** Maximum length of a run name, in UTF-16 code units (as `String.length` and `maxlength` count). */
export const MAX_RUN_NAME_LENGTH = 200;
export const WEIGHTS_FORMAT_NAME = 'logreg-workbench-weights';
export const WEIGHTS_FORMAT_VERSION = 1;

/** Confusion matrix of a binary classifier; class 1 is the positive class. */
export interface ConfusionMatrix {
  trueNegatives: number;
  falsePositives: number;
  falseNegatives: number;
  truePositives: number;
}

export interface ClassificationMetrics {
  rows: number;
  accuracy: number;
  precision: number;
  recall: number;
  f1: number;
  /** Area under the ROC curve, or null when the set contains one class only. */
  rocAuc: number | null;
  logLoss: number;
  confusion: ConfusionMatrix;
}

export type RunStatus = 'running' | 'finished' | 'cancelled' | 'failed';

export interface RunDatasetInfo {
  source: DatasetSource;
  name: string;
  contentHash: string;
  rows: number;
  cols: number;
  dtype: string;
  classLabels: [string, string];
}

export interface RunSplit {
  /** The split reproduces scikit-learn's `train_test_split(..., random_state=seed)`. */
  method: 'sklearn-train-test-split';
  seed: number;
  testSize: number;
  trainRows: number;
  testRows: number;
  /** SHA-256, hex, of the test rows' indices as little-endian uint32, in split order. */
  testRowsHash: string;
}

/** One training run as stored on disk and as written by the command line's `--out`. */
export interface RunRecord {
  formatVersion: typeof RUN_FORMAT_VERSION;
  id: string;
  name: string;
  /** ISO 8601 time the run started. */
  createdAt: string;
  appVersion: string;
  status: RunStatus;
  /** Reason a run failed or stopped early, absent for a finished run. */
  failure?: Failure;
  dataset: RunDatasetInfo;
  options: TrainingOptions;
  split: RunSplit;
  /** Epochs completed; smaller than `options.epochs` for a cancelled or failed run. */
  epochsCompleted: number;
  /** Mean log-loss per epoch, computed before that epoch's update. */
  loss: { train: number[]; test: number[] };
  metrics: { train: ClassificationMetrics; test: ClassificationMetrics } | null;
  model: { featureNames: string[]; weights: number[]; bias: number } | null;
  /** Logit and true class of every test row, in split order, for the sigmoid chart. */
  testPredictions: { logits: number[]; targets: number[] } | null;
  /** Milliseconds spent in the training loop alone. */
  trainMs: number;
}

/** The fields of a run that a list of runs shows. */
export interface RunSummary {
  id: string;
  name: string;
  createdAt: string;
  status: RunStatus;
  datasetName: string;
  classLabels: [string, string];
  options: TrainingOptions;
  epochsCompleted: number;
  trainAccuracy: number | null;
  testAccuracy: number | null;
}

/** Exported weights, as `train --export-weights` and the app's Export write them. */
export interface WeightsExport {
  format: typeof WEIGHTS_FORMAT_NAME;
  version: typeof WEIGHTS_FORMAT_VERSION;
  featureNames: string[];
  /** Class 0 then class 1; the model's output is the probability of class 1. */
  classLabels: [string, string];
  weights: number[];
  bias: number;
  options: TrainingOptions;
  metrics: { train: ClassificationMetrics; test: ClassificationMetrics };
  dataset: RunDatasetInfo;
  runId: string;
  appVersion: string;
}
