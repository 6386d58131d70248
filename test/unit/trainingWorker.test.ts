import type { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { selectClasses } from '../../src/shared/dataset/selectClasses';
import { createTsxTrainingWorker } from '../../src/main/training/tsxWorker';
import {
  STOP_FLAG_INDEX,
  type DoneMessage,
  type StartTrainingMessage,
  type WorkerMessage,
} from '../../src/main/training/workerProtocol';
import { makeSmallDataset } from './fixtures/smallRunRecord';

let worker: Worker | null = null;

afterEach(async () => {
  await worker?.terminate();
  worker = null;
});

/** Runs one start message through the real worker and collects what it sends back. */
function train(stopFlag: SharedArrayBuffer, epochs: number): Promise<WorkerMessage[]> {
  worker = createTsxTrainingWorker();
  const messages: WorkerMessage[] = [];
  const message: StartTrainingMessage = {
    type: 'start',
    problem: selectClasses(makeSmallDataset(), ['no', 'yes']),
    options: { testSize: 0.25, seed: 0, epochs, learningRate: 0.5 },
    stopFlag,
    progressIntervalMs: 50,
  };
  return new Promise((resolve, reject) => {
    worker!.on('message', (reply: WorkerMessage) => {
      messages.push(reply);
      if (reply.type !== 'progress') resolve(messages);
    });
    worker!.on('error', reject);
    worker!.postMessage(message);
  });
}

describe('trainingWorker', () => {
  it('trains and sends the outcome', async () => {
    const flag = new SharedArrayBuffer(4);
    const messages = await train(flag, 40);
    const done = messages.at(-1) as DoneMessage;

    expect(done.type).toBe('done');
    expect(done.outcome.status).toBe('finished');
    expect(done.outcome.epochsCompleted).toBe(40);
    const tails = messages.flatMap((reply) =>
      reply.type === 'progress' ? reply.trainLossTail : [],
    );
    expect(tails).toEqual(done.outcome.loss.train);
  });

  it('reads the stop flag before an epoch', async () => {
    const flag = new SharedArrayBuffer(4);
    // Set before the worker receives the run: no message could tell it, only the shared flag.
    Atomics.store(new Int32Array(flag), STOP_FLAG_INDEX, 1);
    const messages = await train(flag, 1_000_000);
    const done = messages.at(-1) as DoneMessage;

    expect(done.outcome.status).toBe('cancelled');
    expect(done.outcome.epochsCompleted).toBe(0);
    expect(messages).toHaveLength(1);
  });
});
