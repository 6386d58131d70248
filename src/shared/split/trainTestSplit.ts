import { InputError, InternalError } from '../errors';
import { RandomState } from '../random/randomState';

/** Training and test rows, as indices into the rows that were split, in split order. */
export interface TrainTestSplit {
  trainRows: Uint32Array;
  testRows: Uint32Array;
}

/** Number of rows on each side of a split. */
export interface SplitSizes {
  trainCount: number;
  testCount: number;
}

/**
 * Splits `rows` row indices as scikit-learn's
 * `train_test_split(np.arange(rows), test_size=testSize, random_state=seed)` does with its
 * defaults (shuffle=True, no stratify): one `RandomState(seed).permutation(rows)`, whose first
 * `testCount` entries are the test rows and whose remaining entries are the training rows.
 * `testSize` is a fraction in (0, 1) or an integer count of test rows.
 * Throws `InputError('invalid-option')` where scikit-learn raises ValueError.
 */
export function trainTestSplit(rows: number, testSize: number, seed: number): TrainTestSplit {
  const { trainCount, testCount } = validateSplitSizes(rows, testSize);
  const permutation = new RandomState(seed).permutation(rows);
  return {
    trainRows: permutation.slice(testCount, testCount + trainCount),
    testRows: permutation.slice(0, testCount),
  };
}

/**
 * Computes the size of each side as scikit-learn's `_validate_shuffle_split` does for a test size
 * alone: `ceil(testSize * rows)` test rows for a fraction, and every other row for training.
 * The fraction is rounded up after the floating-point product, so 0.28 of 25 rows is 8 test
 * rows, because 0.28 * 25 is 7.000000000000001.
 */
export function validateSplitSizes(rows: number, testSize: number): SplitSizes {
  if (!Number.isInteger(rows) || rows < 0) {
    throw new InternalError(`a split needs a non-negative integer row count, got ${rows}`);
  }
  if (!isValidTestSize(rows, testSize)) {
    throw new InputError(
      'invalid-option',
      `test size ${testSize} must be either positive and smaller than the number of rows ` +
        `${rows} or a fraction in the (0, 1) range`,
    );
  }

  const testCount = Number.isInteger(testSize) ? testSize : Math.ceil(testSize * rows);
  const trainCount = rows - testCount;
  if (trainCount === 0) {
    throw new InputError(
      'invalid-option',
      `with ${rows} rows and test size ${testSize}, the training set would be empty; ` +
        'choose a smaller test size or use more rows',
    );
  }
  return { trainCount, testCount };
}

/**
 * Returns whether `testSize` is a count of test rows in [1, rows - 1] when it is an integer, or a
 * fraction in (0, 1) when it is not.
 * NOTE: a JavaScript number cannot tell 1 from 1.0, so 1 is a count here where scikit-learn would
 * reject the float 1.0.
 */
function isValidTestSize(rows: number, testSize: number): boolean {
  if (Number.isInteger(testSize)) return testSize > 0 && testSize < rows;
  return testSize > 0 && testSize < 1;
}
