/** Messages between the main process and the training worker. */
import type { BinaryProblem } from '../../shared/dataset/dataset';
import type { Failure } from '../../shared/errors';
import type { TrainingOutcome } from '../../shared/training/runTraining';
import type { TrainingOptions } from '../../shared/training/trainingOptions';

/** Starts one run. The problem's typed arrays arrive transferred, not copied. */
export interface StartTrainingMessage {
  type: 'start';
  problem: BinaryProblem;
  options: TrainingOptions;
  /**
   * One Int32 that main sets to 1 to cancel. The training loop is synchronous, so the worker
   * cannot receive a message until it ends; a shared flag is read between epochs instead.
   */
  stopFlag: SharedArrayBuffer;
  /** Shortest time between two progress messages, in milliseconds. */
  progressIntervalMs: number;
}

/** Losses of the epochs completed since the previous progress message. */
export interface ProgressMessage {
  type: 'progress';
  /** Epochs completed so far. */
  epoch: number;
  trainLossTail: number[];
  testLossTail: number[];
}

export interface DoneMessage {
  type: 'done';
  outcome: TrainingOutcome;
}

/** An exception thrown by the training code, which is a bug. */
export interface CrashMessage {
  type: 'crash';
  failure: Failure;
}

export type WorkerMessage = ProgressMessage | DoneMessage | CrashMessage;

/** Index of the cancel flag in the Int32Array over `stopFlag`. */
export const STOP_FLAG_INDEX = 0;
