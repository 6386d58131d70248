import { describe, expect, it } from 'vitest';
import { selectClasses } from '../../src/shared/dataset/selectClasses';
import { runTraining } from '../../src/shared/training/runTraining';
import { buildRunRecord, defaultRunName, hashRowIndices } from '../../src/main/runs/buildRunRecord';
import { parseRunRecord } from '../../src/main/store/parseRunRecord';
import { readSeedRunReference } from './fixtures/seedRunReference';
import { makeSmallDataset } from './fixtures/smallRunRecord';

const ID = '20261204T153012Z-3f9a1c';
const CREATED_AT = new Date('2026-12-04T15:30:12.345Z');

describe('hashRowIndices', () => {
  // Expected digests: hashlib.sha256(np.array(rows, dtype='<u4').tobytes()).hexdigest() with
  // numpy 2.4, where rows are the splice test rows of test/fixtures/seed-run.json `splits[0]`.
  it('matches numpy for the splice test rows', () => {
    const rows = Uint32Array.from(readSeedRunReference().splits[0].testRows);
    expect(hashRowIndices(rows)).toBe(
      '796c54817f98a7892548d0d5de42344bc93f202b6f42c3d29b5e59e7e62d456f',
    );
  });

  it('writes little-endian uint32', () => {
    const rows = Uint32Array.from([1, 2, 3, 65536 * 65535]);
    expect(hashRowIndices(rows)).toBe(
      '440ec8fcfb73cee7a6e746e85e4295dcf554d9425476fe360605477edd479918',
    );
  });

  it('hashes no rows as empty input', () => {
    expect(hashRowIndices(new Uint32Array(0))).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
  });
});

describe('defaultRunName', () => {
  it('groups the digits of large epoch counts', () => {
    const options = { testSize: 0.25, seed: 0, epochs: 1_000_000, learningRate: 0.05 };
    expect(defaultRunName(['EI', 'IE'], options)).toBe('EI vs IE, lr 0.05, 1,000,000 epochs');
  });
});

describe('buildRunRecord', () => {
  const dataset = makeSmallDataset();
  const classes: [string, string] = ['no', 'yes'];
  const options = { testSize: 0.25, seed: 0, epochs: 10, learningRate: 0.5 };
  const build = (outcome: ReturnType<typeof runTraining>, name?: string) =>
    buildRunRecord({
      id: ID,
      name,
      createdAt: CREATED_AT,
      appVersion: '1.2.3',
      dataset,
      classes,
      options,
      outcome,
    });

  it('records a finished run', () => {
    const outcome = runTraining(selectClasses(dataset, classes), options);
    const record = build(outcome);

    expect(record.status).toBe('finished');
    expect(record.failure).toBeUndefined();
    expect(record.createdAt).toBe('2026-12-04T15:30:12.345Z');
    expect(record.name).toBe('no vs yes, lr 0.5, 10 epochs');
    expect(record.dataset).toEqual({
      source: dataset.source,
      name: 'x.npy',
      contentHash: dataset.contentHash,
      rows: 20,
      cols: 2,
      dtype: 'float64',
      classLabels: classes,
    });
    expect(record.split).toEqual({
      method: 'sklearn-train-test-split',
      seed: 0,
      testSize: 0.25,
      trainRows: 15,
      testRows: 5,
      testRowsHash: hashRowIndices(outcome.testRows),
    });
    expect(record.model).toEqual({ featureNames: ['x0', 'x1'], ...outcome.model });
    expect(record.metrics).toEqual(outcome.metrics);
    expect(parseRunRecord(JSON.parse(JSON.stringify(record)), 'run.json')).toEqual(record);
  });

  it('keeps a given name', () => {
    const outcome = runTraining(selectClasses(dataset, classes), options);
    expect(build(outcome, 'baseline').name).toBe('baseline');
  });

  it('records why a run was cancelled', () => {
    const outcome = runTraining(selectClasses(dataset, classes), options, {
      shouldStop: () => true,
    });
    const record = build(outcome);

    expect(record.status).toBe('cancelled');
    expect(record.failure?.code).toBe('cancelled');
    expect(record.epochsCompleted).toBe(0);
    expect(record.model).toBeNull();
  });

  it('leaves out a model with NaN', () => {
    const outcome = runTraining(selectClasses(dataset, classes), options);
    const record = build({ ...outcome, model: { weights: [Number.NaN, 1], bias: 0 } });

    expect(record.model).toBeNull();
    expect(record.metrics).toBeNull();
    expect(record.testPredictions).toBeNull();
  });
});
