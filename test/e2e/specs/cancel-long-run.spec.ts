import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunRecord } from '../../../src/shared/runs/runRecord';
import { expect, saveScreenshot, test } from '../fixtures/app';
import { ResultView } from '../pages/resultView';
import { RunsView } from '../pages/runsView';
import { TrainingForm } from '../pages/trainingForm';

// The maximum number of epochs: at about 0.06 ms an epoch on the splice problem, this run would
// train for about a minute unless cancelled, far longer than the spec waits.
const EPOCHS = 1_000_000;

test('verifies cancelled run is stored', async ({ app }, testInfo) => {
  const form = new TrainingForm(app.page);
  await form.setOption('Epochs', String(EPOCHS));
  await form.train();
  await expect(form.progressEpoch).toContainText('of 1,000,000');
  await expect(form.progressEpoch).not.toHaveText(/^\s*0 of/);

  await form.cancel();
  const result = new ResultView(app.page);
  await expect(result.runStatus).toContainText('Cancelled');
  await expect(result.runStatus).toContainText('of 1,000,000 epochs');
  await expect(form.progress).toBeHidden();
  await expect(form.announcement).toHaveText(
    /^Training cancelled after [\d,]+ of 1,000,000 epochs$/,
  );

  await app.page.reload();
  const runs = new RunsView(app.page);
  await runs.open();
  await expect(runs.rows).toHaveCount(1);
  await expect(runs.status(runs.rows.first())).toHaveText('cancelled');
  await saveScreenshot(app.page, testInfo);

  // The stored file itself, as the app wrote it into its user data folder.
  const folder = join(app.userDataDir, 'runs');
  const files = (await readdir(folder)).filter((name) => name.endsWith('.json'));
  expect(files).toHaveLength(1);
  const record = JSON.parse(await readFile(join(folder, files[0]), 'utf8')) as RunRecord;
  expect(record.status).toBe('cancelled');
  expect(record.options.epochs).toBe(EPOCHS);
  expect(record.epochsCompleted).toBeGreaterThan(0);
  expect(record.epochsCompleted).toBeLessThan(EPOCHS);
  expect(record.loss.train).toHaveLength(record.epochsCompleted);
});
