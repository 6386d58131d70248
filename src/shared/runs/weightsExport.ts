/**
 * The weights file that the app's Export and `train --export-weights` write, and its parser,
 * which the command line's `predict` uses. The parser also exports the checks of a run's parts
 * (options, metrics, data set), so that the run store checks run files the same way.
 */
import type { DatasetSource } from '../dataset/dataset';
import { InputError } from '../errors';
import {
  expectArray,
  expectFiniteNumber,
  expectFiniteNumbers,
  expectInteger,
  expectObject,
  expectOneOf,
  rejectValue,
} from '../ipc/validatePayload';
import type { TrainingOptions } from '../training/trainingOptions';
import {
  WEIGHTS_FORMAT_NAME,
  WEIGHTS_FORMAT_VERSION,
  type ClassificationMetrics,
  type RunDatasetInfo,
  type RunRecord,
  type WeightsExport,
} from './runRecord';

/** Files are already in memory when parsed, so arrays in them need no length limit. */
const UNLIMITED = Number.MAX_SAFE_INTEGER;

/** Builds the weights file of a run; throws `InputError('not-found')` when it has no model. */
export function toWeightsExport(record: RunRecord): WeightsExport {
  if (record.model === null || record.metrics === null) {
    throw new InputError(
      'not-found',
      `run '${record.name}' has no trained model to export: its status is ${record.status}`,
    );
  }
  return {
    format: WEIGHTS_FORMAT_NAME,
    version: WEIGHTS_FORMAT_VERSION,
    featureNames: record.model.featureNames,
    classLabels: record.dataset.classLabels,
    weights: record.model.weights,
    bias: record.model.bias,
    options: record.options,
    metrics: record.metrics,
    dataset: record.dataset,
    runId: record.id,
    appVersion: record.appVersion,
  };
}

/**
 * Checks parsed JSON against the weights format and returns it typed. Throws
 * `InputError('invalid-file')` whose message starts with `fileName` and names the first field
 * that is wrong. Unknown extra fields are allowed, because the format version decides meaning.
 */
export function parseWeightsExport(json: unknown, fileName: string): WeightsExport {
  return checkFileContents(fileName, () => checkWeightsExport(json));
}

/**
 * Runs `check` on the contents of the file `fileName` and returns its result. An `InputError`
 * from it becomes `InputError('invalid-file')` whose message starts with `fileName`.
 */
export function checkFileContents<T>(fileName: string, check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof InputError) {
      throw new InputError('invalid-file', `${fileName}: ${error.message}`);
    }
    throw error;
  }
}

function checkWeightsExport(json: unknown): WeightsExport {
  const file = expectObject(json, 'the file', ['format', 'version'], [], 'ignore');
  if (file.format !== WEIGHTS_FORMAT_NAME) {
    rejectValue('format', `"${WEIGHTS_FORMAT_NAME}" in a weights file`, file.format);
  }
  if (file.version !== WEIGHTS_FORMAT_VERSION) {
    rejectValue(
      'version',
      `${WEIGHTS_FORMAT_VERSION}, the version this program reads`,
      file.version,
    );
  }

  const keys = ['featureNames', 'classLabels', 'weights', 'bias', 'options', 'metrics'];
  expectObject(json, 'the file', [...keys, 'dataset', 'runId', 'appVersion'], [], 'ignore');
  const weights = expectFiniteNumbers(file.weights, 'weights', UNLIMITED);
  expectFeatureNames(file.featureNames, 'featureNames', weights.length);
  expectClassLabels(file.classLabels, 'classLabels');
  expectFiniteNumber(file.bias, 'bias');
  expectTrainingOptions(file.options, 'options');
  expectTrainTestMetrics(file.metrics, 'metrics');
  expectRunDatasetInfo(file.dataset, 'dataset');
  expectText(file.runId, 'runId');
  expectText(file.appVersion, 'appVersion');
  return json as WeightsExport;
}

/** Checks a string of any length, empty included, as found in a file. */
export function expectText(value: unknown, path: string): string {
  if (typeof value !== 'string') rejectValue(path, 'a string', value);
  return value;
}

export function expectFeatureNames(value: unknown, path: string, length: number): string[] {
  const names = expectArray(value, path, UNLIMITED);
  if (names.length !== length) rejectValue(path, `an array of ${length} names`, value);
  names.forEach((name, index) => expectText(name, `${path}[${index}]`));
  return names as string[];
}

export function expectClassLabels(value: unknown, path: string): [string, string] {
  const labels = expectArray(value, path, UNLIMITED);
  if (labels.length !== 2) rejectValue(path, 'an array of two class labels', value);
  labels.forEach((label, index) => expectText(label, `${path}[${index}]`));
  return labels as [string, string];
}

/**
 * Checks the four option fields for type and sign. `validateTrainingOptions` checks the ranges
 * that training accepts where a run starts, and a stored run keeps the options it ran with.
 */
export function expectTrainingOptions(value: unknown, path: string): TrainingOptions {
  const keys = ['testSize', 'seed', 'epochs', 'learningRate'];
  const options = expectObject(value, path, keys, [], 'ignore');
  for (const key of keys) {
    if (expectFiniteNumber(options[key], `${path}.${key}`) < 0) {
      rejectValue(`${path}.${key}`, 'a number of at least 0', options[key]);
    }
  }
  return value as TrainingOptions;
}

export function expectTrainTestMetrics(
  value: unknown,
  path: string,
): { train: ClassificationMetrics; test: ClassificationMetrics } {
  const metrics = expectObject(value, path, ['train', 'test'], [], 'ignore');
  expectClassificationMetrics(metrics.train, `${path}.train`);
  expectClassificationMetrics(metrics.test, `${path}.test`);
  return value as { train: ClassificationMetrics; test: ClassificationMetrics };
}

const RATIO_KEYS = ['accuracy', 'precision', 'recall', 'f1'] as const;
const CONFUSION_KEYS = ['trueNegatives', 'falsePositives', 'falseNegatives', 'truePositives'];

export function expectClassificationMetrics(value: unknown, path: string): ClassificationMetrics {
  const keys = ['rows', ...RATIO_KEYS, 'rocAuc', 'logLoss', 'confusion'];
  const metrics = expectObject(value, path, keys, [], 'ignore');
  expectInteger(metrics.rows, `${path}.rows`, 0, UNLIMITED);
  for (const key of RATIO_KEYS) expectRatio(metrics[key], `${path}.${key}`);
  if (metrics.rocAuc !== null) expectRatio(metrics.rocAuc, `${path}.rocAuc`);
  expectFiniteNumber(metrics.logLoss, `${path}.logLoss`);

  const confusion = expectObject(
    metrics.confusion,
    `${path}.confusion`,
    CONFUSION_KEYS,
    [],
    'ignore',
  );
  for (const key of CONFUSION_KEYS) {
    expectInteger(confusion[key], `${path}.confusion.${key}`, 0, UNLIMITED);
  }
  return value as ClassificationMetrics;
}

function expectRatio(value: unknown, path: string): number {
  const ratio = expectFiniteNumber(value, path);
  if (ratio < 0 || ratio > 1) rejectValue(path, 'a number from 0 to 1', value);
  return ratio;
}

export function expectRunDatasetInfo(value: unknown, path: string): RunDatasetInfo {
  const keys = ['source', 'name', 'contentHash', 'rows', 'cols', 'dtype', 'classLabels'];
  const info = expectObject(value, path, keys, [], 'ignore');
  expectDatasetSource(info.source, `${path}.source`);
  expectText(info.name, `${path}.name`);
  expectText(info.contentHash, `${path}.contentHash`);
  expectInteger(info.rows, `${path}.rows`, 0, UNLIMITED);
  expectInteger(info.cols, `${path}.cols`, 0, UNLIMITED);
  expectText(info.dtype, `${path}.dtype`);
  expectClassLabels(info.classLabels, `${path}.classLabels`);
  return value as RunDatasetInfo;
}

function expectDatasetSource(value: unknown, path: string): DatasetSource {
  const source = expectObject(value, path, ['kind'], [], 'ignore');
  const kind = expectOneOf(source.kind, `${path}.kind`, ['embedded', 'npy', 'sequences']);
  if (kind === 'npy') {
    expectObject(value, path, ['featuresPath', 'labelsPath'], [], 'ignore');
    expectText(source.featuresPath, `${path}.featuresPath`);
    expectText(source.labelsPath, `${path}.labelsPath`);
  }
  if (kind === 'sequences') {
    expectObject(value, path, ['path'], [], 'ignore');
    expectText(source.path, `${path}.path`);
  }
  return value as DatasetSource;
}
