/**
 * The two matrix-vector products of logistic regression, one kernel per matrix kind. They are
 * written plainly, summing in row order and, within a row, in column order, so that a dense and a
 * sparse copy of the same 0/1 data give identical sums for finite vectors.
 */
import type { BinaryMatrix, CsrMatrix, DenseMatrix, FeatureMatrix } from '../dataset/featureMatrix';

/** Writes X·v into `out`, which has one entry per row of X. */
export function multiplyMatrixVector(
  matrix: FeatureMatrix,
  vector: Float64Array,
  out: Float64Array,
): void {
  switch (matrix.kind) {
    case 'dense':
      return multiplyDense(matrix, vector, out);
    case 'binary':
      return multiplyBinary(matrix, vector, out);
    case 'csr':
      return multiplyCsr(matrix, vector, out);
  }
}

/** Writes Xᵀ·v into `out`, which has one entry per column of X. */
export function multiplyTransposedVector(
  matrix: FeatureMatrix,
  vector: Float64Array,
  out: Float64Array,
): void {
  out.fill(0);
  switch (matrix.kind) {
    case 'dense':
      return multiplyDenseTransposed(matrix, vector, out);
    case 'binary':
      return multiplyBinaryTransposed(matrix, vector, out);
    case 'csr':
      return multiplyCsrTransposed(matrix, vector, out);
  }
}

function multiplyDense(matrix: DenseMatrix, vector: Float64Array, out: Float64Array): void {
  const { rows, cols, data } = matrix;
  for (let row = 0; row < rows; row++) {
    const offset = row * cols;
    let sum = 0;
    for (let col = 0; col < cols; col++) sum += data[offset + col] * vector[col];
    out[row] = sum;
  }
}

function multiplyBinary(matrix: BinaryMatrix, vector: Float64Array, out: Float64Array): void {
  const { rows, rowStart, colIndex } = matrix;
  for (let row = 0; row < rows; row++) {
    let sum = 0;
    for (let k = rowStart[row]; k < rowStart[row + 1]; k++) sum += vector[colIndex[k]];
    out[row] = sum;
  }
}

function multiplyCsr(matrix: CsrMatrix, vector: Float64Array, out: Float64Array): void {
  const { rows, rowStart, colIndex, values } = matrix;
  for (let row = 0; row < rows; row++) {
    let sum = 0;
    for (let k = rowStart[row]; k < rowStart[row + 1]; k++) sum += values[k] * vector[colIndex[k]];
    out[row] = sum;
  }
}

function multiplyDenseTransposed(
  matrix: DenseMatrix,
  vector: Float64Array,
  out: Float64Array,
): void {
  const { rows, cols, data } = matrix;
  for (let row = 0; row < rows; row++) {
    const offset = row * cols;
    const factor = vector[row];
    for (let col = 0; col < cols; col++) out[col] += data[offset + col] * factor;
  }
}

function multiplyBinaryTransposed(
  matrix: BinaryMatrix,
  vector: Float64Array,
  out: Float64Array,
): void {
  const { rows, rowStart, colIndex } = matrix;
  for (let row = 0; row < rows; row++) {
    const factor = vector[row];
    for (let k = rowStart[row]; k < rowStart[row + 1]; k++) out[colIndex[k]] += factor;
  }
}

function multiplyCsrTransposed(matrix: CsrMatrix, vector: Float64Array, out: Float64Array): void {
  const { rows, rowStart, colIndex, values } = matrix;
  for (let row = 0; row < rows; row++) {
    const factor = vector[row];
    for (let k = rowStart[row]; k < rowStart[row + 1]; k++) out[colIndex[k]] += values[k] * factor;
  }
}
