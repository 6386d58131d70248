import { describe, expect, it } from 'vitest';
import { summarizeRun } from '../../src/shared/runs/summarizeRun';
import { makeRunRecord } from './fixtures/makeRunRecord';

const finished = makeRunRecord();

describe('summarizeRun', () => {
  it('summarizes a finished run', () => {
    expect(summarizeRun(finished)).toEqual({
      id: 'run-1',
      name: 'splice EI vs IE',
      createdAt: '2024-03-05T09:07:30.000Z',
      status: 'finished',
      datasetName: 'splice',
      classLabels: ['EI', 'IE'],
      options: { testSize: 0.25, seed: 0, epochs: 300, learningRate: 0.1 },
      epochsCompleted: 300,
      trainAccuracy: 0.9826,
      testAccuracy: 0.96875,
    });
  });

  it('gives null accuracies without metrics', () => {
    const failed = makeRunRecord({
      status: 'failed',
      failure: { code: 'diverged', message: 'training diverged at epoch 3 of 300' },
      epochsCompleted: 2,
      metrics: null,
      model: null,
      testPredictions: null,
    });
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
