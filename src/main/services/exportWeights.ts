import { InputError } from '../../shared/errors';
import { toWeightsExport } from '../../shared/runs/weightsExport';
import type { RunStore } from '../store/runStore';
import { describeWriteFailure, writeFileAtomic } from '../store/writeFileAtomic';
import type { DialogPort } from './dialogPort';

/** Maximum length of the file name proposed in the save dialog, before the suffix. */
const MAX_DEFAULT_NAME_LENGTH = 80;

/**
 * Asks for a file with the save dialog and writes the run's weights there as JSON. Resolves to
 * the path written, or null when the dialog was cancelled. Throws `InputError` when the run does
 * not exist, has no model, or the file cannot be written.
 */
export async function exportRunWeights(
  store: RunStore,
  dialogs: DialogPort,
  runId: string,
): Promise<string | null> {
  const record = await store.get(runId);
  const weights = toWeightsExport(record);
  const path = await dialogs.showSave(defaultExportName(record.name));
  if (path === null) return null;

  try {
    await writeFileAtomic(path, `${JSON.stringify(weights, null, 2)}\n`);
  } catch (error) {
    const reason = describeWriteFailure(error);
    throw new InputError('invalid-file', `could not write the weights to ${path}: ${reason}`);
  }
  return path;
}

/** Makes a file name from the run name, without characters that some file systems forbid. */
export function defaultExportName(runName: string): string {
  // eslint-disable-next-line no-control-regex
  const safe = runName.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-').trim();
  return `${safe.slice(0, MAX_DEFAULT_NAME_LENGTH) || 'run'}.weights.json`;
}
