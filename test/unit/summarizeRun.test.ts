import { describe, expect, it } from 'vitest';
import type { ClassificationMetrics, RunRecord } from '../../src/shared/runs/runRecord';
import { summarizeRun } from '../../src/shared/runs/summarizeRun';

function metricsWithAccuracy(accuracy: number): ClassificationMetrics {
  return {
    rows: 4,
    accuracy,
    precision: 1,
    recall: 1,
    f1: 1,
    rocAuc: 1,
    logLoss: 0.1,
    confusion: { trueNegatives: 2, falsePositives: 0, falseNegatives: 0, truePositives: 2 },
  };
}

const finished: RunRecord = {
  formatVersion: 1,
  id: 'run-1',
  name: 'EI vs IE',
  createdAt: '2024-05-01T10:00:00.000Z',
  appVersion: '0.1.0',
  status: 'finished',
  dataset: {
    source: { kind: 'embedded' },
    name: 'splice.data',
    contentHash: 'ab'.repeat(32),
    rows: 3190,
    cols: 480,
    dtype: 'uint8',
    classLabels: ['EI', 'IE'],
  },
  options: { testSize: 0.25, seed: 0, epochs: 300, learningRate: 0.1 },
  split: {
    method: 'sklearn-train-test-split',
    seed: 0,
    testSize: 0.25,
    trainRows: 1151,
    testRows: 384,
    testRowsHash: 'cd'.repeat(32),
  },
  epochsCompleted: 300,
  loss: { train: [0.69], test: [0.69] },
  metrics: { train: metricsWithAccuracy(0.98), test: metricsWithAccuracy(0.96) },
  model: { featureNames: ['x'], weights: [0.5], bias: 0 },
  testPredictions: { logits: [1], targets: [1] },
  trainMs: 120,
};

describe('summarizeRun', () => {
  it('summarizes a finished run', () => {
    expect(summarizeRun(finished)).toEqual({
      id: 'run-1',
      name: 'EI vs IE',
      createdAt: '2024-05-01T10:00:00.000Z',
      status: 'finished',
      datasetName: 'splice.data',
      classLabels: ['EI', 'IE'],
      options: { testSize: 0.25, seed: 0, epochs: 300, learningRate: 0.1 },
      epochsCompleted: 300,
      trainAccuracy: 0.98,
      testAccuracy: 0.96,
    });
  });

  it('gives null accuracies without metrics', () => {
    const failed: RunRecord = {
      ...finished,
      status: 'failed',
      failure: { code: 'diverged', message: 'training diverged at epoch 3 of 300' },
      epochsCompleted: 2,
      metrics: null,
      model: null,
      testPredictions: null,
    };
    const summary = summarizeRun(failed);
    expect(summary.status).toBe('failed');
    expect(summary.epochsCompleted).toBe(2);
    expect(summary.trainAccuracy).toBeNull();
    expect(summary.testAccuracy).toBeNull();
  });

  it('copies the options', () => {
    const summary = summarizeRun(finished);
    summary.options.epochs = 1;
    expect(finished.options.epochs).toBe(300);
  });
});
