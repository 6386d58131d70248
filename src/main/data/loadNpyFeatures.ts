import { basename } from 'node:path';
import type { FeatureMatrix } from '../../shared/dataset/featureMatrix';
import { ReadTracker } from './dataFile';
import { checkFeaturesHeader, readNpyFeatures } from './npyFeatures';
import { openNpyFile } from './npyFile';

/** Features of one npy file, without labels, as `predict` scores them. */
export async function loadNpyFeatures(
  path: string,
  onProgress?: (fraction: number) => void,
): Promise<{ name: string; features: FeatureMatrix }> {
  const npy = await openNpyFile(path, 'features file');
  try {
    checkFeaturesHeader(npy.header, npy.file.description);
    const tracker = new ReadTracker(npy.file.size, onProgress);
    return { name: basename(path), features: await readNpyFeatures(npy, tracker) };
  } finally {
    await npy.file.close();
  }
}
