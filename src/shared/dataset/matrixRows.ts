import { InternalError } from '../errors';
import type { BinaryMatrix, CsrMatrix, DenseMatrix, FeatureMatrix } from './featureMatrix';

/**
 * Copies the given rows of a matrix, in the order given, into a new matrix of the same kind.
 * A row may be repeated. Throws `InternalError` for a row index outside the matrix.
 */
export function selectRows<M extends FeatureMatrix>(matrix: M, rows: ArrayLike<number>): M;
export function selectRows(matrix: FeatureMatrix, rows: ArrayLike<number>): FeatureMatrix {
  checkRowIndices(matrix, rows);
  switch (matrix.kind) {
    case 'dense':
      return selectDenseRows(matrix, rows);
    case 'binary':
      return selectBinaryRows(matrix, rows);
    case 'csr':
      return selectCsrRows(matrix, rows);
  }
}

function selectDenseRows(matrix: DenseMatrix, rows: ArrayLike<number>): DenseMatrix {
  const { cols } = matrix;
  const data = new Float64Array(rows.length * cols);
  for (let i = 0; i < rows.length; i++) {
    const start = rows[i] * cols;
    data.set(matrix.data.subarray(start, start + cols), i * cols);
  }
  return { kind: 'dense', rows: rows.length, cols, data };
}

function selectBinaryRows(matrix: BinaryMatrix, rows: ArrayLike<number>): BinaryMatrix {
  const { rowStart, colIndex } = selectSparseStructure(matrix, rows);
  return { kind: 'binary', rows: rows.length, cols: matrix.cols, rowStart, colIndex };
}

function selectCsrRows(matrix: CsrMatrix, rows: ArrayLike<number>): CsrMatrix {
  const { rowStart, colIndex } = selectSparseStructure(matrix, rows);
  const values = new Float64Array(colIndex.length);
  for (let i = 0; i < rows.length; i++) {
    const source = matrix.values.subarray(matrix.rowStart[rows[i]], matrix.rowStart[rows[i] + 1]);
    values.set(source, rowStart[i]);
  }
  return { kind: 'csr', rows: rows.length, cols: matrix.cols, rowStart, colIndex, values };
}

/** Copies the row offsets and column indices of the chosen rows of a sparse matrix. */
function selectSparseStructure(
  matrix: BinaryMatrix | CsrMatrix,
  rows: ArrayLike<number>,
): { rowStart: Uint32Array; colIndex: Uint32Array } {
  const rowStart = new Uint32Array(rows.length + 1);
  for (let i = 0; i < rows.length; i++) {
    const length = matrix.rowStart[rows[i] + 1] - matrix.rowStart[rows[i]];
    rowStart[i + 1] = rowStart[i] + length;
  }

  const colIndex = new Uint32Array(rowStart[rows.length]);
  for (let i = 0; i < rows.length; i++) {
    const source = matrix.colIndex.subarray(matrix.rowStart[rows[i]], matrix.rowStart[rows[i] + 1]);
    colIndex.set(source, rowStart[i]);
  }
  return { rowStart, colIndex };
}

function checkRowIndices(matrix: FeatureMatrix, rows: ArrayLike<number>): void {
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (!Number.isInteger(row) || row < 0 || row >= matrix.rows) {
      throw new InternalError(`row index ${row} is outside a matrix of ${matrix.rows} rows`);
    }
  }
}
