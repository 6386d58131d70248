/**
 * Labels from an npy file: a 1-D array, or 2-D with one column, of numbers, bool or unicode
 * strings, each turned into text so a class is named the same whatever its dtype.
 */
import { InputError } from '../../shared/errors';
import { READ_CHUNK_BYTES, type ReadTracker } from './dataFile';
import { MAX_NPYJS_STRING_CHARACTERS } from './npyBlock';
import { readNpyBlocks, type NpyFile } from './npyFile';
import { formatShape, type NpyHeader } from './npyHeader';

/** Returns the number of labels; throws `InputError` unless the header describes a column. */
export function checkLabelsHeader(header: NpyHeader, file: string): number {
  const [rows, cols = 1] = header.shape;
  if (header.shape.length === 0 || header.shape.length > 2 || cols !== 1) {
    throw new InputError(
      'shape-mismatch',
      `${file} has shape ${formatShape(header.shape)} but labels must be 1-D, or 2-D with one column`,
    );
  }
  const characters = header.dtype.itemSize / 4;
  if (header.dtype.kind === 'unicode' && characters > MAX_NPYJS_STRING_CHARACTERS) {
    throw new InputError(
      'unsupported-dtype',
      `${file} has strings of ${characters} characters; labels may have at most ${MAX_NPYJS_STRING_CHARACTERS}`,
    );
  }
  return rows;
}

/**
 * Reads the labels of a file that passed `checkLabelsHeader`, as text: integers in decimal
 * (int64 and uint64 exactly), floats as JavaScript prints them, bool as `false` and `true`,
 * strings without their NUL padding.
 */
export async function readNpyLabels(npy: NpyFile, tracker: ReadTracker): Promise<string[]> {
  const { dtype } = npy.header;
  const perBlock =
    dtype.kind === 'unicode'
      ? Math.floor(MAX_NPYJS_STRING_CHARACTERS / (dtype.itemSize / 4))
      : Math.floor(READ_CHUNK_BYTES / dtype.itemSize);

  const labels: string[] = [];
  for await (const block of readNpyBlocks(npy, perBlock, tracker)) {
    for (const text of block.decodeText()) labels.push(text);
  }
  return labels;
}

/** Numbers each distinct label in order of first appearance. */
export function codeLabels(labels: string[]): { classLabels: string[]; labelCodes: Uint32Array } {
  const codes = new Map<string, number>();
  const labelCodes = new Uint32Array(labels.length);
  labels.forEach((text, row) => {
    let code = codes.get(text);
    if (code === undefined) {
      code = codes.size;
      codes.set(text, code);
    }
    labelCodes[row] = code;
  });
  return { classLabels: [...codes.keys()], labelCodes };
}
