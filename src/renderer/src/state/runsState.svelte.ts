import type { WorkbenchApi } from '../../../shared/ipc/workbenchApi';
import type { RunRecord, RunSummary } from '../../../shared/runs/runRecord';
import type { AlertState } from './alerts.svelte';

/** How long the note about written weights stays, unless another action clears it sooner. */
const EXPORT_NOTE_MS = 15_000;

/** The saved runs, the warnings about run files that could not be read, and the selection. */
export class RunsState {
  runs = $state.raw<RunSummary[]>([]);
  warnings = $state.raw<string[]>([]);
  /** Ids of the runs ticked for comparison, in the order ticked. */
  selected = $state<string[]>([]);
  /** The file the last export wrote, shown until the next action or for `EXPORT_NOTE_MS`. */
  exported = $state.raw<{ runName: string; path: string } | null>(null);
  loading = $state(false);

  readonly #api: WorkbenchApi;
  readonly #alerts: AlertState;
  #exportedTimer: ReturnType<typeof setTimeout> | undefined;
  /** Counts list requests, so that a list main returns late cannot replace a newer one. */
  #listRequests = 0;

  constructor(api: WorkbenchApi, alerts: AlertState) {
    this.#api = api;
    this.#alerts = alerts;
  }

  async refresh(): Promise<void> {
    const listRequest = ++this.#listRequests;
    this.loading = true;
    const listed = await this.#alerts.settle('Could not list the saved runs', () =>
      this.#api.runs.list(),
    );
    if (listRequest !== this.#listRequests) return;
    this.loading = false;
    if (!listed) return;

    this.runs = [...listed.value.runs].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    this.warnings = listed.value.warnings;
    const known = this.runs.map((run) => run.id);
    this.selected = this.selected.filter((id) => known.includes(id));
  }

  async get(runId: string): Promise<RunRecord | null> {
    const fetched = await this.#alerts.guard('Could not read the run', () =>
      this.#api.runs.get(runId),
    );
    return fetched?.value ?? null;
  }

  /** Renames a run. Returns the updated summary, or null when main rejected the name. */
  async rename(runId: string, name: string): Promise<RunSummary | null> {
    this.clearExported();
    const renamed = await this.#alerts.guard('Could not rename the run', () =>
      this.#api.runs.rename(runId, name),
    );
    if (!renamed) return null;
    this.runs = this.runs.map((run) => (run.id === runId ? renamed.value : run));
    this.#refreshIfListing();
    return renamed.value;
  }

  async remove(runId: string): Promise<boolean> {
    this.clearExported();
    const removed = await this.#alerts.guard('Could not delete the run', () =>
      this.#api.runs.remove(runId),
    );
    if (!removed) return false;
    this.runs = this.runs.filter((run) => run.id !== runId);
    this.selected = this.selected.filter((id) => id !== runId);
    this.#refreshIfListing();
    return true;
  }

  async exportWeights(run: RunSummary): Promise<void> {
    this.clearExported();
    const written = await this.#alerts.guard('Could not export the weights', () =>
      this.#api.export.exportWeights(run.id),
    );
    // A null path means the person cancelled the save dialog.
    if (!written?.value) return;
    this.exported = { runName: run.name, path: written.value };
    this.#exportedTimer = setTimeout(() => this.clearExported(), EXPORT_NOTE_MS);
  }

  clearExported(): void {
    clearTimeout(this.#exportedTimer);
    this.exported = null;
  }

  toggleSelected(runId: string, selected: boolean): void {
    const others = this.selected.filter((id) => id !== runId);
    this.selected = selected ? [...others, runId] : others;
  }

  dismissWarnings(): void {
    this.warnings = [];
  }

  // A list requested before a rename or delete ended may still show the old run, so it is
  // replaced by a list requested now.
  #refreshIfListing(): void {
    if (this.loading) void this.refresh();
  }
}
