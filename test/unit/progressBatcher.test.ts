import { describe, expect, it } from 'vitest';
import { ProgressBatcher } from '../../src/main/training/progressBatcher';
import type { ProgressMessage } from '../../src/main/training/workerProtocol';

/** Creates a batcher on a clock that the test moves by hand. */
function createBatcher(intervalMs: number) {
  const sent: ProgressMessage[] = [];
  const clock = { now: 0 };
  const batcher = new ProgressBatcher(
    (message) => sent.push(message),
    intervalMs,
    () => clock.now,
  );
  return { batcher, sent, clock };
}

describe('ProgressBatcher', () => {
  it('sends the first epoch at once', () => {
    const { batcher, sent } = createBatcher(50);
    batcher.record(0.7, 0.71);
    expect(sent).toEqual([
      { type: 'progress', epoch: 1, trainLossTail: [0.7], testLossTail: [0.71] },
    ]);
  });

  it('batches epochs within the interval', () => {
    const { batcher, sent, clock } = createBatcher(50);
    batcher.record(0.7, 0.71);
    const later = [2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
    for (const epoch of later) {
      clock.now += 5;
      batcher.record(1 / epoch, 2 / epoch);
      // Epochs 2 to 10 end within 45 ms of the first message; epoch 11 ends 50 ms after it.
      expect(sent).toHaveLength(epoch < 11 ? 1 : 2);
    }
    expect(sent[1].epoch).toBe(11);
    expect(sent[1].trainLossTail).toEqual(later.map((epoch) => 1 / epoch));
    expect(sent[1].testLossTail).toEqual(later.map((epoch) => 2 / epoch));
  });

  it('sends at most one message per interval', () => {
    const { batcher, sent, clock } = createBatcher(50);
    // 100 000 epochs of 0.01 ms each: 1 s of training, so at most 20 messages and the first.
    for (let epoch = 1; epoch <= 100_000; epoch++) {
      clock.now += 0.01;
      batcher.record(epoch, epoch);
    }
    batcher.flush();
    expect(sent.length).toBeLessThanOrEqual(22);
    expect(sent.flatMap((message) => message.trainLossTail)).toHaveLength(100_000);
    expect(sent.at(-1)?.epoch).toBe(100_000);
  });

  it('flushes the rest once', () => {
    const { batcher, sent, clock } = createBatcher(50);
    batcher.record(0.7, 0.7);
    clock.now += 1;
    batcher.record(0.6, 0.6);
    batcher.flush();
    batcher.flush();
    expect(sent.map((message) => message.epoch)).toEqual([1, 2]);
  });
});
