import type { TrainingProgress, WorkbenchApi } from '../../../shared/ipc/workbenchApi';
import type { RunRecord } from '../../../shared/runs/runRecord';
import { DEFAULT_TRAINING_OPTIONS } from '../../../shared/training/trainingOptions';
import { checkTrainingFields, toFieldText } from '../forms/trainingFields';
import type { AlertState } from './alerts.svelte';
import type { DatasetState } from './datasetState.svelte';
import { LiveLoss } from './liveLoss.svelte';

/** 'starting' lasts from the start request until main returns the run's id. */
export type TrainingPhase = 'idle' | 'starting' | 'running' | 'cancelling';

/** The training options form and the run that is training, if any. */
export class TrainingState {
  fields = $state(toFieldText(DEFAULT_TRAINING_OPTIONS));
  // `$derived.by` defers reading the data set until the constructor has stored it.
  checked = $derived.by(() =>
    checkTrainingFields(this.fields, this.#dataset.problemRows || undefined),
  );
  phase = $state<TrainingPhase>('idle');
  busy = $derived(this.phase !== 'idle');
  canStart = $derived.by(() => {
    const dataset = this.#dataset;
    return (
      !this.busy && this.checked.options !== null && dataset.summary !== null && !dataset.classError
    );
  });
  runId = $state<string | null>(null);
  progress = $state.raw<TrainingProgress | null>(null);
  readonly live = new LiveLoss();

  readonly #api: WorkbenchApi;
  readonly #alerts: AlertState;
  readonly #dataset: DatasetState;
  /** Runs that finished before `start` returned their id, which can happen for short runs. */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping that nothing renders
  readonly #finishedEarly = new Set<string>();

  constructor(api: WorkbenchApi, alerts: AlertState, dataset: DatasetState) {
    this.#api = api;
    this.#alerts = alerts;
    this.#dataset = dataset;
  }

  async start(): Promise<void> {
    const summary = this.#dataset.summary;
    const options = this.checked.options;
    if (!this.canStart || !summary || !options) return;

    this.phase = 'starting';
    this.progress = null;
    this.live.reset();
    const classes: [string, string] = [this.#dataset.class0, this.#dataset.class1];
    const started = await this.#alerts.guard('Could not start training', () =>
      this.#api.training.start({ datasetId: summary.id, classes, options }),
    );

    if (!started || this.#finishedEarly.delete(started.value.runId)) {
      this.phase = 'idle';
      return;
    }
    this.runId = started.value.runId;
    if (this.phase === 'starting') this.phase = 'running';
  }

  async cancel(): Promise<void> {
    const runId = this.runId;
    if (!runId || this.phase !== 'running') return;
    this.phase = 'cancelling';
    await this.#alerts.settle('Could not cancel the run', () => this.#api.training.cancel(runId));
  }

  /** Takes a progress message, ignoring messages of other runs. */
  handleProgress(progress: TrainingProgress): void {
    if (!this.#owns(progress.runId)) return;
    this.progress = progress;
    this.live.append(progress);
  }

  /** Takes a stored run and returns true when it is the run this window started. */
  handleFinished(run: RunRecord): boolean {
    if (!this.#owns(run.id)) return false;
    if (this.phase === 'starting') this.#finishedEarly.add(run.id);
    this.phase = 'idle';
    this.runId = null;
    return true;
  }

  // While the start request is pending the id is unknown, so the first run heard of is ours.
  #owns(runId: string): boolean {
    if (this.phase === 'starting') return true;
    return this.runId === runId;
  }
}
