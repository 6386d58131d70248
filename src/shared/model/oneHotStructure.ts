/**
 * Detection of one-hot structure: columns fall into groups, in column order, and every row has
 * exactly one non-zero, equal to 1, in each group. Such a row is fully described by the column
 * of its non-zero in each group, which is what the one-hot training path works on.
 */
import type { BinaryMatrix, CsrMatrix, DenseMatrix, FeatureMatrix } from '../dataset/featureMatrix';

/**
 * Rows read at a time before their columns are written group by group, so that the writes to
 * each group's array go in runs of this length instead of one value at a time.
 */
const TRANSPOSE_ROWS = 512;

/** The groups of a one-hot matrix: group k spans columns `groupStart[k]` to `groupEnd[k]`. */
export interface OneHotGroups {
  groups: number;
  groupStart: Uint32Array;
  /** Last column of each group, inclusive. */
  groupEnd: Uint32Array;
}

/**
 * Returns the groups when every row of the matrix has the same number m >= 1 of non-zeros, all
 * equal to 1, and the k-th non-zero of every row lies in a column range that ends before the
 * range of the (k+1)-th begins. Rows then hold exactly one non-zero per range, so the ranges are
 * the groups. Returns null otherwise; the scan stops at the first row whose count of non-zeros
 * differs or that contains a value other than 0 and 1.
 */
export function detectOneHotGroups(matrix: FeatureMatrix): OneHotGroups | null {
  if (matrix.rows === 0) return null;
  switch (matrix.kind) {
    case 'binary':
      return detectSparseGroups(matrix);
    case 'csr':
      return allValuesOne(matrix.values) ? detectSparseGroups(matrix) : null;
    case 'dense':
      return detectDenseGroups(matrix);
  }
}

/**
 * Writes the columns of the non-zeros of `rows`, group by group: the column in group k of
 * `rows[i]` goes to `out[k * stride + offset + i]`. The matrix must be one-hot with these groups.
 */
export function readOneHotColumns(
  matrix: FeatureMatrix,
  groups: OneHotGroups,
  rows: Uint32Array,
  out: Uint32Array,
  offset: number,
  stride: number,
): void {
  const width = groups.groups;
  const block = new Uint32Array(TRANSPOSE_ROWS * width);
  for (let first = 0; first < rows.length; first += TRANSPOSE_ROWS) {
    const count = Math.min(TRANSPOSE_ROWS, rows.length - first);
    for (let i = 0; i < count; i++)
      readRowColumns(matrix, rows[first + i], block, i * width, width);
    for (let k = 0; k < width; k++) {
      const target = k * stride + offset + first;
      for (let i = 0; i < count; i++) out[target + i] = block[i * width + k];
    }
  }
}

/** Writes the columns of a one-hot row's `width` non-zeros to `out` from `at`. */
function readRowColumns(
  matrix: FeatureMatrix,
  row: number,
  out: Uint32Array,
  at: number,
  width: number,
): void {
  if (matrix.kind === 'dense') {
    readDenseNonZeros(matrix.data, row * matrix.cols, matrix.cols, out.subarray(at, at + width));
  } else {
    const start = matrix.rowStart[row];
    out.set(matrix.colIndex.subarray(start, start + width), at);
  }
}

function detectSparseGroups(matrix: BinaryMatrix | CsrMatrix): OneHotGroups | null {
  const { rows, rowStart, colIndex } = matrix;
  const groups = rowStart[1] - rowStart[0];
  if (groups === 0) return null;

  const bounds = new GroupBounds(groups);
  for (let row = 0; row < rows; row++) {
    const start = rowStart[row];
    if (rowStart[row + 1] - start !== groups) return null;
    for (let k = 0; k < groups; k++) bounds.include(k, colIndex[start + k]);
  }
  return bounds.toGroups();
}

function detectDenseGroups(matrix: DenseMatrix): OneHotGroups | null {
  const { rows, cols, data } = matrix;
  const columns = new Uint32Array(cols);
  const groups = readDenseNonZeros(data, 0, cols, columns);
  if (groups <= 0) return null;

  const bounds = new GroupBounds(groups);
  for (let row = 0; row < rows; row++) {
    if (readDenseNonZeros(data, row * cols, cols, columns) !== groups) return null;
    for (let k = 0; k < groups; k++) bounds.include(k, columns[k]);
  }
  return bounds.toGroups();
}

/**
 * Writes the columns of a dense row's non-zeros to `out` and returns their count, or -1 when a
 * value is neither 0 nor 1.
 */
function readDenseNonZeros(
  data: Float64Array,
  offset: number,
  cols: number,
  out: Uint32Array,
): number {
  let count = 0;
  for (let col = 0; col < cols; col++) {
    const value = data[offset + col];
    if (value === 0) continue;
    if (value !== 1) return -1;
    out[count++] = col;
  }
  return count;
}

function allValuesOne(values: Float64Array): boolean {
  for (let k = 0; k < values.length; k++) if (values[k] !== 1) return false;
  return true;
}

/** Running column range of the k-th non-zero of each row. */
class GroupBounds {
  private readonly start: Uint32Array;
  private readonly end: Uint32Array;

  constructor(readonly groups: number) {
    this.start = new Uint32Array(groups).fill(0xffffffff);
    this.end = new Uint32Array(groups);
  }

  include(group: number, col: number): void {
    if (col < this.start[group]) this.start[group] = col;
    if (col > this.end[group]) this.end[group] = col;
  }

  /** Returns the groups, or null when two ranges overlap. */
  toGroups(): OneHotGroups | null {
    for (let k = 1; k < this.groups; k++) if (this.start[k] <= this.end[k - 1]) return null;
    return { groups: this.groups, groupStart: this.start, groupEnd: this.end };
  }
}
