import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  WEIGHTS_FORMAT_NAME,
  WEIGHTS_FORMAT_VERSION,
  type WeightsExport,
} from '../../../src/shared/runs/runRecord';
import { expect, saveScreenshot, test } from '../fixtures/app';
import { percentText, SPLICE_REFERENCE } from '../fixtures/spliceReference';
import { ResultView } from '../pages/resultView';
import { RunsView } from '../pages/runsView';
import { TrainingForm } from '../pages/trainingForm';

let folder: string;

test.beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'logreg-export-'));
});

test.afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

test('verifies exported weights on disk', async ({ app }, testInfo) => {
  await new TrainingForm(app.page).train();
  await expect(new ResultView(app.page).testAccuracy).toHaveText(
    percentText(SPLICE_REFERENCE.testAccuracy),
  );

  const runs = new RunsView(app.page);
  await runs.open();
  const target = join(folder, 'splice weights.json');
  await app.answerSaveDialog(target);
  await runs.exportWeights(runs.rows.first());
  await expect(runs.exportStatus).toContainText(target);
  await saveScreenshot(app.page, testInfo);

  const exported = JSON.parse(await readFile(target, 'utf8')) as WeightsExport;
  expect(exported.format).toBe(WEIGHTS_FORMAT_NAME);
  expect(exported.version).toBe(WEIGHTS_FORMAT_VERSION);
  expect(exported.weights).toHaveLength(SPLICE_REFERENCE.featureCount);
  expect(exported.featureNames).toHaveLength(SPLICE_REFERENCE.featureCount);
  expect(exported.weights.every(Number.isFinite)).toBe(true);
  expect(Number.isFinite(exported.bias)).toBe(true);
  expect(exported.classLabels).toEqual(SPLICE_REFERENCE.classes);
  // 372 of 384 test rows is exactly 0.96875 in binary floating point, so no tolerance is needed.
  expect(exported.metrics.test.accuracy).toBe(SPLICE_REFERENCE.testAccuracy);
  expect(exported.options.learningRate).toBe(SPLICE_REFERENCE.learningRate);
});
