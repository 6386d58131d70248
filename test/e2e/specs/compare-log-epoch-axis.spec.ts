import { expect, saveScreenshot, test } from '../fixtures/app';
import { plotRightExtents } from '../pages/chartCanvas';
import { CompareView } from '../pages/compareView';
import { CURVE_COLORS, LOSS_PLOT_MARGINS, ResultView } from '../pages/resultView';
import { RunsView } from '../pages/runsView';
import { TrainingForm } from '../pages/trainingForm';

const SHORT_EPOCHS = 50;
const LONG_EPOCHS = 3000;

/*
 * How far right the short run's curve reaches, as a fraction of the plot width. On a linear axis
 * to at least 3000 it ends by 50 / 3000, under 2 %. On a log axis from 1 to at most 10 000 it
 * ends at log(50) / log(10 000), over 40 %. The bounds below leave room for the line's width and
 * for the axis ECharts picks.
 */
const MAX_LINEAR_EXTENT = 0.05;
const MIN_LOG_EXTENT = 0.3;

test('verifies compare log epoch axis', async ({ app }, testInfo) => {
  const form = new TrainingForm(app.page);
  const result = new ResultView(app.page);
  for (const epochs of [SHORT_EPOCHS, LONG_EPOCHS]) {
    await form.setOption('Epochs', String(epochs));
    await form.train();
    await expect(result.lossChart).toHaveAttribute('data-epochs', String(epochs));
  }

  const runs = new RunsView(app.page);
  await runs.open();
  await expect(runs.rows).toHaveCount(2);
  // Both runs train the same problem, so the short run's curves are the start of the long run's.
  // Ticked second, the short run takes the second colour and is drawn on top, where it shows.
  const shortRun = runs.rows.filter({ has: app.page.getByText(`${SHORT_EPOCHS} epochs`) });
  const longRun = runs.rows.filter({ has: app.page.getByText('3,000 epochs') });
  await runs.selectForComparison(longRun);
  await runs.selectForComparison(shortRun);
  await runs.compareButton.click();

  const compare = new CompareView(app.page);
  const extents = () => plotRightExtents(compare.lossChart, CURVE_COLORS, LOSS_PLOT_MARGINS);
  await expect(compare.logEpochAxis).not.toBeChecked();
  await expect(compare.lossChart).toHaveAttribute('data-epoch-axis', 'linear');
  await expect(compare.lossChart).toHaveAttribute('data-epochs', String(LONG_EPOCHS));
  // The long run spans the axis; the poll waits for the chart's drawing animation to end.
  await expect.poll(async () => (await extents())[0]).toBeGreaterThan(0.9);
  const [, shortLinear] = await extents();
  expect(shortLinear).toBeGreaterThanOrEqual(0);
  expect(shortLinear).toBeLessThan(MAX_LINEAR_EXTENT);
  await saveScreenshot(app.page, testInfo, { suffix: 'linear', focus: compare.lossChart });

  await compare.logEpochAxis.check();
  await expect(compare.lossChart).toHaveAttribute('data-epoch-axis', 'log');
  await expect.poll(async () => (await extents())[1]).toBeGreaterThan(MIN_LOG_EXTENT);
  const [longLog, shortLog] = await extents();
  expect(longLog).toBeGreaterThan(shortLog);
  await saveScreenshot(app.page, testInfo, { focus: compare.lossChart });

  // The choice stays while the window is open, also after another view was shown.
  await runs.open();
  await compare.tab.click();
  await expect(compare.logEpochAxis).toBeChecked();
  await expect(compare.lossChart).toHaveAttribute('data-epoch-axis', 'log');

  await compare.logEpochAxis.uncheck();
  await expect(compare.lossChart).toHaveAttribute('data-epoch-axis', 'linear');
  await expect.poll(async () => (await extents())[1]).toBeLessThan(MAX_LINEAR_EXTENT);
});
