import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Result } from '../../src/shared/errors';
import {
  expectFailure,
  openEmbedded,
  startServices,
  trainRequest,
  type ServicesFixture,
} from './fixtures/workbenchServicesFixture';

let fixture: ServicesFixture | null = null;

afterEach(async () => {
  await fixture?.cleanup();
  fixture = null;
});

const RUN_ID = '20261204T153012Z-3f9a1c';
const DATASET_ID = 'dataset-0123456789ab';

/** Invokes a call that must be rejected and returns the failure message. */
async function expectInvalidPayload(method: unknown, args: unknown): Promise<string> {
  const result = (await fixture!.services.invoke(method as string, args)) as Result<unknown>;
  expect(result.ok).toBe(false);
  if (result.ok) return '';
  expect(result.error.code).toBe('invalid-payload');
  const warnings = fixture!.logLines.filter((entry) => entry.level === 'warn');
  expect(warnings.at(-1)?.line).toContain(result.error.message);
  return result.error.message;
}

describe('createWorkbenchServices invoke', () => {
  it.each([['runs.destroy'], ['__proto__'], ['constructor'], ['toString'], [42], [null]])(
    'rejects the unknown method %s',
    async (method) => {
      fixture = await startServices();
      expect(await expectInvalidPayload(method, [])).toMatch(/^unknown method/);
    },
  );

  it.each([
    [
      'arguments that are not an array',
      'runs.list',
      { 0: RUN_ID },
      /the arguments must be an array/,
    ],
    ['a missing argument', 'runs.get', [], /expected 1 argument, got 0/],
    ['an extra argument', 'runs.remove', [RUN_ID, RUN_ID], /expected 1 argument, got 2/],
    ['a number for an id', 'runs.get', [42], /runId must be a string, got 42/],
    ['an id with ../', 'runs.get', ['../../etc/passwd'], /runId must be a run id/],
    ['an id with a suffix', 'runs.remove', [`${RUN_ID}/../x`], /runId must be a run id/],
    ['upper-case hex in an id', 'runs.get', [RUN_ID.toUpperCase()], /runId must be a run id/],
    [
      'a huge name',
      'runs.rename',
      [RUN_ID, 'x'.repeat(1_000_000)],
      /at most 200 characters, got a string of 1000000/,
    ],
    ['a blank name', 'runs.rename', [RUN_ID, '   '], /at least 1 non-blank/],
    ['a name with a line break', 'runs.rename', [RUN_ID, 'a\nb'], /without control characters/],
    [
      'an unknown dialog kind',
      'datasets.chooseFiles',
      ['any'],
      /kind must be one of "npy-pair", "sequences"/,
    ],
    ['an unknown request kind', 'datasets.open', [{ kind: 'url' }], /request.kind must be one of/],
    [
      'a relative path',
      'datasets.open',
      [{ kind: 'sequences', path: 'splice.data' }],
      /must be an absolute path/,
    ],
    [
      'a huge path',
      'datasets.open',
      [{ kind: 'sequences', path: `/${'a'.repeat(5000)}` }],
      /at most 4096 characters/,
    ],
    [
      'a path on an embedded request',
      'datasets.open',
      [{ kind: 'embedded', path: '/x' }],
      /unknown key "path"/,
    ],
    [
      'a missing labels path',
      'datasets.open',
      [{ kind: 'npy', featuresPath: '/x.npy' }],
      /missing the key "labelsPath"/,
    ],
  ])('rejects %s', async (_case, method, args, message) => {
    fixture = await startServices();
    expect(await expectInvalidPayload(method, args)).toMatch(message);
  });

  it.each([
    ['NaN', { learningRate: Number.NaN }, /learningRate must be a finite number, got NaN/],
    ['infinity', { epochs: Number.POSITIVE_INFINITY }, /epochs must be a finite number/],
    ['a string', { seed: '0' }, /seed must be a finite number, got "0"/],
    ['an unknown option', { momentum: 0.9 }, /unknown key "momentum"/],
    ['epochs out of range', { epochs: 0 }, /epochs/],
    ['a negative learning rate', { learningRate: -1 }, /learning rate must be greater than 0/],
  ])('rejects options with %s', async (_case, options, message) => {
    fixture = await startServices();
    const request = { ...trainRequest(DATASET_ID, ['EI', 'IE']), options };
    expect(await expectInvalidPayload('training.start', [request])).toMatch(message);
  });

  it.each([
    [
      'an extra key',
      { ...trainRequest(DATASET_ID, ['EI', 'IE']), priority: 1 },
      /unknown key "priority"/,
    ],
    [
      'three classes',
      { ...trainRequest(DATASET_ID, ['EI', 'IE']), classes: ['EI', 'IE', 'N'] },
      /request.classes must name two classes, got 3/,
    ],
    [
      'a number as class',
      { ...trainRequest(DATASET_ID, ['EI', 'IE']), classes: ['EI', 1] },
      /classes\[1\] must be a string/,
    ],
    [
      'a bad data set id',
      trainRequest('../dataset', ['EI', 'IE']),
      /datasetId must be a data set id/,
    ],
    ['an array as request', [DATASET_ID], /request must be an object, got an array/],
  ])('rejects a train request with %s', async (_case, request, message) => {
    fixture = await startServices();
    expect(await expectInvalidPayload('training.start', [request])).toMatch(message);
  });

  it.each([
    ['__proto__', '{"kind":"embedded","__proto__":{"polluted":true}}'],
    ['constructor', '{"kind":"embedded","constructor":{"prototype":{"polluted":true}}}'],
  ])('rejects a %s key', async (key, json) => {
    fixture = await startServices();
    const message = await expectInvalidPayload('datasets.open', [JSON.parse(json)]);
    expect(message).toContain(`unknown key "${key}"`);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('rejects an object with a prototype', async () => {
    fixture = await startServices();
    const request = Object.create({ kind: 'embedded' });
    expect(await expectInvalidPayload('datasets.open', [request])).toMatch(/must be an object/);
  });

  it('keeps a file outside the runs folder', async () => {
    fixture = await startServices();
    const victim = join(fixture.userDataDir, 'victim.json');
    await writeFile(victim, '{}');
    await expectInvalidPayload('runs.remove', ['../victim']);
    expect(await readdir(fixture.userDataDir)).toContain('victim.json');
  });

  it('reports an unknown data set', async () => {
    fixture = await startServices();
    const result = await fixture.services.invoke('training.start', [
      trainRequest(DATASET_ID, ['EI', 'IE']),
    ]);
    expect(expectFailure(result).code).toBe('not-found');
  });

  it('reports an unknown class', async () => {
    fixture = await startServices();
    const dataset = await openEmbedded(fixture.services);
    const result = await fixture.services.invoke('training.start', [
      trainRequest(dataset.id, ['EI', 'XX']),
    ]);
    expect(expectFailure(result).code).toBe('unknown-class');
  });

  it('keeps working after rejected calls', async () => {
    fixture = await startServices();
    await expectInvalidPayload('runs.get', ['../x']);
    await expectInvalidPayload('nope', null);
    expect(await fixture.services.invoke('runs.list', [])).toEqual({ runs: [], warnings: [] });
  });
});
