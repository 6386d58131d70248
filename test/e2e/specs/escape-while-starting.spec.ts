import { expect, saveScreenshot, test } from '../fixtures/app';
import { ResultView } from '../pages/resultView';
import { TrainingForm } from '../pages/trainingForm';

// The maximum the form accepts: uncancelled, this run would train for about a minute.
const EPOCHS = 1_000_000;

test('verifies escape while starting cancels', async ({ app }, testInfo) => {
  test.skip(app.mode !== 'browser', 'holds back a harness request, which the Electron app lacks');
  const { page } = app;

  // Main receives the start request only after Escape, so the window is still waiting for the
  // run's id when the person presses it.
  let releaseStart = (): void => {};
  const escapePressed = new Promise<void>((resolve) => (releaseStart = resolve));
  await page.route('**/invoke', async (route) => {
    const body = route.request().postDataJSON() as { method?: unknown };
    if (body.method === 'training.start') await escapePressed;
    await route.continue();
  });

  const form = new TrainingForm(page);
  await form.setOption('Epochs', String(EPOCHS));
  await form.train();
  await expect(form.progress).toContainText('Starting…');
  await page.keyboard.press('Escape');
  await expect(form.progress).toContainText('Cancelling…');
  await expect(form.cancelButton).toHaveAttribute('aria-disabled', 'true');
  releaseStart();

  const result = new ResultView(page);
  await expect(result.runStatus).toContainText('Cancelled');
  await expect(result.runStatus).toContainText('of 1,000,000 epochs');
  await expect(form.progress).toBeHidden();
  await expect(form.announcement).toHaveText(
    /^Training cancelled after [\d,]+ of 1,000,000 epochs$/,
  );
  await saveScreenshot(page, testInfo);
});
