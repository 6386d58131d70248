/**
 * Features from an npy file: a 2-D array of bool, integers or floats, streamed into a
 * `MatrixBuilder` block by block so that a file larger than memory loads in the space of its
 * matrix.
 */
import type { FeatureMatrix } from '../../shared/dataset/featureMatrix';
import { MatrixBuilder } from '../../shared/dataset/matrixBuilder';
import { InputError } from '../../shared/errors';
import { READ_CHUNK_BYTES, type ReadTracker } from './dataFile';
import type { NpyBlock } from './npyBlock';
import { readNpyBlocks, type NpyFile } from './npyFile';
import { formatShape, type NpyHeader } from './npyHeader';

/** Integers beyond this magnitude have no exact float64 value. */
const MAX_EXACT_INTEGER = 2n ** 53n;

/** Returns `[rows, cols]`; throws `InputError` unless the header describes a non-empty matrix. */
export function checkFeaturesHeader(header: NpyHeader, file: string): [number, number] {
  if (header.dtype.kind === 'unicode') {
    throw new InputError(
      'unsupported-dtype',
      `${file} has dtype '${header.dtype.descr}' (strings), but features must be numbers`,
    );
  }
  if (header.shape.length !== 2) {
    throw new InputError(
      'shape-mismatch',
      `${file} has shape ${formatShape(header.shape)} but features must be 2-D (rows, columns)`,
    );
  }
  const [rows, cols] = header.shape;
  if (rows === 0 || cols === 0) {
    throw new InputError(
      'invalid-file',
      `${file} is empty: its shape is ${formatShape(header.shape)}`,
    );
  }
  return [rows, cols];
}

/**
 * Reads the features of a file that passed `checkFeaturesHeader`. `blockBytes` bounds the bytes
 * decoded at a time in a row-major file.
 */
export async function readNpyFeatures(
  npy: NpyFile,
  tracker: ReadTracker,
  blockBytes = READ_CHUNK_BYTES,
): Promise<FeatureMatrix> {
  const [rows, cols] = npy.header.shape;
  const builder = new MatrixBuilder(cols, rows);
  if (npy.header.fortranOrder && rows > 1 && cols > 1) {
    await readColumnMajor(npy, tracker, builder);
  } else {
    await readRowMajor(npy, tracker, builder, blockBytes);
  }
  return builder.finish();
}

async function readRowMajor(
  npy: NpyFile,
  tracker: ReadTracker,
  builder: MatrixBuilder,
  blockBytes: number,
): Promise<void> {
  const cols = builder.cols;
  const rowsPerBlock = Math.max(1, Math.floor(blockBytes / (cols * npy.header.dtype.itemSize)));
  let firstRow = 0;

  for await (const block of readNpyBlocks(npy, rowsPerBlock * cols, tracker)) {
    const offset = firstRow * cols;
    const values = decodeFeatures(block, npy.file.description, (i) => cellAt(offset + i, cols));
    const blockRows = block.count / cols;
    for (let row = 0; row < blockRows; row++) builder.addRow(values, row * cols);
    firstRow += blockRows;
  }
}

/**
 * Reads a Fortran-order file, whose elements are stored column after column; npyjs 1.2 returns
 * them in that order although it reports `fortranOrder`.
 *
 * NOTE: the whole file is read into memory, because its rows are not contiguous, so it must fit
 * in memory beside the matrix. Reading a block of rows with one positioned read per column would
 * lift that limit.
 */
async function readColumnMajor(npy: NpyFile, tracker: ReadTracker, builder: MatrixBuilder) {
  const [rows, cols] = npy.header.shape;
  const locate = (i: number) => columnMajorCellAt(i, rows);
  let values: ArrayLike<number> = [];
  for await (const block of readNpyBlocks(npy, rows * cols, tracker)) {
    values = decodeFeatures(block, npy.file.description, locate);
  }

  const row = new Float64Array(cols);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) row[c] = values[c * rows + r];
    builder.addRow(row);
  }
}

type Locate = (index: number) => string;

/** Names element `index` of a row-major matrix with `cols` columns. */
function cellAt(index: number, cols: number): string {
  return `row ${Math.floor(index / cols)}, column ${index % cols} (counted from 0)`;
}

/** Names element `index` of a column-major matrix with `rows` rows. */
function columnMajorCellAt(index: number, rows: number): string {
  return `row ${index % rows}, column ${Math.floor(index / rows)} (counted from 0)`;
}

/** Decodes a block to numbers, rejecting what float64 training cannot use. */
function decodeFeatures(block: NpyBlock, file: string, locate: Locate): ArrayLike<number> {
  const decoded = block.decodeNumbers();
  if (decoded instanceof BigInt64Array || decoded instanceof BigUint64Array) {
    return toExactNumbers(decoded, file, locate);
  }
  if (block.dtype.kind === 'float') checkFinite(decoded, file, locate);
  return decoded;
}

/** Converts int64 or uint64 values; npyjs 1.2 returns them as BigInt. */
function toExactNumbers(values: BigInt64Array | BigUint64Array, file: string, locate: Locate) {
  const numbers = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value > MAX_EXACT_INTEGER || value < -MAX_EXACT_INTEGER) {
      throw new InputError(
        'invalid-value',
        `${file} has the integer ${value} at ${locate(i)}, beyond 2^53, so float64 cannot hold it exactly`,
      );
    }
    numbers[i] = Number(value);
  }
  return numbers;
}

function checkFinite(values: ArrayLike<number>, file: string, locate: Locate): void {
  for (let i = 0; i < values.length; i++) {
    if (Number.isFinite(values[i])) continue;
    throw new InputError(
      'invalid-value',
      `${file} has ${values[i]} at ${locate(i)}; features must be finite numbers`,
    );
  }
}
