import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import type { DatasetSummary } from '../../src/shared/dataset/dataset';
import type { RunListing } from '../../src/shared/ipc/workbenchApi';
import type { RunRecord } from '../../src/shared/runs/runRecord';
import { parseWeightsExport } from '../../src/shared/runs/weightsExport';
import { createTsxTrainingWorker } from '../../src/main/training/tsxWorker';
import { readSeedRunReference } from './fixtures/seedRunReference';
import {
  invokeOk,
  expectFailure,
  openEmbedded,
  startServices,
  trainRequest,
  writeSmallSequenceFile,
  type ServicesFixture,
} from './fixtures/workbenchServicesFixture';

let fixture: ServicesFixture | null = null;

afterEach(async () => {
  await fixture?.cleanup();
  fixture = null;
});

async function start(runRequest: ReturnType<typeof trainRequest>): Promise<string> {
  const { runId } = await invokeOk<{ runId: string }>(fixture!.services, 'training.start', [
    runRequest,
  ]);
  return runId;
}

async function openSmallProblem(): Promise<DatasetSummary> {
  const path = await writeSmallSequenceFile(fixture!.userDataDir);
  return invokeOk<DatasetSummary>(fixture!.services, 'datasets.open', [
    { kind: 'sequences', path },
  ]);
}

describe('createWorkbenchServices training', () => {
  it('trains a two-class data set twice with the same result', async () => {
    // Two classes cover every row, so the problem shares the data set's matrix. Sending it to
    // the worker must leave the loaded data set intact for the next run.
    fixture = await startServices();
    const dataset = await openSmallProblem();
    const request = trainRequest(dataset.id, ['low', 'high'], { epochs: 50 });
    const first = await fixture.finished(await start(request));
    const second = await fixture.finished(await start(request));

    expect(first.status).toBe('finished');
    expect(second.status).toBe('finished');
    expect(second.model?.weights).toEqual(first.model?.weights);
    expect(second.metrics?.test.accuracy).toBe(first.metrics?.test.accuracy);
  });

  it('trains splice EI vs IE with the defaults', async () => {
    fixture = await startServices();
    const dataset = await openEmbedded(fixture.services);
    const runId = await start(trainRequest(dataset.id, ['EI', 'IE']));
    const run = await fixture.finished(runId);

    // test/fixtures/seed-run.json `seedRun` has the accuracies of numpy 1.24 and scikit-learn 1.2
    // on the same data and options. They count whole rows, so they must match exactly.
    const reference = readSeedRunReference().seedRun;
    expect(run.status).toBe('finished');
    expect(run.metrics?.test.accuracy).toBe(reference.testAccuracy);
    expect(run.metrics?.train.accuracy).toBe(reference.trainAccuracy);
    expect(run.split.testRows).toBe(384);
    // SHA-256 of the scikit-learn test rows of seed-run.json `splits[0]`, as hashRowIndices's
    // test derives it with numpy.
    expect(run.split.testRowsHash).toBe(
      '796c54817f98a7892548d0d5de42344bc93f202b6f42c3d29b5e59e7e62d456f',
    );
    expect(run.model?.weights).toHaveLength(480);
    expect(run.loss.train).toHaveLength(300);

    const stored = JSON.parse(
      await readFile(join(fixture.userDataDir, 'runs', `${runId}.json`), 'utf8'),
    );
    expect(stored).toEqual(JSON.parse(JSON.stringify(run)));
    const listing = (await fixture.services.invoke('runs.list', [])) as RunListing;
    expect(listing.runs.map((summary) => summary.testAccuracy)).toEqual([0.96875]);
    expect(listing.warnings).toEqual([]);
  });

  it('throttles progress over 20 000 epochs', async () => {
    fixture = await startServices();
    const dataset = await openSmallProblem();
    const started = performance.now();
    const runId = await start(trainRequest(dataset.id, ['low', 'high'], { epochs: 20_000 }));
    const run = await fixture.finished(runId);
    const elapsedMs = performance.now() - started;

    const progress = fixture.progressOf(runId);
    // The worker sends at most one message per 50 ms, plus the first epoch and the last batch.
    expect(progress.length).toBeLessThanOrEqual(Math.ceil(elapsedMs / 50) + 2);
    expect(progress.length).toBeLessThan(200);
    expect(progress.at(-1)?.epoch).toBe(20_000);
    expect(progress.flatMap((message) => message.trainLossTail)).toEqual(run.loss.train);
    expect(progress.flatMap((message) => message.testLossTail)).toEqual(run.loss.test);
  });

  it('cancels a long run and trains again', async () => {
    fixture = await startServices();
    const dataset = await openEmbedded(fixture.services);
    const runId = await start(trainRequest(dataset.id, ['EI', 'IE'], { epochs: 1_000_000 }));
    await fixture.firstProgress(runId);

    const cancelledAt = performance.now();
    await fixture.services.invoke('training.cancel', [runId]);
    const cancelled = await fixture.finished(runId);
    // A splice epoch takes under a millisecond on a 2-core machine. One second leaves room to
    // store the file on a busy machine, but a run that missed the cancel would go on for minutes.
    expect(performance.now() - cancelledAt).toBeLessThan(1_000);
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.failure?.code).toBe('cancelled');
    expect(cancelled.epochsCompleted).toBeLessThan(1_000_000);
    expect(cancelled.loss.train).toHaveLength(cancelled.epochsCompleted);

    const second = await start(trainRequest(dataset.id, ['EI', 'IE']));
    expect((await fixture.finished(second)).metrics?.test.accuracy).toBe(0.96875);
  });

  it('rejects a start while a run trains', async () => {
    fixture = await startServices();
    const dataset = await openEmbedded(fixture.services);
    const runId = await start(trainRequest(dataset.id, ['EI', 'IE'], { epochs: 1_000_000 }));

    const busy = await fixture.services.invoke('training.start', [
      trainRequest(dataset.id, ['EI', 'N']),
    ]);
    expect(expectFailure(busy).code).toBe('busy');
    await fixture.services.invoke('training.cancel', [runId]);
    await fixture.finished(runId);
  });

  it('stores a run whose worker dies as failed', async () => {
    const workers: Worker[] = [];
    fixture = await startServices(() => {
      const worker = createTsxTrainingWorker();
      workers.push(worker);
      return worker;
    });
    const dataset = await openEmbedded(fixture.services);
    const runId = await start(trainRequest(dataset.id, ['EI', 'IE'], { epochs: 1_000_000 }));
    await fixture.firstProgress(runId);

    await workers[0].terminate();
    const failed = await fixture.finished(runId);
    expect(failed.status).toBe('failed');
    expect(failed.failure?.message).toMatch(/training worker stopped unexpectedly/);
    expect(failed.loss.train.length).toBeGreaterThan(0);

    const next = await start(trainRequest(dataset.id, ['EI', 'IE']));
    expect((await fixture.finished(next)).status).toBe('finished');
  });

  it('stores a run whose worker fails to load as failed', async () => {
    fixture = await startServices(
      () => new Worker('throw new Error("worker script is broken")', { eval: true }),
    );
    const dataset = await openEmbedded(fixture.services);
    const runId = await start(trainRequest(dataset.id, ['EI', 'IE']));

    const failed = await fixture.finished(runId);
    expect(failed.status).toBe('failed');
    expect(failed.failure?.code).toBe('internal');
    expect(failed.failure?.message).toMatch(/worker script is broken/);
    expect(failed.split.testRows).toBe(384);
  });

  it('stores a training run as cancelled on dispose', async () => {
    fixture = await startServices();
    const dataset = await openEmbedded(fixture.services);
    const runId = await start(trainRequest(dataset.id, ['EI', 'IE'], { epochs: 1_000_000 }));
    await fixture.firstProgress(runId);

    await fixture.services.dispose();
    const files = await readdir(join(fixture.userDataDir, 'runs'));
    expect(files).toEqual([`${runId}.json`]);
    const stored = JSON.parse(await readFile(join(fixture.userDataDir, 'runs', files[0]), 'utf8'));
    expect(stored.status).toBe('cancelled');
  });

  it('reports a run the store cannot save', async () => {
    fixture = await startServices();
    // A file where the runs folder belongs makes the store's mkdir fail, as a full or read-only
    // disk would, and does so even for root, whom file permissions do not stop.
    await writeFile(join(fixture.userDataDir, 'runs'), 'not a folder\n');
    const dataset = await openEmbedded(fixture.services);
    const runId = await start(trainRequest(dataset.id, ['EI', 'IE'], { epochs: 5 }));
    const run = await fixture.finished(runId);

    expect(run.status).toBe('finished');
    expect(run.epochsCompleted).toBe(5);
    const event = fixture.events.find((entry) => entry.type === 'training-finished');
    if (event?.type !== 'training-finished') throw new Error('no training-finished event');
    expect(event.saveError).toMatch(/EEXIST|ENOTDIR/);
    const logged = fixture.logLines.filter((entry) => entry.level === 'error');
    expect(logged.map((entry) => entry.line).join('\n')).toContain(`could not store run ${runId}`);

    const next = await start(trainRequest(dataset.id, ['EI', 'IE'], { epochs: 5 }));
    expect((await fixture.finished(next)).status).toBe('finished');
  });

  it('lists no runs with a warning when the folder is unreadable', async () => {
    fixture = await startServices();
    await writeFile(join(fixture.userDataDir, 'runs'), 'not a folder\n');
    const listing = (await fixture.services.invoke('runs.list', [])) as RunListing;

    expect(listing.runs).toEqual([]);
    expect(listing.warnings).toHaveLength(1);
    expect(listing.warnings[0]).toMatch(/^could not list the runs: .*(ENOTDIR|EEXIST)/);
  });

  it('sends no save error for a stored run', async () => {
    fixture = await startServices();
    const dataset = await openEmbedded(fixture.services);
    const runId = await start(trainRequest(dataset.id, ['EI', 'IE'], { epochs: 5 }));
    await fixture.finished(runId);

    const event = fixture.events.find((entry) => entry.type === 'training-finished');
    expect(event).toBeDefined();
    expect(event).not.toHaveProperty('saveError');
  });

  it('rejects a test size the rows cannot meet', async () => {
    fixture = await startServices();
    const dataset = await openEmbedded(fixture.services);
    const result = await fixture.services.invoke('training.start', [
      trainRequest(dataset.id, ['EI', 'IE'], { testSize: 5000 }),
    ]);

    expect(expectFailure(result).code).toBe('invalid-option');
    expect(await readdir(fixture.userDataDir)).toEqual([]);
  });
});

describe('createWorkbenchServices export', () => {
  it('writes weights that parse back', async () => {
    fixture = await startServices();
    const dataset = await openEmbedded(fixture.services);
    const runId = await start(trainRequest(dataset.id, ['EI', 'IE']));
    await fixture.finished(runId);

    const target = join(fixture.userDataDir, 'weights.json');
    fixture.saveAnswers.push(target);
    const written = await invokeOk<string | null>(fixture.services, 'export.exportWeights', [
      runId,
    ]);
    expect(written).toBe(target);

    const weights = parseWeightsExport(JSON.parse(await readFile(target, 'utf8')), target);
    expect(weights.format).toBe('logreg-workbench-weights');
    expect(weights.version).toBe(1);
    expect(weights.weights).toHaveLength(480);
    expect(weights.featureNames).toHaveLength(480);
    expect(weights.classLabels).toEqual(['EI', 'IE']);
    expect(weights.metrics.test.accuracy).toBe(0.96875);
    expect(weights.runId).toBe(runId);
  });

  it('names a target it cannot write', async () => {
    fixture = await startServices();
    const dataset = await openEmbedded(fixture.services);
    const runId = await start(trainRequest(dataset.id, ['EI', 'IE'], { epochs: 5 }));
    await fixture.finished(runId);

    const target = join(fixture.userDataDir, 'absent-folder', 'weights.json');
    fixture.saveAnswers.push(target);
    const failure = expectFailure(await fixture.services.invoke('export.exportWeights', [runId]));
    expect(failure.code).toBe('invalid-file');
    expect(failure.message).toBe(
      `could not write the weights to ${target}: its folder does not exist`,
    );
  });

  it('returns null when the dialog is cancelled', async () => {
    fixture = await startServices();
    const dataset = await openEmbedded(fixture.services);
    const runId = await start(trainRequest(dataset.id, ['EI', 'IE'], { epochs: 5 }));
    await fixture.finished(runId);

    fixture.saveAnswers.push(null);
    expect(await invokeOk(fixture.services, 'export.exportWeights', [runId])).toBeNull();
  });

  it('rejects a run without a model', async () => {
    fixture = await startServices();
    const dataset = await openEmbedded(fixture.services);
    // A test set of one row contains one class, so the run fails before training, with no model.
    const runId = await start(trainRequest(dataset.id, ['EI', 'IE'], { testSize: 1 }));
    const run: RunRecord = await fixture.finished(runId);
    expect(run.status).toBe('failed');
    expect(run.failure?.code).toBe('single-class');

    const result = await fixture.services.invoke('export.exportWeights', [runId]);
    expect(expectFailure(result).message).toMatch(/has no trained model/);
  });
});
