/**
 * Decoding of npy element bytes with npyjs 1.2. npyjs parses only whole files and trusts their
 * headers: it ignores `fortran_order`, rejects big-endian data and reads truncated data without
 * notice. So this program parses the real header itself (npyHeader.ts), reads the elements into a
 * block laid out as a minimal little-endian npy file, and lets npyjs decode only that block.
 */
import { parse } from 'npyjs';
import { InternalError } from '../../shared/errors';
import type { NpyDtype } from './npyDtype';

/** Room for the header npyjs reads; a multiple of 8, so 8-byte elements after it are aligned. */
const NPYJS_HEADER_BYTES = 128;

/**
 * Maximum string characters to decode in one npyjs 1.2 call, which passes them all as arguments
 * of one function call and so overflows the stack somewhere above 120 000 in Node 20.
 */
export const MAX_NPYJS_STRING_CHARACTERS = 65536;

export type DecodedNumbers = ArrayLike<number> | BigInt64Array | BigUint64Array;

/**
 * `count` consecutive elements of an npy file. The reader fills `bytes` with the elements as the
 * file stores them, then decodes them once.
 */
export class NpyBlock {
  readonly bytes: Uint8Array;
  private readonly buffer: ArrayBuffer;
  private decoded = false;

  constructor(
    readonly dtype: NpyDtype,
    readonly count: number,
  ) {
    this.buffer = new ArrayBuffer(NPYJS_HEADER_BYTES + count * dtype.itemSize);
    writeNpyjsHeader(new Uint8Array(this.buffer, 0, NPYJS_HEADER_BYTES), dtype, count);
    this.bytes = new Uint8Array(this.buffer, NPYJS_HEADER_BYTES);
  }

  /** Decodes numeric elements: bool as 0 and 1, int64 and uint64 as BigInt arrays. */
  decodeNumbers(): DecodedNumbers {
    const data = this.parse();
    if (this.dtype.kind === 'bool') return normalizeBooleans(data as Uint8Array);
    return data as DecodedNumbers;
  }

  /** Decodes elements as text: integers in decimal, floats as JavaScript prints them. */
  decodeText(): string[] {
    const data = this.parse();
    if (Array.isArray(data)) return data as string[];
    if (this.dtype.kind === 'bool') return Array.from(data as Uint8Array, (v) => String(v !== 0));
    return Array.from(data as ArrayLike<number | bigint>, (value) => value.toString());
  }

  private parse(): unknown {
    if (this.decoded) throw new InternalError('an NpyBlock was decoded twice');
    this.decoded = true;
    if (this.dtype.bigEndian) {
      // Strings are arrays of 4-byte UTF-32 code units, each swapped on its own.
      swapBytes(this.bytes, this.dtype.kind === 'unicode' ? 4 : this.dtype.itemSize);
    }
    return parse(this.buffer).data;
  }
}

/**
 * Writes a version 1.0 npy header for `count` little-endian elements. Bool is declared as uint8
 * because npyjs 1.2 decodes bool into an array of JavaScript booleans, 8 bytes per element.
 */
function writeNpyjsHeader(target: Uint8Array, dtype: NpyDtype, count: number): void {
  const code = dtype.kind === 'bool' ? 'u1' : dtype.npyjsCode;
  const order = dtype.itemSize === 1 ? '|' : '<';
  const dict = `{'descr': '${order}${code}', 'fortran_order': False, 'shape': (${count},), }`;
  const headerLength = NPYJS_HEADER_BYTES - 10;
  target.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, headerLength & 0xff, headerLength >> 8]);
  const text = dict.padEnd(headerLength - 1, ' ') + '\n';
  for (let i = 0; i < text.length; i++) target[10 + i] = text.charCodeAt(i);
}

/** Reverses the bytes of each `itemSize`-byte element in place. */
function swapBytes(bytes: Uint8Array, itemSize: number): void {
  for (let start = 0; start < bytes.length; start += itemSize) {
    for (let low = start, high = start + itemSize - 1; low < high; low++, high--) {
      const byte = bytes[low];
      bytes[low] = bytes[high];
      bytes[high] = byte;
    }
  }
}

/** numpy stores bool as one byte, 0 or 1; any other byte counts as true, as numpy reads it. */
function normalizeBooleans(values: Uint8Array): Uint8Array {
  for (let i = 0; i < values.length; i++) if (values[i] > 1) values[i] = 1;
  return values;
}
