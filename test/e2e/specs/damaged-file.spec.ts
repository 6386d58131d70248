import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, saveScreenshot, test } from '../fixtures/app';
import { percentText, SPLICE_REFERENCE } from '../fixtures/spliceReference';
import { AlertBanner } from '../pages/alertBanner';
import { DatasetPanel } from '../pages/datasetPanel';
import { ResultView } from '../pages/resultView';
import { TrainingForm } from '../pages/trainingForm';

/** An .npy v1.0 file: magic, version, header length, a header padded to 64 bytes, then data. */
function npyFile(descr: string, shape: number[], data: Buffer): Buffer {
  const dict = `{'descr': '${descr}', 'fortran_order': False, 'shape': (${shape.join(', ')},), }`;
  const unpadded = 10 + dict.length + 1;
  const header = dict + ' '.repeat((64 - (unpadded % 64)) % 64) + '\n';
  const preamble = Buffer.from([
    0x93,
    ...Buffer.from('NUMPY'),
    1,
    0,
    header.length & 0xff,
    header.length >> 8,
  ]);
  return Buffer.concat([preamble, Buffer.from(header, 'latin1'), data]);
}

let folder: string;

test.beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'logreg-damaged-'));
});

test.afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

test('verifies damaged files are named', async ({ app }, testInfo) => {
  const dataset = new DatasetPanel(app.page);
  const alerts = new AlertBanner(app.page);
  await expect(dataset.name).toHaveText(/splice/i);

  // The header promises 20 rows of 4 float64 values (640 bytes); the file stops after 100.
  const truncated = join(folder, 'truncated_features.npy');
  const labels = join(folder, 'truncated_labels.npy');
  await writeFile(truncated, npyFile('<f8', [20, 4], Buffer.alloc(100)));
  await writeFile(labels, npyFile('<i8', [20], Buffer.alloc(20 * 8)));
  await app.answerOpenDialog([truncated, labels]);
  await dataset.openNpyPair();
  await expect(alerts.region).toContainText('truncated_features.npy');
  await saveScreenshot(app.page, testInfo, { suffix: 'npy' });
  await alerts.dismissAll();

  const garbage = join(folder, 'garbage.data');
  await writeFile(garbage, 'not, a splice, file\n\u0000\u0001\u0002 random bytes\n');
  await app.answerOpenDialog([garbage]);
  await dataset.openSequences();
  await expect(alerts.region).toContainText('garbage.data');
  await saveScreenshot(app.page, testInfo);

  // The embedded set stays open, so training goes on as before.
  await expect(dataset.name).toHaveText(/splice/i);
  await new TrainingForm(app.page).train();
  await expect(new ResultView(app.page).testAccuracy).toHaveText(
    percentText(SPLICE_REFERENCE.testAccuracy),
  );
});

test('verifies dropped damaged file is named', async ({ app }, testInfo) => {
  test.skip(
    app.mode !== 'browser',
    'a file made in the page has no path in Electron, so only the harness upload can open it',
  );
  const dataset = new DatasetPanel(app.page);
  await expect(dataset.name).toHaveText(/splice/i);

  // A drop as a person makes it: the window receives a File, which the harness uploads.
  const name = 'dropped garbage.data';
  const contents = 'EI, FAKE-1, ZZZZZZZZZZ\n';
  const dataTransfer = await app.page.evaluateHandle(
    `(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([${JSON.stringify(contents)}], ${JSON.stringify(name)}));
      return transfer;
    })()`,
  );
  await app.page.dispatchEvent('body', 'drop', { dataTransfer });

  await expect(new AlertBanner(app.page).region).toContainText(name);
  await expect(dataset.name).toHaveText(/splice/i);
  await saveScreenshot(app.page, testInfo, { suffix: 'drop' });
});
