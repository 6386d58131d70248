import type { Locator, Page } from '@playwright/test';

/** The sidebar's data set and class choices. */
export class DatasetPanel {
  readonly summary: Locator;
  readonly name: Locator;
  readonly openNpyPairButton: Locator;
  readonly openSequencesButton: Locator;
  /** "Use the splice data set", shown while another data set is open. */
  readonly useSpliceButton: Locator;
  /** The line under the Open buttons: how to drop files, or why the data set cannot change. */
  readonly tip: Locator;

  constructor(private readonly page: Page) {
    this.summary = page.getByTestId('dataset-summary');
    this.name = page.getByTestId('dataset-name');
    this.openNpyPairButton = page.getByRole('button', { name: /Open \.npy pair/ });
    this.openSequencesButton = page.getByRole('button', { name: /Open sequences/ });
    this.useSpliceButton = page.getByRole('button', { name: 'Use the splice data set' });
    this.tip = page.getByTestId('dataset-tip');
  }

  /** Presses "Open .npy pair…"; the app then shows the open dialog the spec answered. */
  async openNpyPair(): Promise<void> {
    await this.openNpyPairButton.click();
  }

  async openSequences(): Promise<void> {
    await this.openSequencesButton.click();
  }

  async chooseClasses(class0: string, class1: string): Promise<void> {
    await this.page.getByLabel('Class 0', { exact: true }).selectOption(class0);
    await this.page.getByLabel('Class 1', { exact: true }).selectOption(class1);
  }

  /** Finds the summary's entry of one class, "EI: 767", which shows its row count. */
  classCount(label: string): Locator {
    return this.summary.getByRole('listitem').filter({ hasText: new RegExp(`^${label}:\\s`) });
  }
}
