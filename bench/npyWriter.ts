/** Writes npy files (format 1.0, little-endian, C order) a block of rows at a time. */
import { open, rename, type FileHandle } from 'node:fs/promises';

export type NpyDescr = '<f8' | '<i8';

/** Returns the magic string, version, length and dict of an npy 1.0 header, padded to 64 bytes. */
export function npyHeader(descr: NpyDescr, shape: number[]): Buffer {
  const shapeText = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
  const dict = `{'descr': '${descr}', 'fortran_order': False, 'shape': ${shapeText}, }`;
  const unpadded = 10 + dict.length + 1;
  const text = dict + ' '.repeat((64 - (unpadded % 64)) % 64) + '\n';

  const header = Buffer.alloc(10 + text.length);
  Buffer.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]).copy(header);
  header.writeUInt16LE(text.length, 8);
  header.write(text, 10, 'latin1');
  return header;
}

/**
 * Writes an npy file through `writeData`, which appends the data in row-major order, to a
 * temporary name first, so that a file under `path` is always complete.
 */
export async function writeNpyFile(
  path: string,
  descr: NpyDescr,
  shape: number[],
  writeData: (file: FileHandle) => Promise<void>,
): Promise<void> {
  const partial = `${path}.partial`;
  const file = await open(partial, 'w');
  try {
    await file.write(npyHeader(descr, shape));
    await writeData(file);
  } finally {
    await file.close();
  }
  await rename(partial, path);
}

/** Writes a whole typed array as the data of an npy file. */
export async function writeNpyArray(
  path: string,
  shape: number[],
  data: Float64Array | BigInt64Array,
): Promise<void> {
  const descr = data instanceof Float64Array ? '<f8' : '<i8';
  await writeNpyFile(path, descr, shape, async (file) => {
    await file.write(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  });
}
