import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, saveScreenshot, test } from '../fixtures/app';
import { SHARED_DATA_DIR } from '../fixtures/paths';
import { AlertBanner } from '../pages/alertBanner';
import { DatasetPanel } from '../pages/datasetPanel';
import { TrainingForm } from '../pages/trainingForm';

// The maximum the form accepts. At well under 1 ms an epoch this run would still train for many
// seconds, far longer than the spec waits before it cancels.
const EPOCHS = 1_000_000;

const LOCKED_TIP = 'The data set cannot change while a run trains.';
const DROP_TIP = /^Or drop one sequence file, or two \.npy files, onto the window\.$/;

// The splice set as numpy arrays, kept beside the repository rather than in it.
const FEATURES = join(SHARED_DATA_DIR, 'dna_cleaner.npy');
const LABELS = join(SHARED_DATA_DIR, 'dna_clean_labels.npy');

test('verifies data set locks while training', async ({ app }, testInfo) => {
  const page = app.page;
  const dataset = new DatasetPanel(page);
  const form = new TrainingForm(page);
  await expect(dataset.name).toHaveText(/splice/i);
  await expect(dataset.openNpyPairButton).toBeEnabled();
  await expect(dataset.tip).toHaveText(DROP_TIP);

  await form.setOption('Epochs', String(EPOCHS));
  await form.train();
  await expect(form.progressEpoch).not.toHaveText(/^\s*(—|0 of)/);
  await expect(dataset.openNpyPairButton).toBeDisabled();
  await expect(dataset.openSequencesButton).toBeDisabled();
  await expect(page.getByLabel('Class 0', { exact: true })).toBeDisabled();
  await expect(page.getByLabel('Class 1', { exact: true })).toBeDisabled();
  await expect(dataset.tip).toHaveText(LOCKED_TIP);

  // A file dragged over the window is refused with the reason, and dropping it changes nothing.
  // Written as text, because the spec is compiled without the DOM's types.
  const dataTransfer = await page.evaluateHandle(
    `(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(['EI, X-1, ACGT\\n'], 'other.data'));
      return transfer;
    })()`,
  );
  await page.dispatchEvent('body', 'dragover', { dataTransfer });
  await expect(page.getByTestId('drop-hint')).toContainText('A run is training');
  await saveScreenshot(page, testInfo, { suffix: 'running' });
  await page.dispatchEvent('body', 'drop', { dataTransfer });
  await expect(page.getByTestId('drop-hint')).toBeHidden();

  await form.cancel();
  await expect(form.progress).toBeHidden();
  await expect(dataset.openNpyPairButton).toBeEnabled();
  await expect(dataset.openSequencesButton).toBeEnabled();
  await expect(page.getByLabel('Class 0', { exact: true })).toBeEnabled();
  await expect(dataset.tip).toHaveText(DROP_TIP);
  // The drop made while the run trained was ignored, not opened late or reported.
  await expect(dataset.name).toHaveText(/splice/i);
  await expect(new AlertBanner(page).region).toBeEmpty();
  await saveScreenshot(page, testInfo);
});

test('verifies splice set returns after npy pair', async ({ app }, testInfo) => {
  test.skip(
    !existsSync(FEATURES) || !existsSync(LABELS),
    `the splice .npy pair is not in ${SHARED_DATA_DIR}`,
  );
  const dataset = new DatasetPanel(app.page);
  await expect(dataset.name).toHaveText(/splice/i);
  // The embedded set is open, so there is nothing to go back to.
  await expect(dataset.useSpliceButton).toBeHidden();

  await app.answerOpenDialog([FEATURES, LABELS]);
  await dataset.openNpyPair();
  await expect(dataset.name).toHaveText('dna_cleaner.npy + dna_clean_labels.npy');
  await expect(dataset.classCount('2')).toBeVisible();
  await expect(dataset.useSpliceButton).toBeVisible();
  await saveScreenshot(app.page, testInfo, { suffix: 'npy-open' });

  await dataset.useSpliceButton.click();
  await expect(dataset.name).toHaveText(/splice/i);
  await expect(dataset.classCount('EI')).toContainText('767');
  await expect(dataset.classCount('IE')).toContainText('768');
  await expect(dataset.useSpliceButton).toBeHidden();
  await expect(app.page.getByText(/Features from dna_cleaner\.npy/)).toBeHidden();
  await expect(app.page.getByLabel('Class 0', { exact: true })).toHaveValue('EI');
  await expect(app.page.getByLabel('Class 1', { exact: true })).toHaveValue('IE');
  await saveScreenshot(app.page, testInfo, { suffix: 'splice-again' });
});
