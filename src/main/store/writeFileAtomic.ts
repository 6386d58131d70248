import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Prefix of the temporary files this module writes, so a folder listing can skip them. */
export const TEMP_FILE_PREFIX = '.tmp-';

/**
 * Characters of the target's name kept in the temporary file's name, which only helps a person
 * recognise a file left by a crash. At most 32 UTF-16 code units encode to at most 96 UTF-8 bytes,
 * so with the prefix and the random part the name stays far below the usual 255-byte limit even
 * when the target's own name is close to it.
 */
const TEMP_NAME_TARGET_CHARACTERS = 32;

/**
 * Writes `text` to `path` so that a reader sees either the old file or the whole new one, never
 * a part. The text goes to a temporary file in the same folder and is flushed to the disk with
 * fsync. Then the temporary file is renamed over `path`, which is atomic within one file system
 * on POSIX systems and on NTFS. On failure the temporary file is removed and the old file stays.
 */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const folder = dirname(path);
  const targetName = basename(path).slice(0, TEMP_NAME_TARGET_CHARACTERS);
  const tempPath = join(
    folder,
    `${TEMP_FILE_PREFIX}${randomBytes(6).toString('hex')}-${targetName}`,
  );

  try {
    const handle = await open(tempPath, 'wx');
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tempPath, path);
  } catch (error) {
    await rm(tempPath, { force: true });
    throw error;
  }

  await syncFolder(folder);
}

/** Plain reasons for the error codes that writing to a path chosen by a person commonly raises. */
const WRITE_FAILURE_REASONS: Record<string, string> = {
  ENOENT: 'its folder does not exist',
  ENOTDIR: 'a part of its path is not a folder',
  EISDIR: 'it is a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  ENAMETOOLONG: 'the file name is too long',
};

/**
 * Describes why `writeFileAtomic` failed, without the temporary file's name that Node's message
 * contains, so that a message can name the target path instead.
 */
export function describeWriteFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (typeof code === 'string') return WRITE_FAILURE_REASONS[code] ?? `error ${code}`;
  return error instanceof Error ? error.message : String(error);
}

/**
 * Flushes the folder entry of the rename, so the new file also survives a power cut. Windows
 * cannot open a folder for this, so there the step is skipped.
 */
async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
