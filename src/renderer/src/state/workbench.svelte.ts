import { createContext } from 'svelte';
import type { WorkbenchApi } from '../../../shared/ipc/workbenchApi';
import type { RunRecord } from '../../../shared/runs/runRecord';
import { AlertState } from './alerts.svelte';
import { DatasetState } from './datasetState.svelte';
import { RunsState } from './runsState.svelte';
import { TrainingState } from './trainingState.svelte';

export type View = 'result' | 'runs' | 'compare';

const STATUS_PHRASES: Record<RunRecord['status'], string> = {
  finished: 'finished',
  cancelled: 'was cancelled',
  failed: 'failed',
  running: 'stopped',
};

/** The state of the whole window, which components reach through `getWorkbench`. */
export class WorkbenchState {
  readonly alerts = new AlertState();
  readonly dataset: DatasetState;
  readonly training: TrainingState;
  readonly runs: RunsState;

  view = $state<View>('result');
  /** The run shown in the Result view. */
  current = $state.raw<RunRecord | null>(null);
  /** The runs shown in the Compare view, in the order they were ticked. */
  compared = $state.raw<RunRecord[]>([]);
  /** Whether the Compare view draws epochs on a log axis; kept while the window is open. */
  compareLogEpochs = $state(false);

  readonly #api: WorkbenchApi;
  /** Counts requests to show a run, so that a slow response cannot replace a run chosen later. */
  #showRequests = 0;
  /** Counts requests to compare runs, for the same reason. */
  #compareRequests = 0;

  constructor(api: WorkbenchApi) {
    this.#api = api;
    // The data set is locked while a run trains, so the sidebar never shows other data than the
    // run's. `training` is read only when a data set opens, after the constructor has ended.
    this.dataset = new DatasetState(api, this.alerts, () => this.training.busy);
    this.training = new TrainingState(api, this.alerts, this.dataset);
    this.runs = new RunsState(api, this.alerts);
    // A note that weights were written must not stand next to a later error.
    this.alerts.onReport = () => this.runs.clearExported();
  }

  /** Subscribes to training events and loads the embedded data set and the saved runs. */
  start(): () => void {
    const stopProgress = this.#api.training.onProgress((progress) =>
      this.training.handleProgress(progress),
    );
    const stopFinished = this.#api.training.onFinished((run, saveError) =>
      this.#handleFinished(run, saveError),
    );
    void this.dataset.open({ kind: 'embedded' });
    void this.runs.refresh();
    return () => {
      stopProgress();
      stopFinished();
    };
  }

  async train(): Promise<void> {
    if (!this.training.canStart) return;
    this.runs.clearExported();
    this.view = 'result';
    await this.training.start();
  }

  /** Opens files dropped on the window, unless a run is training. Returns false if ignored. */
  openDropped(files: readonly File[]): boolean {
    if (this.training.busy || files.length === 0) return false;
    void this.dataset.openDropped(files);
    return true;
  }

  async showRun(runId: string): Promise<void> {
    this.runs.clearExported();
    const showRequest = ++this.#showRequests;
    const run = await this.runs.get(runId);
    if (!run || showRequest !== this.#showRequests) return;
    this.current = run;
    this.view = 'result';
  }

  /** Loads the ticked runs and shows them side by side. */
  async compareSelected(): Promise<void> {
    this.runs.clearExported();
    const compareRequest = ++this.#compareRequests;
    const records = await Promise.all(this.runs.selected.map((id) => this.runs.get(id)));
    if (compareRequest !== this.#compareRequests) return;
    this.compared = records.filter((record): record is RunRecord => record !== null);
    this.view = 'compare';
  }

  /** Renames a run everywhere it is shown. Returns false when main rejected the name. */
  async renameRun(runId: string, name: string): Promise<boolean> {
    const renamed = await this.runs.rename(runId, name);
    if (!renamed) return false;

    const withName = (run: RunRecord) => (run.id === runId ? { ...run, name: renamed.name } : run);
    if (this.current) this.current = withName(this.current);
    this.compared = this.compared.map(withName);
    return true;
  }

  /** Deletes a run everywhere it is shown. Returns false when main could not delete it. */
  async removeRun(runId: string): Promise<boolean> {
    if (!(await this.runs.remove(runId))) return false;
    if (this.current?.id === runId) this.current = null;
    this.compared = this.compared.filter((run) => run.id !== runId);
    return true;
  }

  #handleFinished(run: RunRecord, saveError: string | undefined): void {
    if (this.training.handleFinished(run)) this.current = run;
    if (saveError !== undefined) this.#reportSaveError(run, saveError);
    void this.runs.refresh();
  }

  #reportSaveError(run: RunRecord, saveError: string): void {
    const reason = saveError.replace(/\.$/, '');
    this.alerts.report(
      `Run "${run.name}" could not be saved`,
      `The run ${STATUS_PHRASES[run.status]}, but could not be saved: ${reason}. ` +
        'Its result is shown until the window closes, but it is not in the Runs view.',
    );
  }
}

const [getWorkbench, setWorkbench] = createContext<WorkbenchState>();
export { getWorkbench, setWorkbench };
