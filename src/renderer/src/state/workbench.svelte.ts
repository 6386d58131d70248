import { createContext } from 'svelte';
import type { WorkbenchApi } from '../../../shared/ipc/workbenchApi';
import type { RunRecord } from '../../../shared/runs/runRecord';
import { AlertState } from './alerts.svelte';
import { DatasetState } from './datasetState.svelte';
import { RunsState } from './runsState.svelte';
import { TrainingState } from './trainingState.svelte';

export type View = 'result' | 'runs' | 'compare';

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

  readonly #api: WorkbenchApi;

  constructor(api: WorkbenchApi) {
    this.#api = api;
    this.dataset = new DatasetState(api, this.alerts);
    this.training = new TrainingState(api, this.alerts, this.dataset);
    this.runs = new RunsState(api, this.alerts);
  }

  /** Subscribes to training events and loads the embedded data set and the saved runs. */
  start(): () => void {
    const stopProgress = this.#api.training.onProgress((progress) =>
      this.training.handleProgress(progress),
    );
    const stopFinished = this.#api.training.onFinished((run) => this.#handleFinished(run));
    void this.dataset.open({ kind: 'embedded' });
    void this.runs.refresh();
    return () => {
      stopProgress();
      stopFinished();
    };
  }

  async train(): Promise<void> {
    this.view = 'result';
    await this.training.start();
  }

  async showRun(runId: string): Promise<void> {
    const run = await this.runs.get(runId);
    if (!run) return;
    this.current = run;
    this.view = 'result';
  }

  /** Loads the ticked runs and shows them side by side. */
  async compareSelected(): Promise<void> {
    const records = await Promise.all(this.runs.selected.map((id) => this.runs.get(id)));
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

  async removeRun(runId: string): Promise<void> {
    if (!(await this.runs.remove(runId))) return;
    if (this.current?.id === runId) this.current = null;
    this.compared = this.compared.filter((run) => run.id !== runId);
  }

  #handleFinished(run: RunRecord): void {
    if (this.training.handleFinished(run)) this.current = run;
    void this.runs.refresh();
  }
}

const [getWorkbench, setWorkbench] = createContext<WorkbenchState>();
export { getWorkbench, setWorkbench };
