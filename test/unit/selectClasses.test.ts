import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/shared/dataset/dataset';
import type { DenseMatrix } from '../../src/shared/dataset/featureMatrix';
import { selectClasses } from '../../src/shared/dataset/selectClasses';
import { expectInputError } from './fixtures/expectInputError';

// Five rows of one feature whose value is the row number, with classes a, b, c, b, a.
const dataset: Dataset = {
  source: { kind: 'embedded' },
  name: 'five rows',
  features: { kind: 'dense', rows: 5, cols: 1, data: Float64Array.of(0, 1, 2, 3, 4) },
  featureNames: ['row'],
  dtype: 'float64',
  classLabels: ['a', 'b', 'c'],
  labelCodes: Uint32Array.of(0, 1, 2, 1, 0),
  contentHash: '0'.repeat(64),
};

describe('selectClasses', () => {
  it('keeps the rows of both classes in file order', () => {
    const problem = selectClasses(dataset, ['a', 'b']);
    expect(Array.from(problem.sourceRows)).toEqual([0, 1, 3, 4]);
    expect(problem.features.kind).toBe('dense');
    expect(problem.features.rows).toBe(4);
    expect(Array.from((problem.features as DenseMatrix).data)).toEqual([0, 1, 3, 4]);
  });

  it('shares the matrix when both classes cover every row', () => {
    const twoClasses: Dataset = {
      ...dataset,
      classLabels: ['a', 'b'],
      labelCodes: Uint32Array.of(0, 1, 1, 1, 0),
    };
    const problem = selectClasses(twoClasses, ['b', 'a']);
    expect(problem.features).toBe(twoClasses.features);
    expect(Array.from(problem.sourceRows)).toEqual([0, 1, 2, 3, 4]);
    expect(Array.from(problem.targets)).toEqual([1, 0, 0, 0, 1]);
  });

  it('makes the first class named class 0', () => {
    expect(Array.from(selectClasses(dataset, ['a', 'b']).targets)).toEqual([0, 1, 1, 0]);
    const reversed = selectClasses(dataset, ['b', 'a']);
    expect(Array.from(reversed.targets)).toEqual([1, 0, 0, 1]);
    expect(reversed.classLabels).toEqual(['b', 'a']);
  });

  it('rejects an unknown class', () => {
    expectInputError(
      () => selectClasses(dataset, ['a', 'd']),
      'unknown-class',
      /^class 'd' is not in data set 'five rows'; its classes are 'a', 'b', 'c'$/,
    );
  });

  it('rejects the same class twice', () => {
    expectInputError(
      () => selectClasses(dataset, ['c', 'c']),
      'invalid-option',
      /^choose two different classes; both are 'c'$/,
    );
  });
});
