import type { Locator, Page } from '@playwright/test';

/** The sidebar's data set and class choices. */
export class DatasetPanel {
  readonly summary: Locator;
  readonly name: Locator;

  constructor(private readonly page: Page) {
    this.summary = page.getByTestId('dataset-summary');
    this.name = page.getByTestId('dataset-name');
  }

  /** Presses "Open .npy pair…"; the app then shows the open dialog the spec answered. */
  async openNpyPair(): Promise<void> {
    await this.page.getByRole('button', { name: /Open \.npy pair/ }).click();
  }

  async openSequences(): Promise<void> {
    await this.page.getByRole('button', { name: /Open sequences/ }).click();
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
