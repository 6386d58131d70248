import type { Locator, Page } from '@playwright/test';

/** The Compare view: overlaid loss curves and the side-by-side table of the ticked runs. */
export class CompareView {
  readonly tab: Locator;
  readonly lossChart: Locator;
  readonly table: Locator;
  readonly logEpochAxis: Locator;

  constructor(private readonly page: Page) {
    this.tab = page.getByRole('tab', { name: 'Compare' });
    this.lossChart = page.getByTestId('compare-loss-chart');
    this.table = page.getByTestId('compare-table');
    this.logEpochAxis = page.getByRole('checkbox', { name: /^Log epoch axis/ });
  }

  /**
   * Finds the table row of one option or metric by its row header. The header of a row whose
   * values differ also carries " (differs)" for screen readers.
   */
  row(label: string): Locator {
    const name = new RegExp(`^${label}( \\(differs\\))?$`);
    return this.table.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name }) });
  }
}
