/** The in-process cases: the classic splice task and dense continuous data, timed in JS. */
import type { BinaryProblem } from '../src/shared/dataset/dataset';
import type { DenseMatrix, FeatureMatrix } from '../src/shared/dataset/featureMatrix';
import { createEpochEngine, type EngineChoice } from '../src/shared/model/createEpochEngine';
import { trainTestSplit } from '../src/shared/split/trainTestSplit';
import { runTraining } from '../src/shared/training/runTraining';
import type { TrainingOptions } from '../src/shared/training/trainingOptions';
import { summarizeTimes, type TimeSummary } from './timeSummary';

export interface JsTiming extends TimeSummary {
  /** The engine the choice picked. */
  engine: string;
  /** Building that engine for the split, before the loop that trainMs times. */
  setup: TimeSummary;
  /** trainMs of the first, untimed run in this process, before the warm-up took effect. */
  firstRunMs: number;
  trainAccuracy: number;
  testAccuracy: number;
}

/** Weights and bias of a trained model. */
export interface TrainedModel {
  weights: number[];
  bias: number;
}

/**
 * Times `runTraining` on a problem: `warmUps` untimed runs (at least one), then `repeats` runs
 * whose trainMs (the epoch loop) are summarized, and then `repeats` builds of the engine.
 */
export function timeTraining(
  problem: BinaryProblem,
  options: TrainingOptions,
  choice: EngineChoice,
  warmUps: number,
  repeats: number,
): { timing: JsTiming; model: TrainedModel } {
  let outcome = runTraining(problem, options, {}, choice);
  const firstRunMs = outcome.trainMs;
  for (let run = 1; run < warmUps; run++) outcome = runTraining(problem, options, {}, choice);
  const times: number[] = [];
  for (let run = 0; run < repeats; run++) {
    outcome = runTraining(problem, options, {}, choice);
    times.push(outcome.trainMs);
  }
  if (!outcome.metrics || !outcome.model) {
    throw new Error(`training ended ${outcome.status}: ${outcome.failure?.message}`);
  }
  const timing = {
    ...summarizeTimes(times),
    firstRunMs,
    ...timeEngineSetup(problem, options, choice, repeats),
    trainAccuracy: outcome.metrics.train.accuracy,
    testAccuracy: outcome.metrics.test.accuracy,
  };
  return { timing, model: outcome.model };
}

/** Returns the training rows of the split `runTraining` makes with these options. */
export function trainingRows(problem: BinaryProblem, options: TrainingOptions): Uint32Array {
  return trainTestSplit(problem.features.rows, options.testSize, options.seed).trainRows;
}

/** Returns the features as a dense row-major matrix, for NumPy. */
export function toDenseMatrix(features: FeatureMatrix): DenseMatrix {
  if (features.kind === 'dense') return features;
  const data = new Float64Array(features.rows * features.cols);
  for (let row = 0; row < features.rows; row++) {
    for (let k = features.rowStart[row]; k < features.rowStart[row + 1]; k++) {
      const value = features.kind === 'csr' ? features.values[k] : 1;
      data[row * features.cols + features.colIndex[k]] = value;
    }
  }
  return { kind: 'dense', rows: features.rows, cols: features.cols, data };
}

/** Returns the largest absolute difference between two weight vectors and their biases. */
export function maxWeightDifference(a: TrainedModel, b: TrainedModel): number {
  let largest = Math.abs(a.bias - b.bias);
  a.weights.forEach((weight, col) => {
    largest = Math.max(largest, Math.abs(weight - b.weights[col]));
  });
  return largest;
}

/** Returns the engine `runTraining` builds for the split, and the times of building it. */
function timeEngineSetup(
  problem: BinaryProblem,
  options: TrainingOptions,
  choice: EngineChoice,
  repeats: number,
): { engine: string; setup: TimeSummary } {
  const split = trainTestSplit(problem.features.rows, options.testSize, options.seed);
  const data = { features: problem.features, targets: problem.targets, ...split };
  let engine = '';
  const times: number[] = [];
  for (let run = 0; run < repeats; run++) {
    const started = performance.now();
    const built = createEpochEngine(data, choice);
    times.push(performance.now() - started);
    engine = built.kind;
    built.dispose();
  }
  return { engine, setup: summarizeTimes(times) };
}
