import { expect, saveScreenshot, test } from '../fixtures/app';
import { countPlotPixels } from '../pages/chartCanvas';
import { CompareView } from '../pages/compareView';
import { CURVE_COLORS, LOSS_PLOT_MARGINS, ResultView } from '../pages/resultView';
import { RunsView } from '../pages/runsView';
import { TrainingForm } from '../pages/trainingForm';

// A curve drawn across the plot covers hundreds of pixels of its colour.
const MIN_CURVE_PIXELS = 200;

test('verifies comparing two learning rates', async ({ app }, testInfo) => {
  const form = new TrainingForm(app.page);
  const result = new ResultView(app.page);
  for (const rate of ['0.1', '0.5']) {
    await form.setOption('Learning rate', rate);
    await form.train();
    await expect(result.heading).toContainText(`lr ${rate},`);
  }

  const runs = new RunsView(app.page);
  await runs.open();
  await expect(runs.rows).toHaveCount(2);
  await runs.selectForComparison(runs.row(/lr 0\.1,/));
  await runs.selectForComparison(runs.row(/lr 0\.5,/));
  // The compare view lists runs in the order they were ticked.
  await runs.compareButton.click();

  const compare = new CompareView(app.page);
  await expect(compare.tab).toHaveAttribute('aria-selected', 'true');
  await expect(compare.table.getByRole('columnheader')).toHaveText([/lr 0\.1,/, /lr 0\.5,/]);
  await expect(compare.row('Learning rate')).toHaveAttribute('data-differs', 'true');
  await expect(compare.row('Learning rate').getByRole('cell')).toHaveText(['0.1', '0.5']);
  await expect(compare.row('Seed')).toHaveAttribute('data-differs', 'false');
  await expect(compare.row('Epochs')).toHaveAttribute('data-differs', 'false');

  // One colour a run in the overlaid chart, so each run's curves show in its own colour. The
  // poll waits for the chart's drawing animation to end.
  const curvePixels = () => countPlotPixels(compare.lossChart, CURVE_COLORS, LOSS_PLOT_MARGINS);
  await expect
    .poll(async () => Math.min(...(await curvePixels())))
    .toBeGreaterThan(MIN_CURVE_PIXELS);
  const [firstRunPixels, secondRunPixels] = await curvePixels();
  expect(firstRunPixels).toBeGreaterThan(MIN_CURVE_PIXELS);
  expect(secondRunPixels).toBeGreaterThan(MIN_CURVE_PIXELS);

  await saveScreenshot(app.page, testInfo, { focus: compare.row('Learning rate') });
});
