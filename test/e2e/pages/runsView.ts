import type { Locator, Page } from '@playwright/test';

/** The Runs view: the saved runs, their selection for comparison, export and delete. */
export class RunsView {
  readonly tab: Locator;
  readonly rows: Locator;
  readonly compareButton: Locator;
  readonly exportStatus: Locator;

  constructor(page: Page) {
    this.tab = page.getByRole('tab', { name: 'Runs' });
    this.rows = page.getByTestId('run-row');
    this.compareButton = page.getByRole('button', { name: /^Compare selected/ });
    this.exportStatus = page.locator('.export-status');
  }

  async open(): Promise<void> {
    await this.tab.click();
  }

  row(runName: string | RegExp): Locator {
    return this.rows.filter({ has: this.rows.page().getByRole('button', { name: runName }) });
  }

  testAccuracy(row: Locator): Locator {
    return row.getByTestId('run-test-accuracy');
  }

  status(row: Locator): Locator {
    return row.locator('.status');
  }

  async selectForComparison(row: Locator): Promise<void> {
    await row.getByRole('checkbox', { name: /for comparison$/ }).check();
  }

  async exportWeights(row: Locator): Promise<void> {
    await row.getByRole('button', { name: /^Export weights of/ }).click();
  }
}
