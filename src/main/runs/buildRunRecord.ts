import { createHash } from 'node:crypto';
import type { Dataset } from '../../shared/dataset/dataset';
import type { Failure } from '../../shared/errors';
import { RUN_FORMAT_VERSION, type RunRecord } from '../../shared/runs/runRecord';
import type { TrainingOutcome } from '../../shared/training/runTraining';
import type { TrainingOptions } from '../../shared/training/trainingOptions';

export interface RunRecordInput {
  id: string;
  /** Name given by the person; `defaultRunName` when absent. */
  name?: string;
  /** Time the run started. */
  createdAt: Date;
  appVersion: string;
  dataset: Dataset;
  /** The two class labels; the first is class 0. */
  classes: [string, string];
  options: TrainingOptions;
  outcome: TrainingOutcome;
}

/**
 * Builds the stored record of a run that ended, finished, cancelled or failed. Used by the app
 * and by the command line, so that both write the same record for the same run.
 */
export function buildRunRecord(input: RunRecordInput): RunRecord {
  const { dataset, options, outcome } = input;
  const failure = describeFailure(outcome, options);
  const model = hasFiniteModel(outcome) ? outcome.model : null;

  return {
    formatVersion: RUN_FORMAT_VERSION,
    id: input.id,
    name: input.name ?? defaultRunName(input.classes, options),
    createdAt: input.createdAt.toISOString(),
    appVersion: input.appVersion,
    status: outcome.status,
    ...(failure ? { failure } : {}),
    dataset: {
      source: dataset.source,
      name: dataset.name,
      contentHash: dataset.contentHash,
      rows: dataset.features.rows,
      cols: dataset.features.cols,
      dtype: dataset.dtype,
      classLabels: input.classes,
    },
    options: { ...options },
    split: {
      method: 'sklearn-train-test-split',
      seed: options.seed,
      testSize: options.testSize,
      trainRows: outcome.trainRows.length,
      testRows: outcome.testRows.length,
      testRowsHash: hashRowIndices(outcome.testRows),
    },
    epochsCompleted: outcome.epochsCompleted,
    loss: { train: [...outcome.loss.train], test: [...outcome.loss.test] },
    metrics: model ? outcome.metrics : null,
    model: model
      ? { featureNames: dataset.featureNames, weights: model.weights, bias: model.bias }
      : null,
    testPredictions: model ? outcome.testPredictions : null,
    trainMs: outcome.trainMs,
  };
}

/**
 * Names a run after its classes and the options people change most. The data set is left out
 * because the run list and the comparison show it beside the name.
 */
export function defaultRunName(classes: [string, string], options: TrainingOptions): string {
  const epochs = options.epochs.toLocaleString('en-US');
  return `${classes[0]} vs ${classes[1]}, lr ${options.learningRate}, ${epochs} epochs`;
}

/**
 * SHA-256, hex, of row indices written as little-endian uint32 in the order given, so that two
 * runs can be checked for the same test set without storing it.
 */
export function hashRowIndices(rows: Uint32Array): string {
  const bytes = Buffer.alloc(rows.length * 4);
  rows.forEach((row, index) => bytes.writeUInt32LE(row, index * 4));
  return createHash('sha256').update(bytes).digest('hex');
}

/** Returns the failure of a failed run or the reason a cancelled run stopped, else undefined. */
function describeFailure(outcome: TrainingOutcome, options: TrainingOptions): Failure | undefined {
  if (outcome.failure) return outcome.failure;
  if (outcome.status !== 'cancelled') return undefined;
  return {
    code: 'cancelled',
    message: `cancelled after ${outcome.epochsCompleted} of ${options.epochs} epochs`,
  };
}

/**
 * Returns whether the outcome has a model whose numbers are all finite. JSON cannot store NaN or
 * the infinities, so a model that contains one is left out rather than stored as nulls.
 */
function hasFiniteModel(
  outcome: TrainingOutcome,
): outcome is TrainingOutcome & { model: { weights: number[]; bias: number } } {
  if (outcome.model === null || outcome.metrics === null) return false;
  return Number.isFinite(outcome.model.bias) && outcome.model.weights.every(Number.isFinite);
}
