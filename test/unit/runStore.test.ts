import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputError } from '../../src/shared/errors';
import { summarizeRun } from '../../src/shared/runs/summarizeRun';
import { RunStore } from '../../src/main/store/runStore';
import { createRunId, isRunId } from '../../src/main/store/runId';
import { makeSmallRunRecord } from './fixtures/smallRunRecord';
import { createRecordingLogger, createTempDir } from './fixtures/workbenchServicesFixture';

const OLDER_ID = '20250101T090000Z-000aaa';
const NEWER_ID = '20260301T090000Z-000bbb';

let root: string;
let folder: string;
let store: RunStore;

beforeEach(async () => {
  root = await createTempDir();
  folder = join(root, 'runs');
  store = new RunStore(folder, createRecordingLogger().logger);
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function expectRejected(action: Promise<unknown>, code: string, message: RegExp) {
  const error = await action.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(InputError);
  expect((error as InputError).code).toBe(code);
  expect((error as InputError).message).toMatch(message);
}

describe('RunStore', () => {
  it('saves and reads a run', async () => {
    const record = makeSmallRunRecord(OLDER_ID);
    await store.save(record);

    expect(await readdir(folder)).toEqual([`${OLDER_ID}.json`]);
    expect(await store.get(OLDER_ID)).toEqual(JSON.parse(JSON.stringify(record)));
  });

  it('lists runs newest first', async () => {
    await store.save(makeSmallRunRecord(OLDER_ID));
    await store.save(makeSmallRunRecord(NEWER_ID));

    const listing = await store.list();
    expect(listing.runs.map((run) => run.id)).toEqual([NEWER_ID, OLDER_ID]);
    expect(listing.warnings).toEqual([]);
  });

  it('lists an empty store before any save', async () => {
    expect(await store.list()).toEqual({ runs: [], warnings: [] });
  });

  it('replaces a file whole and leaves no temporary file', async () => {
    await store.save(makeSmallRunRecord(OLDER_ID, 50));
    await store.save(makeSmallRunRecord(OLDER_ID, 3));

    expect(await readdir(folder)).toEqual([`${OLDER_ID}.json`]);
    const stored = JSON.parse(await readFile(join(folder, `${OLDER_ID}.json`), 'utf8'));
    expect(stored.epochsCompleted).toBe(3);
  });

  it('keeps the old file when a write fails', async () => {
    await store.save(makeSmallRunRecord(OLDER_ID));
    const before = await readFile(join(folder, `${OLDER_ID}.json`), 'utf8');
    // A folder in the place of the target makes the final rename fail after the data is written.
    await mkdir(join(folder, `${NEWER_ID}.json`));

    await expect(store.save(makeSmallRunRecord(NEWER_ID))).rejects.toThrow();
    expect((await readdir(folder)).sort()).toEqual([`${OLDER_ID}.json`, `${NEWER_ID}.json`]);
    expect(await readFile(join(folder, `${OLDER_ID}.json`), 'utf8')).toBe(before);
  });

  it('skips damaged and foreign files with warnings', async () => {
    await store.save(makeSmallRunRecord(NEWER_ID));
    await writeFile(join(folder, `${OLDER_ID}.json`), '{"formatVersion": 1, "id": ');
    await writeFile(join(folder, '20250202T090000Z-000ccc.json'), '{"hello": "world"}');
    await writeFile(join(folder, 'notes.json'), '{}');
    const renamed = { ...makeSmallRunRecord(NEWER_ID), id: OLDER_ID };
    await writeFile(join(folder, '20250303T090000Z-000ddd.json'), JSON.stringify(renamed));
    const nanWeights = makeSmallRunRecord('20250404T090000Z-000eee');
    await writeFile(
      join(folder, '20250404T090000Z-000eee.json'),
      JSON.stringify(nanWeights).replace('"bias":', '"bias":"NaN","was":'),
    );

    const listing = await store.list();
    expect(listing.runs.map((run) => run.id)).toEqual([NEWER_ID]);
    expect(listing.warnings).toHaveLength(5);
    const [damaged, foreign, mismatched, nan, notes] = listing.warnings;
    expect(foreign).toMatch(
      /20250202T090000Z-000ccc\.json: the file is missing the key "formatVersion"/,
    );
    expect(mismatched).toMatch(/20250303T090000Z-000ddd\.json: the file contains run/);
    expect(nan).toMatch(/20250404T090000Z-000eee\.json: model\.bias must be a finite number/);
    expect(damaged).toMatch(new RegExp(`${OLDER_ID}\\.json: the file is not valid JSON`));
    expect(notes).toMatch(/notes\.json: the file name is not a run id/);
  });

  it('notices a rewritten file', async () => {
    await store.save(makeSmallRunRecord(OLDER_ID));
    expect((await store.list()).runs[0].name).not.toBe('baseline');

    await store.rename(OLDER_ID, 'baseline');
    expect((await store.list()).runs[0].name).toBe('baseline');
    await writeFile(join(folder, `${OLDER_ID}.json`), '{');
    expect((await store.list()).warnings).toHaveLength(1);
  });

  it('ignores hidden files', async () => {
    await writeFile(
      join(await mkdir(folder, { recursive: true }).then(() => folder), '.DS_Store'),
      '',
    );
    expect(await store.list()).toEqual({ runs: [], warnings: [] });
  });

  it('rejects a file that holds another run', async () => {
    await store.save(makeSmallRunRecord(NEWER_ID));
    const newerPath = join(folder, `${NEWER_ID}.json`);
    const newerText = await readFile(newerPath, 'utf8');
    // A copy of the newer run under the older run's file name, as a backup by hand would leave.
    await writeFile(join(folder, `${OLDER_ID}.json`), newerText);

    await expectRejected(store.get(OLDER_ID), 'invalid-file', /the file contains run/);
    await expectRejected(store.rename(OLDER_ID, 'renamed'), 'invalid-file', /contains run/);
    expect(await readFile(newerPath, 'utf8')).toBe(newerText);
  });

  it('renames a run', async () => {
    await store.save(makeSmallRunRecord(OLDER_ID));
    const summary = await store.rename(OLDER_ID, 'baseline');

    expect(summary).toEqual(summarizeRun({ ...(await store.get(OLDER_ID)) }));
    expect(summary.name).toBe('baseline');
    expect((await store.get(OLDER_ID)).name).toBe('baseline');
  });

  it('removes a run', async () => {
    await store.save(makeSmallRunRecord(OLDER_ID));
    await store.remove(OLDER_ID);

    expect(await readdir(folder)).toEqual([]);
    await expectRejected(store.get(OLDER_ID), 'not-found', /does not exist/);
    await expectRejected(store.remove(OLDER_ID), 'not-found', /does not exist/);
  });

  it.each([
    '../victim',
    '..',
    `${OLDER_ID}/../../victim`,
    `${OLDER_ID}.json`,
    '',
    '20250101T090000Z-000AAA',
    '%2e%2e%2fvictim',
    'x'.repeat(10_000),
  ])('rejects the hostile id %j', async (id) => {
    await writeFile(join(root, 'victim.json'), JSON.stringify(makeSmallRunRecord(OLDER_ID)));

    await expectRejected(store.get(id), 'invalid-payload', /is not a valid run id/);
    await expectRejected(store.rename(id, 'x'), 'invalid-payload', /is not a valid run id/);
    await expectRejected(store.remove(id), 'invalid-payload', /is not a valid run id/);
    await expectRejected(
      store.save({ ...makeSmallRunRecord(OLDER_ID), id }),
      'invalid-payload',
      /is not a valid run id/,
    );
    expect(await readdir(root)).toEqual(['victim.json']);
  });
});

describe('createRunId', () => {
  it('makes a time-sortable id', () => {
    const id = createRunId(new Date('2026-12-04T15:30:12.345Z'));
    expect(id).toMatch(/^20261204T153012Z-[0-9a-f]{6}$/);
    expect(isRunId(id)).toBe(true);
    expect(createRunId(new Date('2026-12-04T15:30:13Z')) > id).toBe(true);
  });
});
