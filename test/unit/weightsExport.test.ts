import { describe, expect, it } from 'vitest';
import { parseWeightsExport, toWeightsExport } from '../../src/shared/runs/weightsExport';
import { expectInputError } from './fixtures/expectInputError';
import { makeSmallRunRecord } from './fixtures/smallRunRecord';

const ID = '20261204T153012Z-3f9a1c';

function exportedJson(): Record<string, unknown> {
  return JSON.parse(JSON.stringify(toWeightsExport(makeSmallRunRecord(ID))));
}

describe('toWeightsExport', () => {
  it('exports the model of a run', () => {
    const record = makeSmallRunRecord(ID);
    const weights = toWeightsExport(record);

    expect(weights.format).toBe('logreg-workbench-weights');
    expect(weights.version).toBe(1);
    expect(weights.weights).toEqual(record.model?.weights);
    expect(weights.bias).toBe(record.model?.bias);
    expect(weights.featureNames).toEqual(['x0', 'x1']);
    expect(weights.classLabels).toEqual(['no', 'yes']);
    expect(weights.metrics).toEqual(record.metrics);
    expect(weights.runId).toBe(ID);
  });

  it('rejects a run without a model', () => {
    const record = {
      ...makeSmallRunRecord(ID),
      status: 'failed' as const,
      model: null,
      metrics: null,
    };
    expectInputError(() => toWeightsExport(record), 'not-found', /has no trained model.*failed/);
  });
});

function withTestAccuracy(accuracy: number) {
  return (json: Record<string, unknown>) => {
    const metrics = json.metrics as { train: object; test: object };
    return { ...json, metrics: { ...metrics, test: { ...metrics.test, accuracy } } };
  };
}

describe('parseWeightsExport', () => {
  it('reads back what toWeightsExport wrote', () => {
    const json = exportedJson();
    expect(parseWeightsExport(json, 'w.json')).toEqual(json);
  });

  it('allows unknown extra fields', () => {
    const json = { ...exportedJson(), notes: 'from a later version' };
    expect(parseWeightsExport(json, 'w.json')).toEqual(json);
  });

  it.each([
    ['not an object', () => [1, 2], /w\.json: the file must be an object, got an array/],
    [
      'another format',
      (json: Record<string, unknown>) => ({ ...json, format: 'onnx' }),
      /format must be "logreg-workbench-weights"/,
    ],
    [
      'a later version',
      (json: Record<string, unknown>) => ({ ...json, version: 2 }),
      /version must be 1, the version this program reads, got 2/,
    ],
    [
      'a missing bias',
      ({ bias: _bias, ...json }: Record<string, unknown>) => json,
      /missing the key "bias"/,
    ],
    [
      'a string weight',
      (json: Record<string, unknown>) => ({ ...json, weights: [1, '2'] }),
      /weights\[1\] must be a finite number, got "2"/,
    ],
    [
      'a NaN weight',
      (json: Record<string, unknown>) => ({ ...json, weights: [1, Number.NaN] }),
      /weights\[1\] must be a finite number, got NaN/,
    ],
    [
      'an infinite bias',
      (json: Record<string, unknown>) => ({ ...json, bias: Number.POSITIVE_INFINITY }),
      /bias must be a finite number, got Infinity/,
    ],
    [
      'names and weights of different lengths',
      (json: Record<string, unknown>) => ({ ...json, featureNames: ['x0'] }),
      /featureNames must be an array of 2 names/,
    ],
    [
      'three classes',
      (json: Record<string, unknown>) => ({ ...json, classLabels: ['a', 'b', 'c'] }),
      /classLabels must be an array of two class labels, got an array of 3 items/,
    ],
    [
      'an accuracy above 1',
      withTestAccuracy(1.5),
      /metrics\.test\.accuracy must be a number from 0 to 1/,
    ],
  ])('rejects %s', (_case, change, message) => {
    expectInputError(
      () => parseWeightsExport(change(exportedJson()), 'w.json'),
      'invalid-file',
      message,
    );
  });
});
