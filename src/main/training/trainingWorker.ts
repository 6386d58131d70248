/**
 * Entry of the worker_threads worker that trains one run. Main starts one worker per run, sends
 * one `StartTrainingMessage`, and reads progress and the outcome back. Training runs here so that
 * a long run does not block the main process's event loop.
 */
import { parentPort } from 'node:worker_threads';
import { toFailure } from '../../shared/errors';
import { runTraining } from '../../shared/training/runTraining';
import { ProgressBatcher } from './progressBatcher';
import { STOP_FLAG_INDEX, type StartTrainingMessage, type WorkerMessage } from './workerProtocol';

function train(message: StartTrainingMessage, post: (message: WorkerMessage) => void): void {
  const stopFlag = new Int32Array(message.stopFlag);
  const batcher = new ProgressBatcher(post, message.progressIntervalMs);

  try {
    const outcome = runTraining(message.problem, message.options, {
      onEpoch: (_epoch, trainLoss, testLoss) => batcher.record(trainLoss, testLoss),
      shouldStop: () => Atomics.load(stopFlag, STOP_FLAG_INDEX) !== 0,
    });
    batcher.flush();
    post({ type: 'done', outcome });
  } catch (error) {
    batcher.flush();
    post({ type: 'crash', failure: toFailure(error) });
  }
}

const port = parentPort;
if (port === null) throw new Error('trainingWorker must run as a worker_threads worker');

// One run per worker: with no listener left after the run, the worker exits by itself.
port.once('message', (message: StartTrainingMessage) => {
  train(message, (reply) => port.postMessage(reply));
});
