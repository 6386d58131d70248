import { describe, expect, it } from 'vitest';
import type { BinaryProblem } from '../../src/shared/dataset/dataset';
import type { DenseMatrix, FeatureMatrix } from '../../src/shared/dataset/featureMatrix';
import { InternalError } from '../../src/shared/errors';
import { runTraining, type TrainingHooks } from '../../src/shared/training/runTraining';
import type { TrainingOptions } from '../../src/shared/training/trainingOptions';

const OPTIONS: TrainingOptions = { testSize: 0.25, seed: 0, epochs: 50, learningRate: 0.5 };

/** Twenty rows of two features, x = [cos i, sin 0.7i], class 1 where x0 + 0.5 x1 > 0.1. */
function curveProblem(scale = 1): BinaryProblem {
  const rows = 20;
  const data = new Float64Array(rows * 2);
  const targets = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    data[2 * i] = Math.cos(i) * scale;
    data[2 * i + 1] = Math.sin(0.7 * i) * scale;
    targets[i] = Math.cos(i) + 0.5 * Math.sin(0.7 * i) > 0.1 ? 1 : 0;
  }
  return denseProblem({ kind: 'dense', rows, cols: 2, data }, targets);
}

function denseProblem(features: FeatureMatrix, targets: Float64Array): BinaryProblem {
  return {
    features,
    targets,
    sourceRows: Uint32Array.from(targets.keys()),
    classLabels: ['neg', 'pos'],
  };
}

/** Ten rows of one feature; rows 0 and 5 are class 1. */
function tenRowProblem(): BinaryProblem {
  const targets = new Float64Array(10);
  targets[0] = 1;
  targets[5] = 1;
  const features: DenseMatrix = { kind: 'dense', rows: 10, cols: 1, data: new Float64Array(10) };
  features.data.set(targets);
  return denseProblem(features, targets);
}

describe('runTraining', () => {
  it('records both losses of every epoch', () => {
    const reported: [number, number, number][] = [];
    const hooks: TrainingHooks = { onEpoch: (...args) => reported.push(args) };
    const outcome = runTraining(curveProblem(), OPTIONS, hooks);

    expect(outcome.status).toBe('finished');
    expect(outcome.failure).toBeUndefined();
    expect(outcome.epochsCompleted).toBe(50);
    expect(outcome.loss.train).toHaveLength(50);
    expect(outcome.loss.test).toHaveLength(50);
    expect(reported.map(([epoch]) => epoch)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(reported.map(([, train]) => train)).toEqual(outcome.loss.train);
    expect(reported.map(([, , test]) => test)).toEqual(outcome.loss.test);
    expect(outcome.trainMs).toBeGreaterThanOrEqual(0);
  });

  it('starts from zero weights', () => {
    // Every logit of the zero model is 0, so every row costs ln 2 in both sets.
    const outcome = runTraining(curveProblem(), OPTIONS);
    expect(outcome.loss.train[0]).toBe(Math.LN2);
    expect(outcome.loss.test[0]).toBe(Math.LN2);
    expect(outcome.loss.train[49]).toBeLessThan(outcome.loss.train[0]);
  });

  it('splits the rows with the seed', () => {
    // ceil(0.25 · 20) = 5 test rows.
    const outcome = runTraining(curveProblem(), OPTIONS);
    expect(outcome.testRows).toHaveLength(5);
    expect(outcome.trainRows).toHaveLength(15);
    const all = [...outcome.trainRows, ...outcome.testRows].sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(runTraining(curveProblem(), { ...OPTIONS, seed: 1 }).testRows).not.toEqual(
      outcome.testRows,
    );
  });

  it('reports the final model on the test rows', () => {
    const problem = curveProblem();
    const outcome = runTraining(problem, OPTIONS);
    const { weights, bias } = outcome.model ?? { weights: [], bias: NaN };
    const predictions = outcome.testPredictions ?? { logits: [], targets: [] };

    expect(weights).toHaveLength(2);
    outcome.testRows.forEach((row, i) => {
      const data = (problem.features as DenseMatrix).data;
      const logit = data[2 * row] * weights[0] + data[2 * row + 1] * weights[1] + bias;
      expect(predictions.logits[i]).toBeCloseTo(logit, 14);
      expect(predictions.targets[i]).toBe(problem.targets[row]);
    });
    expect(outcome.metrics?.train.rows).toBe(15);
    expect(outcome.metrics?.test.rows).toBe(5);
  });

  it('trains dense and csr copies alike', () => {
    const problem = curveProblem();
    const dense = problem.features as DenseMatrix;
    const rowStart = Uint32Array.from({ length: 21 }, (_, row) => 2 * row);
    const colIndex = Uint32Array.from({ length: 40 }, (_, k) => k % 2);
    const csr: FeatureMatrix = {
      kind: 'csr',
      rows: 20,
      cols: 2,
      rowStart,
      colIndex,
      values: dense.data,
    };
    // The plain kernels sum in the same order for every layout; the fast engines need not.
    const fromDense = runTraining(problem, OPTIONS, {}, 'plain');
    const fromCsr = runTraining({ ...problem, features: csr }, OPTIONS, {}, 'plain');
    expect(fromCsr.model).toEqual(fromDense.model);
    expect(fromCsr.loss).toEqual(fromDense.loss);
  });

  it('stops when asked', () => {
    let polls = 0;
    const outcome = runTraining(curveProblem(), OPTIONS, { shouldStop: () => ++polls === 3 });
    expect(outcome.status).toBe('cancelled');
    expect(outcome.failure).toEqual({
      code: 'cancelled',
      message: 'training was cancelled after 2 of 50 epochs',
    });
    expect(outcome.epochsCompleted).toBe(2);
    expect(outcome.loss.train).toHaveLength(2);
    expect(outcome.model).not.toBeNull();
    expect(outcome.metrics).not.toBeNull();
  });

  it('has no model when stopped before the first epoch', () => {
    const outcome = runTraining(curveProblem(), OPTIONS, { shouldStop: () => true });
    expect(outcome.status).toBe('cancelled');
    expect(outcome.epochsCompleted).toBe(0);
    expect(outcome.model).toBeNull();
    expect(outcome.metrics).toBeNull();
    expect(outcome.testPredictions).toBeNull();
  });

  it('fails as diverged on huge features', () => {
    // Features near 1e305 at learning rate 1000 push the weights or logits past the double range.
    const outcome = runTraining(curveProblem(1e305), { ...OPTIONS, learningRate: 1000 });
    expect(outcome.status).toBe('failed');
    expect(outcome.failure?.code).toBe('diverged');
    expect(outcome.failure?.message).toMatch(
      /^training diverged at epoch \d+ of 50: .*; try a smaller learning rate than 1000$/,
    );
    expect(outcome.model).toBeNull();
    expect(outcome.loss.train.every(Number.isFinite)).toBe(true);
    expect(outcome.loss.train).toHaveLength(outcome.epochsCompleted);
  });

  it('fails as diverged when the last update overflows', () => {
    // One step at learning rate 1000 on features near 1e305 leaves finite weights whose logits
    // overflow to infinity, so the final model cannot be scored.
    const outcome = runTraining(curveProblem(1e305), { ...OPTIONS, epochs: 1, learningRate: 1000 });
    expect(outcome.status).toBe('failed');
    expect(outcome.failure?.code).toBe('diverged');
    expect(outcome.failure?.message).toMatch(/^training diverged at epoch 1 of 1: /);
    expect(outcome.model).toBeNull();
    expect(outcome.metrics).toBeNull();
    expect(outcome.testPredictions).toBeNull();
  });

  it('fails when the training set contains one class', () => {
    const problem = curveProblem();
    const outcome = runTraining({ ...problem, targets: new Float64Array(20) }, OPTIONS);
    expect(outcome.status).toBe('failed');
    expect(outcome.failure?.code).toBe('single-class');
    expect(outcome.failure?.message).toMatch(
      /^the training set contains only class 'neg' \(15 rows\)/,
    );
    expect(outcome.trainRows).toHaveLength(15);
    expect(outcome.epochsCompleted).toBe(0);
  });

  it('fails when the test set contains one class', () => {
    // numpy's RandomState(0).permutation(10) starts with 2, so one test row is row 2, class 0.
    const outcome = runTraining(tenRowProblem(), { ...OPTIONS, testSize: 1 });
    expect(Array.from(outcome.testRows)).toEqual([2]);
    expect(outcome.status).toBe('failed');
    expect(outcome.failure?.code).toBe('single-class');
    expect(outcome.failure?.message).toMatch(
      /^the test set contains only class 'neg' \(1 row\), .*; choose a larger testSize or another seed$/,
    );
  });

  it('fails on a split that leaves no training rows', () => {
    const outcome = runTraining(tenRowProblem(), { ...OPTIONS, testSize: 10 });
    expect(outcome.status).toBe('failed');
    expect(outcome.failure?.code).toBe('invalid-option');
    expect(outcome.failure?.message).toMatch(/^test size 10 must be/);
    expect(outcome.trainRows).toHaveLength(0);
    expect(outcome.testRows).toHaveLength(0);
  });

  it('fails on invalid options', () => {
    const outcome = runTraining(tenRowProblem(), { ...OPTIONS, epochs: 0 });
    expect(outcome.status).toBe('failed');
    expect(outcome.failure?.code).toBe('invalid-option');
    expect(outcome.failure?.message).toMatch(/^epochs must be/);
  });

  it('throws for a malformed problem', () => {
    const problem = tenRowProblem();
    const short = { ...problem, targets: problem.targets.subarray(0, 9) };
    expect(() => runTraining(short, OPTIONS)).toThrow(InternalError);
    const badTarget = { ...problem, targets: Float64Array.of(2, 0, 0, 0, 0, 1, 0, 0, 0, 0) };
    expect(() => runTraining(badTarget, OPTIONS)).toThrow(InternalError);
  });
});
