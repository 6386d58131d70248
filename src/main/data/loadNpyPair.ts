import { basename, resolve } from 'node:path';
import type { Dataset } from '../../shared/dataset/dataset';
import { sortClassLabels } from '../../shared/dataset/classLabels';
import { InputError } from '../../shared/errors';
import { ReadTracker } from './dataFile';
import { checkFeaturesHeader, readNpyFeatures } from './npyFeatures';
import { openNpyFile, type NpyFile } from './npyFile';
import { checkLabelsHeader, codeLabels, readNpyLabels } from './npyLabels';

export interface NpyPairOptions {
  onProgress?(fraction: number): void;
  /** Bytes of features decoded at a time; tests make it small to cross block boundaries. */
  blockBytes?: number;
}

/**
 * Loads features and labels from two npy files. Both headers are checked before any data is
 * read, so a mismatch is reported at once. `contentHash` covers the features file's bytes
 * followed by the labels file's.
 */
export async function loadNpyPair(
  featuresPath: string,
  labelsPath: string,
  options: NpyPairOptions = {},
): Promise<Dataset> {
  const features = await openNpyFile(featuresPath, 'features file');
  let labels: NpyFile | undefined;
  try {
    const [rows, cols] = checkFeaturesHeader(features.header, features.file.description);
    labels = await openNpyFile(labelsPath, 'labels file');
    const labelRows = checkLabelsHeader(labels.header, labels.file.description);
    if (labelRows !== rows) {
      throw new InputError(
        'shape-mismatch',
        `${labels.file.description} has ${labelRows} rows but the ${features.file.description} has ${rows}`,
      );
    }

    const tracker = new ReadTracker(features.file.size + labels.file.size, options.onProgress);
    const matrix = await readNpyFeatures(features, tracker, options.blockBytes);
    const coded = codeLabels(await readNpyLabels(labels, tracker));
    const classLabels = sortClassLabels(coded.classLabels, coded.labelCodes);
    return {
      source: { kind: 'npy', featuresPath: resolve(featuresPath), labelsPath: resolve(labelsPath) },
      name: `${basename(featuresPath)} + ${basename(labelsPath)}`,
      features: matrix,
      featureNames: Array.from({ length: cols }, (_, col) => `x${col}`),
      dtype: features.header.dtype.name,
      classLabels,
      labelCodes: coded.labelCodes,
      contentHash: tracker.digest(),
    };
  } finally {
    await labels?.file.close();
    await features.file.close();
  }
}
