/**
 * The header of an npy file (format versions 1.0 to 3.0): the magic string `\x93NUMPY`, a version,
 * the header length, then a Python dict literal with `descr`, `fortran_order` and `shape`. The
 * data starts right after the header.
 */
import { InputError } from '../../shared/errors';
import { parseNpyDtype, type NpyDtype } from './npyDtype';
import { parsePythonLiteral, type PythonValue } from './pythonLiteral';

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59];

/** Bytes before the header text in every version; enough to learn the header's length. */
export const NPY_PREAMBLE_BYTES = 12;

/** Maximum header length accepted; numpy writes about 128 bytes for the dtypes read here. */
const MAX_HEADER_BYTES = 65536;

export interface NpyPreamble {
  headerOffset: number;
  headerLength: number;
  /** Versions 1 and 2 write the dict in latin-1, version 3 in UTF-8. */
  encoding: 'latin1' | 'utf-8';
}

export interface NpyHeader {
  dtype: NpyDtype;
  fortranOrder: boolean;
  shape: number[];
  elementCount: number;
  dataOffset: number;
  /** Bytes of data the header promises, which is elements times item size. */
  dataBytes: number;
}

/** Reads the magic string, version and header length from the first bytes of a file. */
export function parseNpyPreamble(bytes: Uint8Array, file: string): NpyPreamble {
  if (bytes.length < 10 || MAGIC.some((byte, i) => bytes[i] !== byte)) {
    throw new InputError(
      'invalid-file',
      `${file} is not an npy file: it does not start with \\x93NUMPY`,
    );
  }
  const major = bytes[6];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (major === 1) {
    return { headerOffset: 10, headerLength: view.getUint16(8, true), encoding: 'latin1' };
  }
  if (major !== 2 && major !== 3) {
    const version = `${major}.${bytes[7]}`;
    const problem = `has npy format version ${version}, which this program cannot read`;
    throw new InputError('invalid-file', `${file} ${problem}`);
  }

  // Versions 2 and 3 store the header length in 4 bytes, for headers over 64 KiB.
  if (bytes.length < 12) throw truncatedHeader(file);
  const headerLength = view.getUint32(8, true);
  if (headerLength > MAX_HEADER_BYTES) {
    throw malformed(file, `its length of ${headerLength} bytes is over ${MAX_HEADER_BYTES}`);
  }
  return { headerOffset: 12, headerLength, encoding: major === 2 ? 'latin1' : 'utf-8' };
}

/** Returns the error for a file that ends before its header does. */
export function truncatedHeader(file: string): InputError {
  return new InputError('invalid-file', `${file} is truncated: it ends within its header`);
}

/** Parses the header dict that follows the preamble. */
export function parseNpyHeader(
  preamble: NpyPreamble,
  headerBytes: Uint8Array,
  file: string,
): NpyHeader {
  const text = new TextDecoder(preamble.encoding).decode(headerBytes);
  const dict = parseDict(text, file);
  if (dict.descr === undefined) throw malformed(file, "'descr' is missing");
  const dtype = parseNpyDtype(dict.descr, file);
  const fortranOrder = dict.fortran_order;
  if (typeof fortranOrder !== 'boolean') {
    throw malformed(file, "'fortran_order' is not True or False");
  }
  const shape = parseShape(dict.shape, file);

  const elementCount = shape.reduce((product, length) => product * length, 1);
  const dataBytes = elementCount * dtype.itemSize;
  if (!Number.isSafeInteger(dataBytes)) {
    throw malformed(file, `shape ${formatShape(shape)} is too large`);
  }
  const dataOffset = preamble.headerOffset + preamble.headerLength;
  return { dtype, fortranOrder, shape, elementCount, dataOffset, dataBytes };
}

/** Writes a shape as Python does: `(3190, 480)`, `(3190,)`, `()`. */
export function formatShape(shape: number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}

function parseDict(text: string, file: string): { [key: string]: PythonValue } {
  let value: PythonValue;
  try {
    value = parsePythonLiteral(text);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    throw malformed(file, `it is not a Python literal (${error.message})`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw malformed(file, 'it is not a dict');
  }
  return value;
}

function parseShape(shape: PythonValue | undefined, file: string): number[] {
  const valid =
    Array.isArray(shape) &&
    shape.every(
      (length) => typeof length === 'number' && Number.isSafeInteger(length) && length >= 0,
    );
  if (!valid) throw malformed(file, "'shape' is not a tuple of non-negative integers");
  return shape as number[];
}

function malformed(file: string, problem: string): InputError {
  return new InputError('invalid-file', `${file} has a malformed npy header: ${problem}`);
}
