import type { Locator, Page } from '@playwright/test';

/** The alert region above the views, where failures reported to a person appear. */
export class AlertBanner {
  readonly region: Locator;

  constructor(page: Page) {
    this.region = page.getByTestId('error-banner');
  }

  async dismissAll(): Promise<void> {
    const buttons = this.region.getByRole('button', { name: /^Dismiss/ });
    while ((await buttons.count()) > 0) await buttons.first().click();
  }
}
