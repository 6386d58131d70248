import { resolve } from 'node:path';
import { describeWriteFailure, writeFileAtomic } from '../main/store/writeFileAtomic';
import { InputError } from '../shared/errors';

/**
 * Writes an output file that the command line names, such as `--out`, atomically. A path that
 * cannot be written is a mistake in the command, not a bug, so it throws
 * `InputError('invalid-file')` naming the `role` of the file, its path and the reason.
 */
export async function writeOutputFile(path: string, text: string, role: string): Promise<void> {
  try {
    await writeFileAtomic(path, text);
  } catch (error) {
    const reason = describeWriteFailure(error);
    throw new InputError(
      'invalid-file',
      `could not write the ${role} to ${resolve(path)}: ${reason}`,
    );
  }
}
