import { expect, saveScreenshot, test } from '../fixtures/app';
import { percentText, SPLICE_REFERENCE } from '../fixtures/spliceReference';
import { DatasetPanel } from '../pages/datasetPanel';
import { ResultView } from '../pages/resultView';
import { TrainingForm } from '../pages/trainingForm';

// A curve drawn across the plot covers hundreds of pixels of its colour. A chart without it has
// none in the plot area, because the background and the grid lines are grey.
const MIN_CURVE_PIXELS = 200;

test('verifies embedded splice training', async ({ app }, testInfo) => {
  const dataset = new DatasetPanel(app.page);
  const form = new TrainingForm(app.page);
  const result = new ResultView(app.page);

  await expect(dataset.name).toHaveText(/splice/i);
  await expect(dataset.classCount('EI')).toContainText('767');
  await expect(dataset.classCount('IE')).toContainText('768');
  await expect(form.option('Epochs')).toHaveValue(String(SPLICE_REFERENCE.epochs));
  await expect(form.option('Learning rate')).toHaveValue(String(SPLICE_REFERENCE.learningRate));

  await form.train();

  // Exact to the two decimals shown: 96.88 % and 98.26 %.
  await expect(result.testAccuracy).toHaveText(percentText(SPLICE_REFERENCE.testAccuracy));
  await expect(result.trainAccuracy).toHaveText(percentText(SPLICE_REFERENCE.trainAccuracy));
  await expect(form.announcement).toHaveAttribute('role', 'status');
  await expect(form.announcement).toHaveText(
    `Training finished: test accuracy ${percentText(SPLICE_REFERENCE.testAccuracy)}`,
  );

  const counts = await result.confusionCounts();
  expect(counts.tn + counts.fp + counts.fn + counts.tp).toBe(SPLICE_REFERENCE.testRows);
  expect(counts.tn + counts.tp).toBe(SPLICE_REFERENCE.testAccuracy * SPLICE_REFERENCE.testRows);
  await expect(result.confusionMatrix).toContainText('Actual EI');
  await expect(result.confusionMatrix).toContainText('Predicted IE');

  await expect(result.lossChart).toHaveAttribute('data-epochs', String(SPLICE_REFERENCE.epochs));
  await expect
    .poll(async () => (await result.lossCurvePixels()).train)
    .toBeGreaterThan(MIN_CURVE_PIXELS);
  expect((await result.lossCurvePixels()).test).toBeGreaterThan(MIN_CURVE_PIXELS);
  await expect(result.sigmoidChart).toHaveAttribute(
    'data-points',
    String(SPLICE_REFERENCE.testRows),
  );

  await saveScreenshot(app.page, testInfo);
});
