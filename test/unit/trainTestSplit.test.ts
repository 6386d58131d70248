import { describe, expect, it } from 'vitest';
import { trainTestSplit, validateSplitSizes } from '../../src/shared/split/trainTestSplit';
import { expectInputError } from './fixtures/expectInputError';
import { readSeedRunReference } from './fixtures/seedRunReference';

describe('trainTestSplit', () => {
  // test/fixtures/seed-run.json `splits`: scikit-learn 1.2's
  // train_test_split(np.arange(rows), test_size=testSize, random_state=seed), compared exactly.
  it.each(readSeedRunReference().splits)(
    'matches scikit-learn for $rows rows, testSize $testSize, seed $seed',
    (reference) => {
      const split = trainTestSplit(reference.rows, reference.testSize, reference.seed);
      expect(Array.from(split.trainRows)).toEqual(reference.trainRows);
      expect(Array.from(split.testRows)).toEqual(reference.testRows);
    },
  );

  // Expected rows: p = np.random.RandomState(seed).permutation(rows) with numpy 2.4, then
  // test = p[:n_test] and train = p[n_test:], which is what ShuffleSplit._iter_indices returns.
  it.each([
    {
      rows: 25,
      testSize: 0.28,
      seed: 1,
      trainRows: [4, 2, 20, 6, 7, 22, 1, 16, 0, 15, 24, 23, 9, 8, 12, 11, 5],
      testRows: [14, 13, 17, 3, 21, 10, 18, 19],
    },
    { rows: 10, testSize: 3, seed: 5, trainRows: [4, 7, 1, 0, 8, 6, 3], testRows: [9, 5, 2] },
    { rows: 7, testSize: 0.5, seed: 2 ** 32 - 1, trainRows: [4, 2, 3], testRows: [1, 5, 0, 6] },
    { rows: 2, testSize: 1, seed: 0, trainRows: [0], testRows: [1] },
  ])('matches numpy for $rows rows, testSize $testSize, seed $seed', (reference) => {
    const split = trainTestSplit(reference.rows, reference.testSize, reference.seed);
    expect(Array.from(split.trainRows)).toEqual(reference.trainRows);
    expect(Array.from(split.testRows)).toEqual(reference.testRows);
  });

  it('rejects an invalid seed', () => {
    expectInputError(() => trainTestSplit(10, 0.25, -1), 'invalid-option', /seed must be/);
  });
});

describe('validateSplitSizes', () => {
  it('rounds the test fraction up after the product', () => {
    // 0.28 * 25 is 7.000000000000001 in double precision, so ceil gives 8, as in scikit-learn.
    expect(validateSplitSizes(25, 0.28)).toEqual({ trainCount: 17, testCount: 8 });
    expect(validateSplitSizes(1535, 0.25)).toEqual({ trainCount: 1151, testCount: 384 });
    expect(validateSplitSizes(100, 0.3)).toEqual({ trainCount: 70, testCount: 30 });
  });

  it('takes an integer as a count of test rows', () => {
    expect(validateSplitSizes(10, 1)).toEqual({ trainCount: 9, testCount: 1 });
    expect(validateSplitSizes(10, 9)).toEqual({ trainCount: 1, testCount: 9 });
  });

  it.each([
    [10, 0],
    [10, -3],
    [10, 10],
    [10, 11],
    [10, 1.5],
    [10, -0.25],
    [10, Number.NaN],
    [10, Number.POSITIVE_INFINITY],
  ])('rejects %i rows with testSize %d', (rows, testSize) => {
    expectInputError(
      () => validateSplitSizes(rows, testSize),
      'invalid-option',
      new RegExp(
        `^test size ${testSize} must be either positive and smaller than the number of rows ` +
          `${rows} or a fraction in the \\(0, 1\\) range$`,
      ),
    );
  });

  it.each([
    [3, 0.9],
    [1, 0.25],
    [0, 0.5],
  ])('rejects an empty training set from %i rows and %d', (rows, testSize) => {
    // ceil(0.9 * 3), ceil(0.25 * 1) and ceil(0.5 * 0) put every row in the test set.
    expectInputError(
      () => validateSplitSizes(rows, testSize),
      'invalid-option',
      new RegExp(`^with ${rows} rows and test size ${testSize}, the training set would be empty`),
    );
  });
});
