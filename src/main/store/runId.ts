import { randomBytes } from 'node:crypto';

/**
 * A run id: the UTC start time to the second, then six random hex digits, such as
 * `20261204T153012Z-3f9a1c`. Ids sort by time as text, and the pattern admits no path separator
 * or dot, so an id that passed it is safe to put in a file name.
 */
export const RUN_ID_PATTERN = /^\d{8}T\d{6}Z-[0-9a-f]{6}$/;

export function isRunId(value: unknown): value is string {
  return typeof value === 'string' && RUN_ID_PATTERN.test(value);
}

/** Makes a new run id for a run that starts at `time`. */
export function createRunId(time: Date): string {
  const stamp = time
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
  return `${stamp}-${randomBytes(3).toString('hex')}`;
}
