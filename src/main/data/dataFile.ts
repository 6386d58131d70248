/**
 * Reading input files in pieces, with every file-system failure turned into an `InputError` that
 * names the file, and a running SHA-256 and progress fraction over all bytes read.
 */
import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { InputError } from '../../shared/errors';

/** Bytes read per call: large enough that system calls cost little, small enough to stream. */
export const READ_CHUNK_BYTES = 4 * 1024 * 1024;

/**
 * Read-only and non-blocking, so that opening a named pipe returns at once, to be rejected as not
 * a regular file, instead of waiting for a writer while it holds a thread of libuv's file pool.
 * O_NONBLOCK does not change reads from regular files, and Windows has no such flag.
 */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** Hashes and counts bytes in the order they are read, and reports the fraction read. */
export class ReadTracker {
  private readonly hash = createHash('sha256');
  private bytesRead = 0;

  constructor(
    private readonly totalBytes: number,
    private readonly onProgress?: (fraction: number) => void,
  ) {}

  consume(bytes: Uint8Array): void {
    this.hash.update(bytes);
    this.bytesRead += bytes.length;
    this.onProgress?.(this.totalBytes === 0 ? 1 : Math.min(1, this.bytesRead / this.totalBytes));
  }

  /** Returns the SHA-256 of every byte consumed, as hex. */
  digest(): string {
    return this.hash.digest('hex');
  }
}

/** An input file open for reading. */
export class DataFile {
  private constructor(
    private readonly handle: FileHandle,
    /** Name of the file in messages, such as `features file x.npy`. */
    readonly description: string,
    readonly size: number,
  ) {}

  /**
   * Opens `path` for reading; `role` starts the file's description in messages, such as `features
   * file`. Throws `InputError` if the file is missing, is not a regular file or cannot be read.
   */
  static async open(path: string, role: string): Promise<DataFile> {
    const description = `${role} ${basename(path)}`;
    let handle: FileHandle | undefined;
    try {
      handle = await open(path, OPEN_FLAGS);
      const stats = await handle.stat();
      if (!stats.isFile()) {
        throw new InputError('invalid-file', `${description} is not a regular file`);
      }
      return new DataFile(handle, description, stats.size);
    } catch (error) {
      await handle?.close();
      throw toInputError(error, description, path);
    }
  }

  /**
   * Fills `target` with the bytes from `position` on, in pieces of `READ_CHUNK_BYTES`, passing
   * each piece to `tracker` as it arrives.
   */
  async readInto(target: Uint8Array, position: number, tracker?: ReadTracker): Promise<void> {
    for (let offset = 0; offset < target.length; offset += READ_CHUNK_BYTES) {
      const piece = target.subarray(offset, offset + READ_CHUNK_BYTES);
      await this.readExactly(piece, position + offset);
      tracker?.consume(piece);
    }
  }

  /** Yields the bytes from `start` to `end` in pieces; each piece is reused by the next one. */
  async *readChunks(start: number, end: number): AsyncGenerator<Uint8Array> {
    const buffer = new Uint8Array(Math.min(READ_CHUNK_BYTES, Math.max(0, end - start)));
    for (let position = start; position < end; position += buffer.length) {
      const piece = buffer.subarray(0, Math.min(buffer.length, end - position));
      await this.readExactly(piece, position);
      yield piece;
    }
  }

  async close(): Promise<void> {
    await this.handle.close();
  }

  private async readExactly(target: Uint8Array, position: number): Promise<void> {
    let filled = 0;
    while (filled < target.length) {
      const { bytesRead } = await this.read(target.subarray(filled), position + filled);
      if (bytesRead === 0) {
        const problem = 'became shorter while it was read; load it again once it is complete';
        throw new InputError('invalid-file', `${this.description} ${problem}`);
      }
      filled += bytesRead;
    }
  }

  private async read(target: Uint8Array, position: number) {
    try {
      return await this.handle.read(target, 0, target.length, position);
    } catch (error) {
      throw toInputError(error, this.description);
    }
  }
}

/** Maps a file-system error to an `InputError`; `path` is given when the file was being opened. */
function toInputError(error: unknown, description: string, path?: string): unknown {
  if (error instanceof InputError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' && path !== undefined) {
    return new InputError('file-not-found', `${description} not found at ${resolve(path)}`);
  }
  if (code === 'EISDIR') {
    return new InputError('invalid-file', `${description} is a directory, not a file`);
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return new InputError('invalid-file', `${description} cannot be read: permission denied`);
  }
  if (typeof code === 'string') {
    return new InputError('invalid-file', `${description} cannot be read (${code})`);
  }
  return error;
}
