import type { BinaryProblem } from '../dataset/dataset';
import { InputError, InternalError, toFailure, type Failure } from '../errors';
import { createEpochEngine, type EngineChoice } from '../model/createEpochEngine';
import { selectTargets, type EpochEngine, type SplitData } from '../model/epochEngine';
import {
  applyGradient,
  createZeroModel,
  isModelFinite,
  type LogisticModel,
} from '../model/logisticRegression';
import { computeClassificationMetrics } from '../model/metrics';
import type { ClassificationMetrics } from '../runs/runRecord';
import { trainTestSplit } from '../split/trainTestSplit';
import type { TrainingOptions } from './trainingOptions';
import { validateTrainingOptions } from './validateTrainingOptions';

export interface TrainingHooks {
  /**
   * Called after each epoch's update with the epoch's number (1 for the first) and the training
   * and test losses computed before that update.
   */
  onEpoch?(epoch: number, trainLoss: number, testLoss: number): void;
  /** Polled before every epoch; returning true ends the run as 'cancelled'. */
  shouldStop?(): boolean;
}

export interface TrainingOutcome {
  status: 'finished' | 'cancelled' | 'failed';
  /** Reason the run failed or stopped early; absent for a finished run. */
  failure?: Failure;
  /** Indices into the problem's rows, in split order; empty when the split itself failed. */
  trainRows: Uint32Array;
  testRows: Uint32Array;
  epochsCompleted: number;
  /** Mean log-loss of each completed epoch, computed before that epoch's update. */
  loss: { train: number[]; test: number[] };
  /** Metrics of the final model; null for a failed run or one cancelled before any update. */
  metrics: { train: ClassificationMetrics; test: ClassificationMetrics } | null;
  model: { weights: number[]; bias: number } | null;
  /** Logit and class of every test row in split order, from the final model; null when `metrics` is null. */
  testPredictions: { logits: number[]; targets: number[] } | null;
  /** Milliseconds spent in the epoch loop alone. */
  trainMs: number;
}

/** Classes (0 or 1) of one side of the split, in split order. */
interface LabelledSet {
  name: 'training' | 'test';
  targets: Float64Array;
}

interface EpochLoopResult {
  status: TrainingOutcome['status'];
  failure?: Failure;
  model: LogisticModel;
  epochsCompleted: number;
  loss: { train: number[]; test: number[] };
  trainMs: number;
}

/**
 * Trains binary logistic regression by full-batch gradient descent from zero weights and bias.
 * The rows are split as scikit-learn's `train_test_split(test_size, random_state=seed)` splits
 * them. Each epoch computes the training and test losses of the current model, then takes one
 * step of `learningRate` against the gradient of the mean training log-loss.
 *
 * Expected failures come back as data: an invalid option or split ('invalid-option'), a side of
 * the split containing one class ('single-class'), weights or losses that stop being finite
 * ('diverged'), and `hooks.shouldStop` ('cancelled'). Throws `InternalError` for a malformed
 * problem.
 *
 * With `engine` 'fastest', the structure of the features chooses the epoch kernels (see
 * `createEpochEngine`); 'plain' forces the reference kernels. Both give the same results up to
 * the order of floating-point sums.
 */
export function runTraining(
  problem: BinaryProblem,
  options: TrainingOptions,
  hooks: TrainingHooks = {},
  engine: EngineChoice = 'fastest',
): TrainingOutcome {
  checkProblem(problem);
  let validOptions: TrainingOptions;
  let split: { trainRows: Uint32Array; testRows: Uint32Array };
  try {
    validOptions = validateTrainingOptions(options);
    split = trainTestSplit(problem.features.rows, validOptions.testSize, validOptions.seed);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return failedOutcome(toFailure(error), new Uint32Array(0), new Uint32Array(0));
  }

  const train = selectSet('training', problem, split.trainRows);
  const test = selectSet('test', problem, split.testRows);
  const singleClass = findSingleClassSet(problem, train) ?? findSingleClassSet(problem, test);
  if (singleClass) return failedOutcome(singleClass, split.trainRows, split.testRows);

  // trainMs times the epoch loop alone. Building the engine lays out the rows (the plain engine
  // copies them), which is data preparation, like the split.
  const splitData: SplitData = { features: problem.features, targets: problem.targets, ...split };
  const epochEngine = createEpochEngine(splitData, engine);
  const started = performance.now();
  try {
    const result = runEpochs(epochEngine, splitData, validOptions, hooks, started);
    return toOutcome(result, epochEngine, train, test, split, validOptions);
  } finally {
    epochEngine.dispose();
  }
}

/**
 * Runs the epoch loop. Epoch i records the losses of the model before its update, then updates it:
 * logits = X·w + b, dw = Xᵀ(sigmoid(logits) - y) / n, db = mean(sigmoid(logits) - y),
 * w -= learningRate·dw, b -= learningRate·db. The engine computes the losses and the sums.
 */
function runEpochs(
  engine: EpochEngine,
  split: SplitData,
  options: TrainingOptions,
  hooks: TrainingHooks,
  started: number,
): EpochLoopResult {
  const model = createZeroModel(split.features.cols);
  const gradientSums = new Float64Array(split.features.cols);
  const trainRows = split.trainRows.length;
  const loss = { train: [] as number[], test: [] as number[] };

  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    if (hooks.shouldStop?.()) {
      return endLoop('cancelled', cancelledFailure(epoch - 1, options), model, loss, started);
    }

    const { trainLoss, testLoss, residualSum } = engine.evaluate(model, gradientSums);

    applyGradient(model, gradientSums, residualSum, trainRows, options.learningRate);

    if (!isModelFinite(model) || !Number.isFinite(trainLoss) || !Number.isFinite(testLoss)) {
      return endLoop('failed', divergedFailure(epoch, options), model, loss, started);
    }
    loss.train.push(trainLoss);
    loss.test.push(testLoss);
    hooks.onEpoch?.(epoch, trainLoss, testLoss);
  }
  return endLoop('finished', undefined, model, loss, started);
}

function endLoop(
  status: EpochLoopResult['status'],
  failure: Failure | undefined,
  model: LogisticModel,
  loss: EpochLoopResult['loss'],
  started: number,
): EpochLoopResult {
  const trainMs = performance.now() - started;
  const result: EpochLoopResult = {
    status,
    model,
    epochsCompleted: loss.train.length,
    loss,
    trainMs,
  };
  if (failure) result.failure = failure;
  return result;
}

/** Builds the outcome, with metrics of the final model unless the run failed or never updated. */
function toOutcome(
  result: EpochLoopResult,
  engine: EpochEngine,
  train: LabelledSet,
  test: LabelledSet,
  split: { trainRows: Uint32Array; testRows: Uint32Array },
  options: TrainingOptions,
): TrainingOutcome {
  const hasModel = result.status !== 'failed' && result.epochsCompleted > 0;
  const outcome: TrainingOutcome = {
    status: result.status,
    trainRows: split.trainRows,
    testRows: split.testRows,
    epochsCompleted: result.epochsCompleted,
    loss: result.loss,
    metrics: null,
    model: null,
    testPredictions: null,
    trainMs: result.trainMs,
  };
  if (result.failure) outcome.failure = result.failure;
  if (!hasModel) return outcome;

  const evaluation = evaluateModel(result.model, engine, train, test);
  if (evaluation !== null) return Object.assign(outcome, evaluation);
  // The last update can overflow the logits although its weights are finite. Such a model has
  // no metrics to report, so the run failed as diverged at that update.
  return {
    ...outcome,
    status: 'failed',
    failure: divergedFailure(result.epochsCompleted, options),
  };
}

function evaluateModel(
  model: LogisticModel,
  engine: EpochEngine,
  train: LabelledSet,
  test: LabelledSet,
): Pick<TrainingOutcome, 'metrics' | 'model' | 'testPredictions'> | null {
  const trainLogits = new Float64Array(train.targets.length);
  const testLogits = new Float64Array(test.targets.length);
  engine.computeLogits(model, trainLogits, testLogits);
  if (!trainLogits.every(Number.isFinite) || !testLogits.every(Number.isFinite)) return null;

  return {
    metrics: {
      train: computeClassificationMetrics(trainLogits, train.targets),
      test: computeClassificationMetrics(testLogits, test.targets),
    },
    model: { weights: Array.from(model.weights), bias: model.bias },
    testPredictions: { logits: Array.from(testLogits), targets: Array.from(test.targets) },
  };
}

function failedOutcome(
  failure: Failure,
  trainRows: Uint32Array,
  testRows: Uint32Array,
): TrainingOutcome {
  return {
    status: 'failed',
    failure,
    trainRows,
    testRows,
    epochsCompleted: 0,
    loss: { train: [], test: [] },
    metrics: null,
    model: null,
    testPredictions: null,
    trainMs: 0,
  };
}

function selectSet(
  name: LabelledSet['name'],
  problem: BinaryProblem,
  rows: Uint32Array,
): LabelledSet {
  return { name, targets: selectTargets(problem.targets, rows) };
}

/** Returns a 'single-class' failure when every row of the set has the same class. */
function findSingleClassSet(problem: BinaryProblem, set: LabelledSet): Failure | null {
  const first = set.targets[0];
  if (set.targets.some((target) => target !== first)) return null;

  const label = problem.classLabels[first];
  const advice =
    set.name === 'test'
      ? 'choose a larger testSize or another seed'
      : 'choose another seed or testSize, or two classes that both have rows';
  return {
    code: 'single-class',
    message:
      `the ${set.name} set contains only class '${label}' (${countRows(set.targets.length)}), so ` +
      `training needs both classes '${problem.classLabels[0]}' and '${problem.classLabels[1]}' ` +
      `on each side of the split; ${advice}`,
  };
}

function countRows(count: number): string {
  return count === 1 ? '1 row' : `${count} rows`;
}

function divergedFailure(epoch: number, options: TrainingOptions): Failure {
  return {
    code: 'diverged',
    message:
      `training diverged at epoch ${epoch} of ${options.epochs}: the weights or the loss are no ` +
      `longer finite; try a smaller learning rate than ${options.learningRate}`,
  };
}

function cancelledFailure(epochsCompleted: number, options: TrainingOptions): Failure {
  return {
    code: 'cancelled',
    message: `training was cancelled after ${epochsCompleted} of ${options.epochs} epochs`,
  };
}

function checkProblem(problem: BinaryProblem): void {
  const { features, targets } = problem;
  if (targets.length !== features.rows) {
    throw new InternalError(
      `a binary problem has ${features.rows} feature rows but ${targets.length} targets`,
    );
  }
  if (targets.some((target) => target !== 0 && target !== 1)) {
    throw new InternalError('a binary problem has a target other than 0 or 1');
  }
}
