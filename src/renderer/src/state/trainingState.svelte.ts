import type { TrainingProgress, WorkbenchApi } from '../../../shared/ipc/workbenchApi';
import type { RunRecord } from '../../../shared/runs/runRecord';
import { DEFAULT_TRAINING_OPTIONS } from '../../../shared/training/trainingOptions';
import { checkTrainingFields, toFieldText } from '../forms/trainingFields';
import { describeRunEnd } from '../format/runOutcome';
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
  // No run starts while a data set loads, because that set would then replace the run's one.
  canStart = $derived.by(() => {
    const dataset = this.#dataset;
    const ready = dataset.summary !== null && !dataset.loading && !dataset.classError;
    return !this.busy && this.checked.options !== null && ready;
  });
  runId = $state<string | null>(null);
  progress = $state.raw<TrainingProgress | null>(null);
  /** True when a cancel was requested before main returned the run's id. */
  cancelPending = $state(false);
  /** Outcome of this window's last run, for the live region that announces it. */
  announcement = $state('');
  canCancel = $derived(
    (this.phase === 'starting' || this.phase === 'running') && !this.cancelPending,
  );
  readonly live = new LiveLoss();

  readonly #api: WorkbenchApi;
  readonly #alerts: AlertState;
  readonly #dataset: DatasetState;
  /** Runs that finished before `start` returned their id, which can happen for short runs. */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping that nothing renders
  readonly #finishedEarly = new Set<string>();
  /** The run that ended last, whose late progress messages must not adopt it again. */
  #lastEndedRunId: string | null = null;

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
    this.cancelPending = false;
    // Emptied, so that a run ending the same way as the last one is announced again.
    this.announcement = '';
    this.progress = null;
    this.live.reset();
    const classes: [string, string] = [this.#dataset.class0, this.#dataset.class1];
    const started = await this.#alerts.guard('Could not start training', () =>
      this.#api.training.start({ datasetId: summary.id, classes, options }),
    );

    if (!started || this.#finishedEarly.delete(started.value.runId)) {
      this.phase = 'idle';
      this.cancelPending = false;
      return;
    }
    this.runId = started.value.runId;
    if (this.phase === 'starting') this.phase = 'running';
    if (this.cancelPending) await this.cancel();
  }

  /** Cancels the run. While it starts, the request waits until main returns the run's id. */
  async cancel(): Promise<void> {
    if (this.phase === 'starting') {
      this.cancelPending = true;
      return;
    }
    this.cancelPending = false;
    const runId = this.runId;
    if (!runId || this.phase !== 'running') return;
    this.phase = 'cancelling';
    const sent = await this.#alerts.settle('Could not cancel the run', () =>
      this.#api.training.cancel(runId),
    );
    // The run trains on, so Cancel and Escape must work again for another try.
    if (!sent && this.phase === 'cancelling' && this.runId === runId) this.phase = 'running';
  }

  /**
   * Takes a progress message, ignoring messages of other runs. While idle, it adopts the run:
   * main trains one run at a time, so it is the run this window started before it was reloaded,
   * and adopting it lets Cancel and Escape reach it again.
   */
  handleProgress(progress: TrainingProgress): void {
    if (this.phase === 'idle' && progress.runId !== this.#lastEndedRunId) {
      this.#adopt(progress.runId);
    }
    if (!this.#owns(progress.runId)) return;
    this.progress = progress;
    this.live.append(progress);
  }

  /** Takes a stored run and returns true when it is the run this window started. */
  handleFinished(run: RunRecord): boolean {
    this.#lastEndedRunId = run.id;
    if (!this.#owns(run.id)) return false;
    if (this.phase === 'starting') this.#finishedEarly.add(run.id);
    this.phase = 'idle';
    this.runId = null;
    this.announcement = describeRunEnd(run);
    return true;
  }

  // NOTE: the form and the sidebar keep what this window shows, not the adopted run's options and
  // data set. Showing those would need main to report the training run's request.
  #adopt(runId: string): void {
    this.phase = 'running';
    this.runId = runId;
    this.progress = null;
    this.live.reset();
  }

  // While the start request is pending the id is unknown, so the first run heard of is ours.
  #owns(runId: string): boolean {
    if (this.phase === 'starting') return true;
    return this.runId === runId;
  }
}
