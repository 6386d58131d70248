import type { ClassificationMetrics, RunRecord } from '../../../src/shared/runs/runRecord';

const METRICS: ClassificationMetrics = {
  rows: 384,
  accuracy: 0.96875,
  precision: 0.97,
  recall: 0.965,
  f1: 0.9675,
  rocAuc: 0.99,
  logLoss: 0.12,
  confusion: { trueNegatives: 186, falsePositives: 6, falseNegatives: 6, truePositives: 186 },
};

/** Builds a finished run on the splice EI/IE problem. `overrides` replace top-level fields. */
export function makeRunRecord(overrides: Partial<RunRecord> = {}): RunRecord {
  return {
    formatVersion: 1,
    id: 'run-1',
    name: 'splice EI vs IE',
    createdAt: '2024-03-05T09:07:30.000Z',
    appVersion: '0.1.0',
    status: 'finished',
    dataset: {
      source: { kind: 'embedded' },
      name: 'splice',
      contentHash: 'abc',
      rows: 3190,
      cols: 240,
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
      testRowsHash: 'def',
    },
    epochsCompleted: 300,
    loss: { train: [0.69, 0.5, 0.4], test: [0.69, 0.52, 0.43] },
    metrics: { train: { ...METRICS, rows: 1151, accuracy: 0.9826 }, test: METRICS },
    model: { featureNames: [], weights: [], bias: 0 },
    testPredictions: { logits: [-2, 3], targets: [0, 1] },
    trainMs: 1234,
    ...overrides,
  };
}
