/**
 * Loads a data set for the command line and the app's main process. Every expected failure is an
 * `InputError` whose message is one line naming the file and the problem.
 */
import { basename, join, resolve } from 'node:path';
import type { Dataset, DatasetSource } from '../../shared/dataset/dataset';
import { InternalError } from '../../shared/errors';
import type { OpenDatasetRequest } from '../../shared/ipc/workbenchApi';
import { sortClassLabels } from '../../shared/dataset/classLabels';
import { loadNpyPair } from './loadNpyPair';
import { loadSequenceFile } from './loadSequenceFile';

/** File name of the UCI splice-junction data in the resources folder. */
export const EMBEDDED_DATASET_FILE = 'splice.data';

export interface LoadDatasetOptions {
  /** Folder that contains `splice.data`. */
  resourcesDir: string;
  /** Called as bytes are read with the fraction read so far, from 0 to 1. */
  onProgress?(fraction: number): void;
}

export async function loadDataset(
  request: OpenDatasetRequest,
  options: LoadDatasetOptions,
): Promise<Dataset> {
  const onProgress = (fraction: number) => options.onProgress?.(fraction);
  switch (request.kind) {
    case 'npy':
      return loadNpyPair(request.featuresPath, request.labelsPath, { onProgress });
    case 'sequences':
      return loadSequences(
        request.path,
        'sequence file',
        { kind: 'sequences', path: resolve(request.path) },
        onProgress,
      );
    case 'embedded':
      return loadSequences(
        join(options.resourcesDir, EMBEDDED_DATASET_FILE),
        'embedded data file',
        { kind: 'embedded' },
        onProgress,
      );
    default:
      throw new InternalError(`unknown data set request ${JSON.stringify(request)}`);
  }
}

/** Sequence data sets store one-hot letters, so their dtype is given as bool. */
async function loadSequences(
  path: string,
  role: string,
  source: DatasetSource,
  onProgress?: (fraction: number) => void,
): Promise<Dataset> {
  const { encoded, contentHash } = await loadSequenceFile(path, role, onProgress);
  return {
    source,
    name: source.kind === 'embedded' ? 'UCI splice junctions' : basename(path),
    features: encoded.features,
    featureNames: encoded.featureNames,
    dtype: 'bool',
    classLabels: sortClassLabels(encoded.classLabels, encoded.labelCodes),
    labelCodes: encoded.labelCodes,
    contentHash,
  };
}
