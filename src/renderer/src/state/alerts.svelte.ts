import type { Failure, Result } from '../../../shared/errors';

export interface Alert {
  id: number;
  /** The action that failed, such as "Could not open the data set". */
  title: string;
  /** The failure message from main, written for people. */
  detail: string;
}

/** The errors shown in the window's alert region until the person dismisses them. */
export class AlertState {
  alerts = $state<Alert[]>([]);
  #nextId = 1;
  /** Called on every report, so that notes of earlier successes can leave. */
  onReport: () => void = () => {};

  /** Adds an alert unless an equal alert is already shown. */
  report(title: string, detail: string): void {
    this.onReport();
    const shown = this.alerts.some((alert) => alert.title === title && alert.detail === detail);
    if (!shown) this.alerts.push({ id: this.#nextId++, title, detail });
  }

  reportFailure(title: string, failure: Failure): void {
    this.report(title, failure.message);
  }

  dismiss(id: number): void {
    this.alerts = this.alerts.filter((alert) => alert.id !== id);
  }

  /**
   * Awaits a call to main that returns a `Result`. Returns the value in a box, or null after
   * reporting the failure, so that a call returning `Result<void>` can still tell success.
   */
  async guard<T>(title: string, call: () => Promise<Result<T>>): Promise<{ value: T } | null> {
    const settled = await this.settle(title, call);
    if (settled === null) return null;
    if (!settled.value.ok) {
      this.reportFailure(title, settled.value.error);
      return null;
    }
    return { value: settled.value.value };
  }

  /**
   * Awaits a call to main. Returns its value in a box, or null after reporting a rejection,
   * which means the call itself failed, such as a broken connection to main.
   */
  async settle<T>(title: string, call: () => Promise<T>): Promise<{ value: T } | null> {
    try {
      return { value: await call() };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.report(title, `The request to the main process failed: ${message}`);
      return null;
    }
  }
}
