import { expect, saveScreenshot, test } from '../fixtures/app';
import { ResultView } from '../pages/resultView';
import { RunsView } from '../pages/runsView';
import { TrainingForm } from '../pages/trainingForm';

// The maximum the form accepts. At well under 1 ms an epoch this run would still train for many
// seconds, so it is training through the reload until the spec cancels it.
const EPOCHS = 1_000_000;

test('verifies reload during run keeps cancel', async ({ app }, testInfo) => {
  const form = new TrainingForm(app.page);
  await form.setOption('Epochs', String(EPOCHS));
  await form.train();
  await expect(form.progressEpoch).not.toHaveText(/^\s*(—|0 of)/);

  // The window starts afresh, while main goes on training the run it started.
  await app.page.reload();
  await expect(form.progressEpoch).toContainText('of 1,000,000');
  await expect(form.cancelButton).toHaveAttribute('aria-disabled', 'false');
  await expect(form.trainButton).toHaveAttribute('aria-disabled', 'true');
  await saveScreenshot(app.page, testInfo, { suffix: 'after-reload' });

  await form.cancel();
  const result = new ResultView(app.page);
  await expect(result.runStatus).toContainText('Cancelled');
  await expect(form.progress).toBeHidden();
  await expect(form.trainButton).toHaveAttribute('aria-disabled', 'false');

  const runs = new RunsView(app.page);
  await runs.open();
  await expect(runs.rows).toHaveCount(1);
  await expect(runs.status(runs.rows.first())).toHaveText('cancelled');
  await saveScreenshot(app.page, testInfo);
});
