import {
  expectArray,
  expectFiniteNumber,
  expectFiniteNumbers,
  expectInteger,
  expectObject,
  expectOneOf,
  rejectValue,
} from '../../shared/ipc/validatePayload';
import { RUN_FORMAT_VERSION, type RunRecord } from '../../shared/runs/runRecord';
import {
  checkFileContents,
  expectFeatureNames,
  expectRunDatasetInfo,
  expectText,
  expectTrainingOptions,
  expectTrainTestMetrics,
} from '../../shared/runs/weightsExport';

const UNLIMITED = Number.MAX_SAFE_INTEGER;

const RECORD_KEYS = [
  'formatVersion',
  'id',
  'name',
  'createdAt',
  'appVersion',
  'status',
  'dataset',
  'options',
  'split',
  'epochsCompleted',
  'loss',
  'metrics',
  'model',
  'testPredictions',
  'trainMs',
];

/**
 * Checks parsed JSON from a run file and returns it typed. Throws `InputError('invalid-file')`
 * whose message starts with `fileName` and names the first field that is wrong, so the renderer
 * never receives a record it cannot draw. Unknown extra fields are kept.
 */
export function parseRunRecord(json: unknown, fileName: string): RunRecord {
  return checkFileContents(fileName, () => checkRunRecord(json));
}

function checkRunRecord(json: unknown): RunRecord {
  const file = expectObject(json, 'the file', ['formatVersion'], [], 'ignore');
  if (file.formatVersion !== RUN_FORMAT_VERSION) {
    rejectValue(
      'formatVersion',
      `${RUN_FORMAT_VERSION}, the run format this program reads`,
      file.formatVersion,
    );
  }

  const record = expectObject(json, 'the file', RECORD_KEYS, [], 'ignore');
  for (const key of ['id', 'name', 'createdAt', 'appVersion']) expectText(record[key], key);
  const status = expectOneOf(record.status, 'status', [
    'running',
    'finished',
    'cancelled',
    'failed',
  ]);
  if (status !== 'finished' && record.failure !== undefined) checkFailure(record.failure);
  expectRunDatasetInfo(record.dataset, 'dataset');
  expectTrainingOptions(record.options, 'options');
  checkSplit(record.split);
  expectInteger(record.epochsCompleted, 'epochsCompleted', 0, UNLIMITED);
  checkLoss(record.loss);
  if (record.metrics !== null) expectTrainTestMetrics(record.metrics, 'metrics');
  if (record.model !== null) checkModel(record.model);
  if (record.testPredictions !== null) checkTestPredictions(record.testPredictions);
  expectFiniteNumber(record.trainMs, 'trainMs');
  return json as RunRecord;
}

function checkFailure(value: unknown): void {
  const failure = expectObject(value, 'failure', ['code', 'message'], [], 'ignore');
  expectText(failure.code, 'failure.code');
  expectText(failure.message, 'failure.message');
}

function checkSplit(value: unknown): void {
  const keys = ['method', 'seed', 'testSize', 'trainRows', 'testRows', 'testRowsHash'];
  const split = expectObject(value, 'split', keys, [], 'ignore');
  expectOneOf(split.method, 'split.method', ['sklearn-train-test-split']);
  expectFiniteNumber(split.seed, 'split.seed');
  expectFiniteNumber(split.testSize, 'split.testSize');
  expectInteger(split.trainRows, 'split.trainRows', 0, UNLIMITED);
  expectInteger(split.testRows, 'split.testRows', 0, UNLIMITED);
  expectText(split.testRowsHash, 'split.testRowsHash');
}

function checkLoss(value: unknown): void {
  const loss = expectObject(value, 'loss', ['train', 'test'], [], 'ignore');
  checkLossCurve(loss.train, 'loss.train');
  checkLossCurve(loss.test, 'loss.test');
}

/** Loss values may be null, which is how JSON stores the infinity of a diverged run. */
function checkLossCurve(value: unknown, path: string): void {
  const values = expectArray(value, path, UNLIMITED);
  values.forEach((item, index) => {
    if (item !== null) expectFiniteNumber(item, `${path}[${index}]`);
  });
}

function checkModel(value: unknown): void {
  const model = expectObject(value, 'model', ['featureNames', 'weights', 'bias'], [], 'ignore');
  const weights = expectFiniteNumbers(model.weights, 'model.weights', UNLIMITED);
  expectFeatureNames(model.featureNames, 'model.featureNames', weights.length);
  expectFiniteNumber(model.bias, 'model.bias');
}

function checkTestPredictions(value: unknown): void {
  const predictions = expectObject(value, 'testPredictions', ['logits', 'targets'], [], 'ignore');
  const logits = expectFiniteNumbers(predictions.logits, 'testPredictions.logits', UNLIMITED);
  const targets = expectArray(predictions.targets, 'testPredictions.targets', logits.length);
  if (targets.length !== logits.length) {
    rejectValue('testPredictions.targets', `an array of ${logits.length} classes`, targets);
  }
  targets.forEach((target, index) =>
    expectInteger(target, `testPredictions.targets[${index}]`, 0, 1),
  );
}
