/**
 * An npy file opened for reading: its header parsed and checked against the file's size, and its
 * elements read in blocks while every byte of the file goes to a `ReadTracker`.
 */
import { InputError } from '../../shared/errors';
import { DataFile, type ReadTracker } from './dataFile';
import { NpyBlock } from './npyBlock';
import {
  formatShape,
  NPY_PREAMBLE_BYTES,
  parseNpyHeader,
  parseNpyPreamble,
  truncatedHeader,
  type NpyHeader,
} from './npyHeader';

export interface NpyFile {
  file: DataFile;
  header: NpyHeader;
  /** The bytes before the data, kept so the hash covers the file from its first byte. */
  leadingBytes: Uint8Array;
}

/** Opens an npy file and reads its header; the caller closes `file`. */
export async function openNpyFile(path: string, role: string): Promise<NpyFile> {
  const file = await DataFile.open(path, role);
  try {
    const preambleBytes = new Uint8Array(Math.min(NPY_PREAMBLE_BYTES, file.size));
    await file.readInto(preambleBytes, 0);
    const preamble = parseNpyPreamble(preambleBytes, file.description);
    const headerEnd = preamble.headerOffset + preamble.headerLength;
    if (headerEnd > file.size) throw truncatedHeader(file.description);

    const leadingBytes = new Uint8Array(headerEnd);
    await file.readInto(leadingBytes, 0);
    const header = parseNpyHeader(
      preamble,
      leadingBytes.subarray(preamble.headerOffset),
      file.description,
    );
    checkDataLength(header, file);
    return { file, header, leadingBytes };
  } catch (error) {
    await file.close();
    throw error;
  }
}

/** Rejects a file whose data is shorter than its header promises; npyjs 1.2 reads it silently. */
function checkDataLength(header: NpyHeader, file: DataFile): void {
  const available = file.size - header.dataOffset;
  if (available >= header.dataBytes) return;
  throw new InputError(
    'invalid-file',
    `${file.description} is truncated: its header promises ${header.dataBytes} bytes of data ` +
      `(shape ${formatShape(header.shape)} of ${header.dtype.name}) but the file has ${available} bytes of data`,
  );
}

/**
 * Yields the elements in blocks of at most `elementsPerBlock`, in file order. Every byte of the
 * file, header and any bytes after the data included, passes through `tracker` in order.
 */
export async function* readNpyBlocks(
  npy: NpyFile,
  elementsPerBlock: number,
  tracker: ReadTracker,
): AsyncGenerator<NpyBlock> {
  const { header, file } = npy;
  tracker.consume(npy.leadingBytes);

  for (let first = 0; first < header.elementCount; first += elementsPerBlock) {
    const block = new NpyBlock(
      header.dtype,
      Math.min(elementsPerBlock, header.elementCount - first),
    );
    await file.readInto(block.bytes, header.dataOffset + first * header.dtype.itemSize, tracker);
    yield block;
  }

  for await (const piece of file.readChunks(header.dataOffset + header.dataBytes, file.size)) {
    tracker.consume(piece);
  }
}
