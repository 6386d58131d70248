import type { Locator, Page } from '@playwright/test';

export type OptionName = 'Test fraction' | 'Seed' | 'Epochs' | 'Learning rate';

/**
 * The sidebar's training options, the Train and Cancel buttons, the progress panel and the live
 * region that announces how a run ended.
 */
export class TrainingForm {
  readonly trainButton: Locator;
  readonly cancelButton: Locator;
  readonly progress: Locator;
  readonly progressEpoch: Locator;
  readonly announcement: Locator;

  constructor(private readonly page: Page) {
    this.trainButton = page.getByRole('button', { name: 'Train', exact: true });
    this.cancelButton = page.getByRole('button', { name: 'Cancel', exact: true });
    this.progress = page.getByTestId('progress');
    this.progressEpoch = page.getByTestId('progress-epoch');
    this.announcement = page.getByTestId('training-announcement');
  }

  option(name: OptionName): Locator {
    return this.page.getByLabel(name, { exact: true });
  }

  async setOption(name: OptionName, value: string): Promise<void> {
    await this.option(name).fill(value);
  }

  /** Presses Train once the form accepts it, that is once a data set is open. */
  async train(): Promise<void> {
    await this.trainButton.click();
  }

  async cancel(): Promise<void> {
    await this.cancelButton.click();
  }
}
