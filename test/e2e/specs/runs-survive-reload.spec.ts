import { expect, saveScreenshot, test } from '../fixtures/app';
import { percentText, SPLICE_REFERENCE } from '../fixtures/spliceReference';
import { ResultView } from '../pages/resultView';
import { RunsView } from '../pages/runsView';
import { TrainingForm } from '../pages/trainingForm';

const RUN_NAME = /^EI vs IE, lr 0\.1, 300 epochs$/;

test('verifies runs survive reload and restart', async ({ app }, testInfo) => {
  await new TrainingForm(app.page).train();
  const expectedAccuracy = percentText(SPLICE_REFERENCE.testAccuracy);
  await expect(new ResultView(app.page).testAccuracy).toHaveText(expectedAccuracy);

  const expectListed = async () => {
    const runs = new RunsView(app.page);
    await runs.open();
    await expect(runs.rows).toHaveCount(1);
    const row = runs.row(RUN_NAME);
    await expect(runs.status(row)).toHaveText('finished');
    await expect(runs.testAccuracy(row)).toHaveText(expectedAccuracy);
  };
  await expectListed();

  await app.page.reload();
  await expectListed();

  // A new app process (the harness and its services, or Electron) on the same user data folder.
  await app.restart();
  await expectListed();
  await saveScreenshot(app.page, testInfo);

  // The stored run opens with its full result, not only its summary.
  await app.page.getByRole('button', { name: RUN_NAME }).click();
  await expect(new ResultView(app.page).trainAccuracy).toHaveText(
    percentText(SPLICE_REFERENCE.trainAccuracy),
  );
});
