import { describe, expect, it } from 'vitest';
import type {
  BinaryMatrix,
  CsrMatrix,
  DenseMatrix,
  FeatureMatrix,
} from '../../src/shared/dataset/featureMatrix';
import {
  multiplyMatrixVector,
  multiplyTransposedVector,
} from '../../src/shared/model/matrixKernels';

// The 0/1 matrix
//   [1 0 1 0]
//   [0 0 0 0]
//   [0 1 1 1]
// in each layout, and the same pattern with values 2, -1, 0.5, 3, 4 for the csr kernels.
const dense: DenseMatrix = {
  kind: 'dense',
  rows: 3,
  cols: 4,
  data: Float64Array.of(1, 0, 1, 0, 0, 0, 0, 0, 0, 1, 1, 1),
};
const binary: BinaryMatrix = {
  kind: 'binary',
  rows: 3,
  cols: 4,
  rowStart: Uint32Array.of(0, 2, 2, 5),
  colIndex: Uint32Array.of(0, 2, 1, 2, 3),
};
const csr: CsrMatrix = { ...binary, kind: 'csr', values: Float64Array.of(2, -1, 0.5, 3, 4) };

function timesVector(matrix: FeatureMatrix, vector: number[]): number[] {
  const out = new Float64Array(matrix.rows);
  multiplyMatrixVector(matrix, Float64Array.from(vector), out);
  return Array.from(out);
}

function transposedTimesVector(matrix: FeatureMatrix, vector: number[]): number[] {
  const out = new Float64Array(matrix.cols).fill(99);
  multiplyTransposedVector(matrix, Float64Array.from(vector), out);
  return Array.from(out);
}

describe('multiplyMatrixVector', () => {
  // v = [1, 10, 100, 1000]: row 0 is 1 + 100, row 1 is 0, row 2 is 10 + 100 + 1000.
  it.each([dense, binary])('computes X·v for a $kind matrix', (matrix) => {
    expect(timesVector(matrix, [1, 10, 100, 1000])).toEqual([101, 0, 1110]);
  });

  it('computes X·v for a csr matrix', () => {
    // Row 0: 2·1 - 1·100 = -98. Row 2: 0.5·10 + 3·100 + 4·1000 = 4305.
    expect(timesVector(csr, [1, 10, 100, 1000])).toEqual([-98, 0, 4305]);
  });
});

describe('multiplyTransposedVector', () => {
  // r = [1, 10, 100]: column 0 gets 1, column 1 gets 100, column 2 gets 1 + 100, column 3 100.
  it.each([dense, binary])('computes Xᵀ·r for a $kind matrix', (matrix) => {
    expect(transposedTimesVector(matrix, [1, 10, 100])).toEqual([1, 100, 101, 100]);
  });

  it('computes Xᵀ·r for a csr matrix', () => {
    // Column 0: 2·1. Column 1: 0.5·100. Column 2: -1·1 + 3·100. Column 3: 4·100.
    expect(transposedTimesVector(csr, [1, 10, 100])).toEqual([2, 50, 299, 400]);
  });

  it('gives dense and binary the same bits', () => {
    const vector = [0.1, Math.PI, -1e-17];
    expect(transposedTimesVector(binary, vector)).toEqual(transposedTimesVector(dense, vector));
    const weights = [0.3, -0.7, 1e-20, 5];
    expect(timesVector(binary, weights)).toEqual(timesVector(dense, weights));
  });
});
