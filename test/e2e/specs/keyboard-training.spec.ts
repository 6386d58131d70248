import type { Locator, Page } from '@playwright/test';
import { expect, saveScreenshot, test } from '../fixtures/app';
import { DatasetPanel } from '../pages/datasetPanel';
import { ResultView } from '../pages/resultView';
import { RunsView } from '../pages/runsView';
import { TrainingForm } from '../pages/trainingForm';

// The maximum the form accepts. At well under 1 ms an epoch this run would still train for many
// seconds, so it is training when Escape is pressed.
const EPOCHS = 1_000_000;

// The window has fewer focusable controls than this before the training options.
const MAX_TAB_PRESSES = 20;

/** Presses Tab from the top of the page until `target` has the focus, as a keyboard user would. */
async function tabTo(page: Page, target: Locator): Promise<void> {
  for (let presses = 0; presses < MAX_TAB_PRESSES; presses++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((element) => element.matches(':focus'))) return;
  }
  throw new Error(`Tab did not reach ${target} within ${MAX_TAB_PRESSES} presses`);
}

test('verifies keyboard training and cancel', async ({ app }, testInfo) => {
  const page = app.page;
  const dataset = new DatasetPanel(page);
  const form = new TrainingForm(page);
  await expect(dataset.name).toHaveText(/splice/i);

  // Tab reaches the options in the order they are shown, then Train.
  await tabTo(page, form.option('Test fraction'));
  for (const name of ['Seed', 'Epochs', 'Learning rate'] as const) {
    await page.keyboard.press('Tab');
    await expect(form.option(name)).toBeFocused();
  }
  await page.keyboard.press('Tab');
  await expect(form.trainButton).toBeFocused();

  // Back to Epochs, where the person types the epoch count and presses Enter.
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await expect(form.option('Epochs')).toBeFocused();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(String(EPOCHS));
  await expect(form.option('Epochs')).toHaveValue(String(EPOCHS));
  await page.keyboard.press('Enter');

  await expect(form.cancelButton).toBeFocused();
  await expect(form.progressEpoch).toContainText('of 1,000,000');
  await expect(form.progressEpoch).not.toHaveText(/^\s*0 of/);
  await expect(form.cancelButton).toHaveAttribute('aria-disabled', 'false');
  await saveScreenshot(page, testInfo, { suffix: 'running' });

  await page.keyboard.press('Escape');
  const result = new ResultView(page);
  await expect(result.runStatus).toContainText('Cancelled');
  await expect(result.runStatus).toContainText('of 1,000,000 epochs');
  await expect(form.progress).toBeHidden();
  await expect(form.trainButton).toBeFocused();

  // From Train the keyboard goes on to the tabs: Tab to the selected one, then an arrow key.
  const runs = new RunsView(page);
  await tabTo(page, page.getByRole('tab', { selected: true }));
  await page.keyboard.press('ArrowRight');
  await expect(runs.tab).toBeFocused();
  await expect(runs.tab).toHaveAttribute('aria-selected', 'true');
  // Only the selected tab names its panel, because the other panels are not in the page.
  await expect(runs.tab).toHaveAttribute('aria-controls', 'panel-runs');
  await expect(page.getByRole('tabpanel', { name: 'Runs' })).toHaveId('panel-runs');
  await expect(new ResultView(page).tab).not.toHaveAttribute('aria-controls');
  await expect(runs.rows).toHaveCount(1);
  await expect(runs.status(runs.rows.first())).toHaveText('cancelled');
  await saveScreenshot(page, testInfo);
});
