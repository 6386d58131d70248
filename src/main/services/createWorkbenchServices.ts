/**
 * The main process's services behind `WorkbenchApi`, free of Electron so that they run under
 * plain Node: the app wires them to IPC, the browser test harness to HTTP.
 */
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { InputError, toFailure, type Result } from '../../shared/errors';
import type { DatasetFileKind, RunListing, WorkbenchEvent } from '../../shared/ipc/workbenchApi';
import { createLogger, type Logger } from '../logger';
import { RunStore } from '../store/runStore';
import { TrainingController } from '../training/trainingController';
import { DatasetRegistry } from './datasetRegistry';
import type { DialogPort } from './dialogPort';
import { exportRunWeights } from './exportWeights';
import { parseInvokeCall, type InvokeCall } from './invokeCall';

export type { DialogPort } from './dialogPort';

export interface WorkbenchServicesOptions {
  /** Folder for the app's files; runs go to its `runs` subfolder. */
  userDataDir: string;
  /** Folder that contains `splice.data`, the embedded data set. */
  resourcesDir: string;
  /** Version written into every run. */
  appVersion: string;
  dialogs: DialogPort;
  /** Starts a training worker; called once per run. */
  createWorker: () => Worker;
  logger?: Logger;
}

export interface WorkbenchServices {
  /**
   * Checks a call from the renderer and runs it. Never rejects: an unknown method or a bad
   * argument resolves to a `Result` failure with code 'invalid-payload', and an unexpected
   * error to one with code 'internal'.
   */
  invoke(method: string, args: unknown): Promise<unknown>;
  /** Adds a listener for every event; returns the function that removes it. */
  onEvent(listener: (event: WorkbenchEvent) => void): () => void;
  /** Stops a training run, storing it as cancelled, and drops the listeners. */
  dispose(): Promise<void>;
}

interface ServiceParts {
  datasets: DatasetRegistry;
  store: RunStore;
  training: TrainingController;
  dialogs: DialogPort;
  logger: Logger;
}

export function createWorkbenchServices(options: WorkbenchServicesOptions): WorkbenchServices {
  const logger = options.logger ?? createLogger({ component: 'services' });
  const listeners = new Set<(event: WorkbenchEvent) => void>();
  const emit = (event: WorkbenchEvent) => {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (error) {
        logger.error(`a listener of ${event.type} events threw`, error);
      }
    }
  };

  const datasets = new DatasetRegistry(options.resourcesDir, logger.child('datasets'));
  const store = new RunStore(join(options.userDataDir, 'runs'), logger.child('runs'));
  const training = new TrainingController({
    createWorker: options.createWorker,
    getDataset: (id) => datasets.get(id),
    store,
    appVersion: options.appVersion,
    logger: logger.child('training'),
    emit,
  });
  const parts: ServiceParts = { datasets, store, training, dialogs: options.dialogs, logger };

  return {
    invoke: (method, args) => invoke(parts, method, args),
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async dispose() {
      await training.dispose();
      listeners.clear();
    },
  };
}

async function invoke(parts: ServiceParts, method: unknown, args: unknown): Promise<unknown> {
  let call: InvokeCall;
  try {
    call = parseInvokeCall(method, args);
  } catch (error) {
    const failure = toFailure(error);
    parts.logger.warn(`rejected an invoke call: ${failure.message}`);
    return { ok: false, error: failure };
  }

  try {
    return await dispatch(parts, call);
  } catch (error) {
    parts.logger.error(`${call.method} failed`, error);
    return { ok: false, error: toFailure(error) };
  }
}

function dispatch(parts: ServiceParts, call: InvokeCall): Promise<unknown> | unknown {
  const { datasets, store, training, dialogs, logger } = parts;
  const result = <T>(work: () => Promise<T> | T) => asResult(work, call.method, logger);

  switch (call.method) {
    case 'datasets.open':
      return result(() => datasets.open(call.request));
    case 'datasets.chooseFiles':
      return chooseFiles(parts, call.kind);
    case 'training.start':
      return result(() => training.start(call.request));
    case 'training.cancel':
      return training.cancel(call.runId);
    case 'runs.list':
      return listRuns(parts);
    case 'runs.get':
      return result(() => store.get(call.runId));
    case 'runs.rename':
      return result(() => store.rename(call.runId, call.name));
    case 'runs.remove':
      return result(() => store.remove(call.runId));
    case 'export.exportWeights':
      return result(() => exportRunWeights(store, dialogs, call.runId));
  }
}

/** Shows the open dialog; a dialog that fails is logged and reads as cancelled. */
async function chooseFiles(parts: ServiceParts, kind: DatasetFileKind): Promise<string[] | null> {
  try {
    return await parts.dialogs.showOpen(kind);
  } catch (error) {
    parts.logger.error('the open dialog failed', error);
    return null;
  }
}

/** Lists the runs; a runs folder that cannot be read gives no runs and one warning saying why. */
async function listRuns(parts: ServiceParts): Promise<RunListing> {
  try {
    return await parts.store.list();
  } catch (error) {
    parts.logger.error('could not list the runs', error);
    return { runs: [], warnings: [`could not list the runs: ${toFailure(error).message}`] };
  }
}

/** Runs a service call and returns its value or its failure as a `Result`. */
async function asResult<T>(
  work: () => Promise<T> | T,
  method: string,
  logger: Logger,
): Promise<Result<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    if (error instanceof InputError) logger.info(`${method} failed: ${error.message}`);
    else logger.error(`${method} failed`, error);
    return { ok: false, error: toFailure(error) };
  }
}
