import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Prefix of the temporary files this module writes, so a folder listing can skip them. */
export const TEMP_FILE_PREFIX = '.tmp-';

/**
 * Writes `text` to `path` so that a reader sees either the old file or the whole new one, never
 * a part. The text goes to a temporary file in the same folder and is flushed to the disk with
 * fsync. Then the temporary file is renamed over `path`, which is atomic within one file system
 * on POSIX systems and on NTFS. On failure the temporary file is removed and the old file stays.
 */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const folder = dirname(path);
  const tempPath = join(
    folder,
    `${TEMP_FILE_PREFIX}${randomBytes(6).toString('hex')}-${basename(path)}`,
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
