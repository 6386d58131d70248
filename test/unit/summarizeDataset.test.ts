import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/shared/dataset/dataset';
import type { FeatureMatrix } from '../../src/shared/dataset/featureMatrix';
import { summarizeDataset } from '../../src/shared/dataset/summarizeDataset';

/** Three rows with 1, 0 and 2 non-zeros in the given layout, labelled b, a, b. */
function datasetWith(features: FeatureMatrix): Dataset {
  return {
    source: { kind: 'sequences', path: '/data/three.data' },
    name: 'three.data',
    features,
    featureNames: ['f0', 'f1'],
    dtype: 'float64',
    classLabels: ['b', 'a'],
    labelCodes: Uint32Array.of(0, 1, 0),
    contentHash: 'abc123',
  };
}

const rowStart = Uint32Array.of(0, 1, 1, 3);
const colIndex = Uint32Array.of(1, 0, 1);
const layouts: FeatureMatrix[] = [
  { kind: 'dense', rows: 3, cols: 2, data: Float64Array.of(0, 1, 0, 0, 2, 3) },
  { kind: 'binary', rows: 3, cols: 2, rowStart, colIndex },
  { kind: 'csr', rows: 3, cols: 2, rowStart, colIndex, values: Float64Array.of(1, 2, 3) },
];

describe('summarizeDataset', () => {
  it.each(layouts)('averages non-zeros of $kind rows', (features) => {
    const summary = summarizeDataset('d1', datasetWith(features));
    expect(summary.structure).toBe(features.kind);
    expect(summary.meanNonZerosPerRow).toBe(1);
  });

  it('counts classes in label order', () => {
    const summary = summarizeDataset('d1', datasetWith(layouts[0]));
    expect(summary.classCounts).toEqual([
      { label: 'b', count: 2 },
      { label: 'a', count: 1 },
    ]);
  });

  it('copies the description', () => {
    const summary = summarizeDataset('d1', datasetWith(layouts[1]));
    expect(summary).toMatchObject({
      id: 'd1',
      name: 'three.data',
      source: { kind: 'sequences', path: '/data/three.data' },
      rows: 3,
      cols: 2,
      dtype: 'float64',
      featureNames: ['f0', 'f1'],
      contentHash: 'abc123',
    });
  });
});
