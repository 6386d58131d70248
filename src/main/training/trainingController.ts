import type { Worker } from 'node:worker_threads';
import type { BinaryProblem, Dataset } from '../../shared/dataset/dataset';
import type { FeatureMatrix } from '../../shared/dataset/featureMatrix';
import { selectClasses } from '../../shared/dataset/selectClasses';
import { InputError, type Failure } from '../../shared/errors';
import type { TrainRequest, WorkbenchEvent } from '../../shared/ipc/workbenchApi';
import type { RunRecord } from '../../shared/runs/runRecord';
import { trainTestSplit, type TrainTestSplit } from '../../shared/split/trainTestSplit';
import type { TrainingOutcome } from '../../shared/training/runTraining';
import type { TrainingOptions } from '../../shared/training/trainingOptions';
import { validateTrainingOptions } from '../../shared/training/validateTrainingOptions';
import type { Logger } from '../logger';
import { buildRunRecord, type RunRecordInput } from '../runs/buildRunRecord';
import { createRunId } from '../store/runId';
import type { RunStore } from '../store/runStore';
import { STOP_FLAG_INDEX, type StartTrainingMessage, type WorkerMessage } from './workerProtocol';

/** At most 20 progress messages a second: enough for a smooth chart, few enough to stay cheap. */
const PROGRESS_INTERVAL_MS = 50;

export interface TrainingControllerOptions {
  createWorker: () => Worker;
  getDataset: (id: string) => Dataset;
  store: RunStore;
  appVersion: string;
  logger: Logger;
  emit: (event: WorkbenchEvent) => void;
  /** Time a cancelled run may take to stop before its worker is terminated; 10 s when absent. */
  cancelGraceMs?: number;
}

/** The run that is training, with the state main keeps in case its worker dies. */
interface ActiveRun {
  id: string;
  name?: string;
  createdAt: Date;
  startedAt: number;
  dataset: Dataset;
  classes: [string, string];
  options: TrainingOptions;
  split: TrainTestSplit;
  worker: Worker;
  stopFlag: Int32Array;
  loss: { train: number[]; test: number[] };
  epochsCompleted: number;
  cancelRequested: boolean;
  cancelTimer?: ReturnType<typeof setTimeout>;
  workerError?: Error;
  ended: boolean;
  stored: Promise<void>;
  markStored: () => void;
}

/**
 * Trains one run at a time in a worker_threads worker, one worker per run, and stores every run
 * when it ends, finished, cancelled or failed. A worker that dies ends its run as failed; the
 * next run starts a new worker.
 */
export class TrainingController {
  private active: ActiveRun | null = null;
  private readonly cancelGraceMs: number;

  constructor(private readonly options: TrainingControllerOptions) {
    this.cancelGraceMs = options.cancelGraceMs ?? 10_000;
  }

  /**
   * Starts a run and returns its id at once; progress and the stored run arrive as events.
   * Throws `InputError`: 'busy' while a run trains, 'not-found' for an unknown data set,
   * 'unknown-class' and 'invalid-option' for classes and options training cannot use.
   */
  start(request: TrainRequest): { runId: string } {
    if (this.active !== null) {
      throw new InputError(
        'busy',
        `run ${this.active.id} is still training; cancel it or wait for it to end`,
      );
    }
    const dataset = this.options.getDataset(request.datasetId);
    const options = validateTrainingOptions(request.options);
    const problem = selectClasses(dataset, request.classes);
    const rows = problem.targets.length;
    // Splitting here too rejects a test size the rows cannot meet before any worker starts.
    const split = trainTestSplit(rows, options.testSize, options.seed);

    const createdAt = new Date();
    const worker = this.options.createWorker();
    const stopFlag = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
    const run = this.createActiveRun(request, {
      createdAt,
      dataset,
      options,
      split,
      worker,
      stopFlag,
    });
    this.launch(run, problem);
    this.active = run;
    this.options.logger.info(`run ${run.id} started: ${rows} rows, ${options.epochs} epochs`);
    return { runId: run.id };
  }

  /** Asks the run to stop after its current epoch; does nothing for a run that is not training. */
  cancel(runId: string): void {
    const run = this.active;
    if (run === null || run.id !== runId) {
      this.options.logger.debug(`cancel of run ${runId} ignored: it is not training`);
      return;
    }
    this.requestStop(run, this.cancelGraceMs);
  }

  /** Stops a training run, as cancelled, and waits until it is stored; used before quitting. */
  async dispose(graceMs = 3_000): Promise<void> {
    const run = this.active;
    if (run === null) return;
    this.requestStop(run, graceMs);
    await run.stored;
  }

  private createActiveRun(
    request: TrainRequest,
    parts: Pick<ActiveRun, 'createdAt' | 'dataset' | 'options' | 'split' | 'worker' | 'stopFlag'>,
  ): ActiveRun {
    let markStored = () => {};
    const stored = new Promise<void>((resolve) => (markStored = resolve));
    return {
      ...parts,
      id: createRunId(parts.createdAt),
      name: request.name,
      startedAt: performance.now(),
      classes: request.classes,
      loss: { train: [], test: [] },
      epochsCompleted: 0,
      cancelRequested: false,
      ended: false,
      stored,
      markStored,
    };
  }

  /** Sends the run to its worker; the problem's buffers move there and are empty here after. */
  private launch(run: ActiveRun, problem: BinaryProblem): void {
    this.watchWorker(run);
    const message: StartTrainingMessage = {
      type: 'start',
      problem,
      options: run.options,
      stopFlag: run.stopFlag.buffer as SharedArrayBuffer,
      progressIntervalMs: PROGRESS_INTERVAL_MS,
    };

    try {
      run.worker.postMessage(message, transferableBuffers(problem, run.dataset));
    } catch (error) {
      // The run never started, so nothing is stored for it.
      run.ended = true;
      void run.worker.terminate();
      throw error;
    }
  }

  private watchWorker(run: ActiveRun): void {
    run.worker.on('message', (message: WorkerMessage) => this.handleMessage(run, message));
    run.worker.on('error', (error) => {
      run.workerError = error;
      this.options.logger.error(`training worker of run ${run.id} failed`, error);
    });
    run.worker.on('exit', (exitCode) => this.handleExit(run, exitCode));
  }

  private handleMessage(run: ActiveRun, message: WorkerMessage): void {
    if (message.type === 'progress') {
      this.recordProgress(run, message.epoch, message.trainLossTail, message.testLossTail);
    } else if (message.type === 'done') {
      void this.endRun(run, message.outcome);
    } else {
      this.options.logger.error(`training of run ${run.id} threw: ${message.failure.message}`);
      void this.endRun(run, outcomeWithoutWorker(run, 'failed', message.failure));
    }
  }

  private recordProgress(run: ActiveRun, epoch: number, trainTail: number[], testTail: number[]) {
    // A loop rather than push(...tail): a tail can hold tens of thousands of values.
    for (const value of trainTail) run.loss.train.push(value);
    for (const value of testTail) run.loss.test.push(value);
    run.epochsCompleted = epoch;

    const progress = {
      runId: run.id,
      epoch,
      epochs: run.options.epochs,
      trainLoss: trainTail[trainTail.length - 1],
      testLoss: testTail[testTail.length - 1],
      trainLossTail: trainTail,
      testLossTail: testTail,
    };
    this.options.emit({ type: 'training-progress', progress });
  }

  /** Ends a run whose worker exited before it sent an outcome: killed, crashed or out of memory. */
  private handleExit(run: ActiveRun, exitCode: number): void {
    if (run.ended) return;
    if (run.cancelRequested) {
      void this.endRun(run, outcomeWithoutWorker(run, 'cancelled'));
      return;
    }
    const reason = run.workerError?.message ?? `it exited with code ${exitCode}`;
    const failure: Failure = {
      code: 'internal',
      message: `the training worker stopped unexpectedly (${reason}); the run did not finish`,
    };
    void this.endRun(run, outcomeWithoutWorker(run, 'failed', failure));
  }

  private requestStop(run: ActiveRun, graceMs: number): void {
    if (run.ended) return;
    run.cancelRequested = true;
    Atomics.store(run.stopFlag, STOP_FLAG_INDEX, 1);

    clearTimeout(run.cancelTimer);
    run.cancelTimer = setTimeout(() => {
      this.options.logger.warn(
        `run ${run.id} did not stop within ${graceMs} ms; terminating its worker`,
      );
      void run.worker.terminate();
    }, graceMs);
  }

  /**
   * Stores the run, frees the slot for the next run, and emits the finished event. A run that
   * could not be stored is still emitted, with the reason as `saveError`, so the window shows its
   * result and reports that it was not stored.
   */
  private async endRun(run: ActiveRun, outcome: TrainingOutcome): Promise<void> {
    if (run.ended) return;
    run.ended = true;
    clearTimeout(run.cancelTimer);
    void run.worker.terminate();

    const record = this.buildRecord(run, outcome);
    const saveError = record === null ? undefined : await this.saveRecord(record);
    this.active = null;
    run.markStored();
    if (record === null) return;

    this.options.logger.info(
      `run ${run.id} ${record.status} after ${record.epochsCompleted} epochs`,
    );
    const saved = saveError === undefined ? {} : { saveError };
    this.options.emit({ type: 'training-finished', run: record, ...saved });
  }

  /**
   * Builds the record of the run. Should that throw, which would be a bug, the run is recorded as
   * failed with the error, so the window still hears that it ended.
   */
  private buildRecord(run: ActiveRun, outcome: TrainingOutcome): RunRecord | null {
    try {
      return buildRunRecord(this.recordInput(run, outcome));
    } catch (error) {
      this.options.logger.error(`could not build the record of run ${run.id}`, error);
      const failure = { code: 'internal' as const, message: `could not record the run: ${error}` };
      try {
        return buildRunRecord(this.recordInput(run, outcomeWithoutWorker(run, 'failed', failure)));
      } catch (secondError) {
        this.options.logger.error(`could not record run ${run.id} as failed`, secondError);
        return null;
      }
    }
  }

  private recordInput(run: ActiveRun, outcome: TrainingOutcome): RunRecordInput {
    return {
      id: run.id,
      name: run.name,
      createdAt: run.createdAt,
      appVersion: this.options.appVersion,
      dataset: run.dataset,
      classes: run.classes,
      options: run.options,
      outcome,
    };
  }

  /** Writes the record; returns why it could not be written, or undefined when it was. */
  private async saveRecord(record: RunRecord): Promise<string | undefined> {
    try {
      await this.options.store.save(record);
      return undefined;
    } catch (error) {
      this.options.logger.error(`could not store run ${record.id}`, error);
      return error instanceof Error ? error.message : String(error);
    }
  }
}

/** The outcome main can state itself when the worker cannot send one. */
function outcomeWithoutWorker(
  run: ActiveRun,
  status: 'cancelled' | 'failed',
  failure?: Failure,
): TrainingOutcome {
  return {
    status,
    failure,
    trainRows: run.split.trainRows,
    testRows: run.split.testRows,
    epochsCompleted: run.epochsCompleted,
    loss: run.loss,
    metrics: null,
    model: null,
    testPredictions: null,
    // NOTE: wall time since the start, which includes the worker's start-up; the time in the
    // training loop alone is known only to the worker.
    trainMs: performance.now() - run.startedAt,
  };
}

/**
 * Buffers of the problem to move to the worker rather than copy. A buffer that the data set also
 * uses is left out, so it is copied: moving it would empty the loaded data set in main.
 */
function transferableBuffers(problem: BinaryProblem, dataset: Dataset): ArrayBuffer[] {
  const kept = new Set<ArrayBufferLike>(
    matrixArrays(dataset.features).map((array) => array.buffer),
  );
  kept.add(dataset.labelCodes.buffer);

  const arrays = [problem.targets, problem.sourceRows, ...matrixArrays(problem.features)];
  const buffers = new Set<ArrayBuffer>();
  for (const { buffer } of arrays) {
    if (buffer instanceof ArrayBuffer && !kept.has(buffer)) buffers.add(buffer);
  }
  return [...buffers];
}

function matrixArrays(matrix: FeatureMatrix): (Float64Array | Uint32Array)[] {
  if (matrix.kind === 'dense') return [matrix.data];
  if (matrix.kind === 'binary') return [matrix.rowStart, matrix.colIndex];
  return [matrix.rowStart, matrix.colIndex, matrix.values];
}
