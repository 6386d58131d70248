import { expect, saveScreenshot, test } from '../fixtures/app';
import { countPlotPixels } from '../pages/chartCanvas';
import { percentText, SPLICE_REFERENCE } from '../fixtures/spliceReference';
import { ResultView } from '../pages/resultView';
import { RunsView } from '../pages/runsView';
import { TrainingForm } from '../pages/trainingForm';

/** The red ring around a misclassified row: `MISCLASSIFIED_COLOR` in the renderer's palette. */
const RING_COLOR = '#dc2626';

/** The sigmoid chart's plot area inside its canvas: `SIGMOID_CHART_GRID` in the renderer. */
const SIGMOID_PLOT_MARGINS = { top: 44, right: 20, bottom: 44, left: 64 };

// A ring 12 px across with a 2 px border covers dozens of pixels, even where rings overlap.
const MIN_RING_PIXELS = 50;

// The reference run classifies 372 of 384 test rows correctly, so 12 are misclassified.
const MISCLASSIFIED = Math.round(SPLICE_REFERENCE.testRows * (1 - SPLICE_REFERENCE.testAccuracy));

test('verifies misclassified count matches confusion', async ({ app }, testInfo) => {
  const result = new ResultView(app.page);
  await new TrainingForm(app.page).train();
  await expect(result.testAccuracy).toHaveText(percentText(SPLICE_REFERENCE.testAccuracy));

  const counts = await result.confusionCounts();
  expect(counts.fp + counts.fn).toBe(MISCLASSIFIED);
  expect(await result.misclassifiedInLegend()).toBe(counts.fp + counts.fn);
  await expect(result.sigmoidChart).toHaveAttribute('data-misclassified', String(MISCLASSIFIED));
  await expect(result.sigmoidChart).toHaveAttribute(
    'aria-label',
    new RegExp(`with the ${MISCLASSIFIED} misclassified rows ringed$`),
  );

  // The rings themselves are drawn: the poll waits for the chart's drawing animation to end.
  const ringPixels = async () =>
    (await countPlotPixels(result.sigmoidChart, [RING_COLOR], SIGMOID_PLOT_MARGINS))[0];
  await expect.poll(ringPixels).toBeGreaterThan(MIN_RING_PIXELS);
  await saveScreenshot(app.page, testInfo, { focus: result.sigmoidChart });

  // The stored run, opened again from the Runs view, shows the same count.
  const runs = new RunsView(app.page);
  await runs.open();
  await runs.rows
    .first()
    .getByRole('button', { name: /^EI vs IE/ })
    .click();
  await expect(result.sigmoidChart).toHaveAttribute('data-misclassified', String(MISCLASSIFIED));
  expect(await result.misclassifiedInLegend()).toBe(MISCLASSIFIED);
});
