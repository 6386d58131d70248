import type { DatasetSummary } from '../../../shared/dataset/dataset';
import { InputError } from '../../../shared/errors';
import type { OpenDatasetRequest, WorkbenchApi } from '../../../shared/ipc/workbenchApi';
import { assignNpyPair, countFiles, describeNpyPair, planDrop } from '../data/datasetFiles';
import type { AlertState } from './alerts.svelte';

const OPEN_FAILED = 'Could not open the data set';

/** Reason the data set cannot change while a run trains, shown beside the disabled Open buttons. */
export const LOCKED_REASON = 'The data set cannot change while a run trains.';

/** The open data set and the two classes chosen from it. */
export class DatasetState {
  summary = $state.raw<DatasetSummary | null>(null);
  loading = $state(false);
  /** A sentence about how the files were read, such as which .npy file held the labels. */
  note = $state<string | null>(null);
  class0 = $state('');
  class1 = $state('');

  /** Rows of the two chosen classes, the size of the training problem. */
  problemRows = $derived(this.#countRows(this.class0) + this.#countRows(this.class1));
  classError = $derived(this.#checkClasses());
  /** True when the open data set is the splice set embedded in the app. */
  isEmbedded = $derived(this.summary?.source.kind === 'embedded');

  readonly #api: WorkbenchApi;
  readonly #alerts: AlertState;
  readonly #isLocked: () => boolean;
  /** Counts open requests, so that only the latest one sets the data set. */
  #openRequests = 0;

  /** `isLocked` returns true while the data set must not change, such as while a run trains. */
  constructor(api: WorkbenchApi, alerts: AlertState, isLocked: () => boolean) {
    this.#api = api;
    this.#alerts = alerts;
    this.#isLocked = isLocked;
  }

  /**
   * Opens a data set. The current one stays open when this one fails, and also while the data
   * set is locked, because a dialog or a drop can end after a run started. When a drop starts
   * another open before this one returns, the later request wins, whichever main completes first.
   */
  async open(request: OpenDatasetRequest, note: string | null = null): Promise<void> {
    if (this.#isLocked()) {
      this.#alerts.report(OPEN_FAILED, `${LOCKED_REASON} Open it after the run ends.`);
      return;
    }
    const openRequest = ++this.#openRequests;
    this.loading = true;
    const opened = await this.#alerts.guard(OPEN_FAILED, () => this.#api.datasets.open(request));
    if (openRequest !== this.#openRequests) return;
    this.loading = false;
    if (!opened) return;

    this.summary = opened.value;
    this.note = note;
    const labels = opened.value.classCounts.map((entry) => entry.label);
    this.class0 = labels[0] ?? '';
    this.class1 = labels[1] ?? '';
  }

  async openEmbedded(): Promise<void> {
    await this.open({ kind: 'embedded' });
  }

  async chooseNpyPair(): Promise<void> {
    const paths = await this.#choose('npy-pair');
    if (paths) await this.#openNpyPair(paths);
  }

  async chooseSequences(): Promise<void> {
    const paths = await this.#choose('sequences');
    if (!paths) return;
    if (paths.length !== 1) {
      this.#alerts.report(
        OPEN_FAILED,
        `Choose one sequence file. ${countFiles(paths.length)} chosen.`,
      );
      return;
    }
    await this.open({ kind: 'sequences', path: paths[0] });
  }

  /** Opens files dropped on the window: one sequence file, or a features and labels .npy pair. */
  async openDropped(files: readonly File[]): Promise<void> {
    try {
      const plan = planDrop(files.map((file) => file.name));
      const paths = await this.#alerts.settle(OPEN_FAILED, () =>
        Promise.all(files.map((file) => this.#api.pathForDroppedFile(file))),
      );
      if (!paths) return;
      if (plan.kind === 'npy') await this.#openNpyPair(paths.value);
      else await this.open({ kind: 'sequences', path: paths.value[0] });
    } catch (error) {
      this.#reportInputError(error);
    }
  }

  async #choose(kind: 'npy-pair' | 'sequences'): Promise<string[] | null> {
    const chosen = await this.#alerts.settle(OPEN_FAILED, () =>
      this.#api.datasets.chooseFiles(kind),
    );
    return chosen?.value ?? null;
  }

  async #openNpyPair(paths: readonly string[]): Promise<void> {
    try {
      const pair = assignNpyPair(paths);
      const request = {
        kind: 'npy' as const,
        featuresPath: pair.featuresPath,
        labelsPath: pair.labelsPath,
      };
      await this.open(request, describeNpyPair(pair));
    } catch (error) {
      this.#reportInputError(error);
    }
  }

  #reportInputError(error: unknown): void {
    if (!(error instanceof InputError)) throw error;
    this.#alerts.report(OPEN_FAILED, error.message);
  }

  #countRows(label: string): number {
    return this.summary?.classCounts.find((entry) => entry.label === label)?.count ?? 0;
  }

  #checkClasses(): string | null {
    if (!this.summary) return null;
    if (this.summary.classCounts.length < 2) {
      return `${this.summary.name} has only one class, but a classifier needs two.`;
    }
    if (this.class0 === this.class1) return 'Choose two different classes.';
    return null;
  }
}
