/**
 * Feature matrices in the layouts the trainer understands. Rows are samples, columns features.
 * Every layout stores values as float64 so that a sparse and a dense copy of the same data train
 * to the same weights, up to the order of floating-point sums.
 */

/** Row-major dense values: `data[row * cols + col]`. */
export interface DenseMatrix {
  kind: 'dense';
  rows: number;
  cols: number;
  data: Float64Array;
}

/**
 * Compressed sparse rows whose stored values are all 1 (one-hot and other 0/1 data). The
 * non-zeros of row r are columns `colIndex[rowStart[r]]` up to, not including,
 * `colIndex[rowStart[r + 1]]`, in increasing order.
 */
export interface BinaryMatrix {
  kind: 'binary';
  rows: number;
  cols: number;
  rowStart: Uint32Array;
  colIndex: Uint32Array;
}

/** Compressed sparse rows with explicit values; the layout matches `BinaryMatrix`. */
export interface CsrMatrix {
  kind: 'csr';
  rows: number;
  cols: number;
  rowStart: Uint32Array;
  colIndex: Uint32Array;
  values: Float64Array;
}

export type FeatureMatrix = DenseMatrix | BinaryMatrix | CsrMatrix;

/** The layout name shown to people: dense, binary (0/1 sparse) or sparse. */
export type MatrixStructure = FeatureMatrix['kind'];
