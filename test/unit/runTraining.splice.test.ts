import { describe, expect, it } from 'vitest';
import { selectClasses } from '../../src/shared/dataset/selectClasses';
import { runTraining, type TrainingOutcome } from '../../src/shared/training/runTraining';
import { readSeedRunReference } from './fixtures/seedRunReference';
import { readSpliceDataset } from './fixtures/spliceOneHot';

// Reference: test/fixtures/seed-run.json `seedRun`, computed with numpy 1.24 on the same one-hot
// encoding. Tolerances: 1e-10 relative on each epoch's training loss, 1e-10 absolute on weights
// and bias, exact accuracies (1131 of 1151 training rows, 372 of 384 test rows).
const { seedRun: reference, splits } = readSeedRunReference();
const TOLERANCE = 1e-10;

function trainSplice(kind: 'dense' | 'binary'): TrainingOutcome {
  const problem = selectClasses(readSpliceDataset(kind), ['EI', 'IE']);
  return runTraining(problem, {
    testSize: reference.testSize,
    seed: reference.seed,
    epochs: reference.epochs,
    learningRate: reference.learningRate,
  });
}

function expectMatchesReference(outcome: TrainingOutcome): void {
  expect(outcome.status).toBe('finished');
  expect(outcome.epochsCompleted).toBe(reference.epochs);
  expect(outcome.loss.train).toHaveLength(reference.costs.length);
  outcome.loss.train.forEach((cost, epoch) => {
    const relativeError = Math.abs(cost - reference.costs[epoch]) / reference.costs[epoch];
    expect(relativeError, `training loss of epoch ${epoch}`).toBeLessThan(TOLERANCE);
  });

  const weights = outcome.model?.weights ?? [];
  expect(weights).toHaveLength(reference.weights.length);
  weights.forEach((weight, col) => {
    expect(Math.abs(weight - reference.weights[col]), `weight ${col}`).toBeLessThan(TOLERANCE);
  });
  expect(Math.abs((outcome.model?.bias ?? NaN) - reference.bias)).toBeLessThan(TOLERANCE);

  expect(outcome.metrics?.train.accuracy).toBe(reference.trainAccuracy);
  expect(outcome.metrics?.test.accuracy).toBe(reference.testAccuracy);
}

describe('runTraining on the splice data', () => {
  const dense = trainSplice('dense');
  const binary = trainSplice('binary');

  it('keeps EI and IE as the first 1535 rows', () => {
    const problem = selectClasses(readSpliceDataset('binary'), ['EI', 'IE']);
    expect(problem.features.rows).toBe(reference.rows);
    expect(Array.from(problem.sourceRows)).toEqual(Array.from({ length: 1535 }, (_, row) => row));
    expect(problem.targets.filter((target) => target === 0)).toHaveLength(767);
  });

  it('splits as scikit-learn does', () => {
    const split = splits.find((entry) => entry.rows === reference.rows && entry.seed === 0);
    expect(Array.from(dense.trainRows)).toEqual(split?.trainRows);
    expect(Array.from(dense.testRows)).toEqual(split?.testRows);
  });

  it('matches numpy with a dense matrix', () => {
    expectMatchesReference(dense);
  });

  it('matches numpy with a binary matrix', () => {
    expectMatchesReference(binary);
  });

  it('trains dense and binary to the same weights', () => {
    const denseWeights = dense.model?.weights ?? [];
    const binaryWeights = binary.model?.weights ?? [];
    expect(binaryWeights).toHaveLength(denseWeights.length);
    denseWeights.forEach((weight, col) => {
      expect(Math.abs(weight - binaryWeights[col]), `weight ${col}`).toBeLessThan(1e-12);
    });
    expect(Math.abs((dense.model?.bias ?? NaN) - (binary.model?.bias ?? NaN))).toBeLessThan(1e-12);
  });
});
