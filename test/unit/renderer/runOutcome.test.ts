import { describe, expect, it } from 'vitest';
import { describeRunEnd } from '../../../src/renderer/src/format/runOutcome';
import { makeRunRecord } from '../fixtures/makeRunRecord';

describe('describeRunEnd', () => {
  it('gives test accuracy of finished run', () => {
    // The fixture's test accuracy is 0.96875, 372 of 384 rows.
    expect(describeRunEnd(makeRunRecord())).toBe('Training finished: test accuracy 96.88 %');
  });

  it('counts epochs of cancelled run', () => {
    const run = makeRunRecord({
      status: 'cancelled',
      epochsCompleted: 1234,
      options: { ...makeRunRecord().options, epochs: 200_000 },
    });
    expect(describeRunEnd(run)).toBe('Training cancelled after 1,234 of 200,000 epochs');
  });

  it('gives reason of failed run', () => {
    const run = makeRunRecord({
      status: 'failed',
      failure: { code: 'diverged', message: 'the loss became NaN at epoch 12' },
      metrics: null,
    });
    expect(describeRunEnd(run)).toBe('Training failed: the loss became NaN at epoch 12');
  });

  it('notes failed run without reason', () => {
    const run = makeRunRecord({ status: 'failed', metrics: null });
    expect(describeRunEnd(run)).toBe('Training failed: no reason was recorded');
  });
});
