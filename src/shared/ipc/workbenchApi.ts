/**
 * The API between the renderer and the main process: one interface per service. Main implements
 * each one, the preload exposes a thin proxy as `window.workbench`, and every method returns a
 * promise. Expected failures come back as `Result` data, never as exceptions across IPC.
 */
import type { DatasetSummary } from '../dataset/dataset';
import type { Result } from '../errors';
import type { RunRecord, RunSummary } from '../runs/runRecord';
import type { TrainingOptions } from '../training/trainingOptions';

export type OpenDatasetRequest =
  | { kind: 'embedded' }
  | { kind: 'npy'; featuresPath: string; labelsPath: string }
  | { kind: 'sequences'; path: string };

/** Kind of file the open dialog offers. */
export type DatasetFileKind = 'npy-pair' | 'sequences';

export interface DatasetService {
  /** Loads a data set and keeps it in main under the returned summary's id. */
  open(request: OpenDatasetRequest): Promise<Result<DatasetSummary>>;
  /** Shows the native open dialog; resolves to the chosen paths, or null when cancelled. */
  chooseFiles(kind: DatasetFileKind): Promise<string[] | null>;
}

export interface TrainRequest {
  datasetId: string;
  /** Labels of the two classes; the first becomes class 0. */
  classes: [string, string];
  options: TrainingOptions;
  /** Name of the run; a name from the data set and options is made when absent. */
  name?: string;
}

/** Sent at most a few dozen times a second while a run trains. */
export interface TrainingProgress {
  runId: string;
  epoch: number;
  epochs: number;
  trainLoss: number;
  testLoss: number;
  /** Losses of epochs since the previous progress message, so a chart can draw every epoch. */
  trainLossTail: number[];
  testLossTail: number[];
}

export interface TrainingService {
  /** Starts a run; rejects with code 'busy' while another run trains. */
  start(request: TrainRequest): Promise<Result<{ runId: string }>>;
  /** Stops the run within one epoch; the run is stored as cancelled. */
  cancel(runId: string): Promise<void>;
  onProgress(listener: (progress: TrainingProgress) => void): () => void;
  /**
   * Fires once per run when it ends, finished, cancelled or failed. `saveError` is the reason the
   * run could not be stored, and is absent when it was stored.
   */
  onFinished(listener: (run: RunRecord, saveError?: string) => void): () => void;
}

export interface RunListing {
  runs: RunSummary[];
  /** One line per run file that could not be read, naming the file and the problem. */
  warnings: string[];
}

export interface RunService {
  list(): Promise<RunListing>;
  get(runId: string): Promise<Result<RunRecord>>;
  rename(runId: string, name: string): Promise<Result<RunSummary>>;
  remove(runId: string): Promise<Result<void>>;
}

export interface ExportService {
  /**
   * Asks for a file name with the native save dialog and writes the run's weights there as JSON.
   * Resolves to the path written, or null when the dialog was cancelled.
   */
  exportWeights(runId: string): Promise<Result<string | null>>;
}

export interface WorkbenchApi {
  datasets: DatasetService;
  training: TrainingService;
  runs: RunService;
  export: ExportService;
  /** Path of a file dropped on the window; the preload reads it with `webUtils.getPathForFile`. */
  pathForDroppedFile(file: File): Promise<string>;
}

/** Every method that crosses the invoke channel, named `service.method`. */
export const INVOKE_METHODS = [
  'datasets.open',
  'datasets.chooseFiles',
  'training.start',
  'training.cancel',
  'runs.list',
  'runs.get',
  'runs.rename',
  'runs.remove',
  'export.exportWeights',
] as const;

export type InvokeMethod = (typeof INVOKE_METHODS)[number];

/** Name of the single invoke channel; the method is named inside the message. */
export const INVOKE_CHANNEL = 'workbench:invoke';
/** Name of the single event channel from main to the renderer. */
export const EVENT_CHANNEL = 'workbench:event';

export type WorkbenchEvent =
  | { type: 'training-progress'; progress: TrainingProgress }
  | { type: 'training-finished'; run: RunRecord; saveError?: string };
