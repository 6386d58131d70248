import type { Dataset, DatasetSummary } from './dataset';
import type { FeatureMatrix } from './featureMatrix';

/** Describes a loaded data set for the renderer, which never receives the matrix itself. */
export function summarizeDataset(id: string, dataset: Dataset): DatasetSummary {
  const { features } = dataset;
  return {
    id,
    name: dataset.name,
    source: dataset.source,
    rows: features.rows,
    cols: features.cols,
    dtype: dataset.dtype,
    structure: features.kind,
    meanNonZerosPerRow: features.rows === 0 ? 0 : countNonZeros(features) / features.rows,
    classCounts: countClasses(dataset.classLabels, dataset.labelCodes),
    featureNames: dataset.featureNames,
    contentHash: dataset.contentHash,
  };
}

function countNonZeros(features: FeatureMatrix): number {
  if (features.kind !== 'dense') return features.rowStart[features.rows];
  let count = 0;
  for (const value of features.data) if (value !== 0) count += 1;
  return count;
}

function countClasses(classLabels: string[], labelCodes: Uint32Array) {
  const counts = new Array<number>(classLabels.length).fill(0);
  for (const code of labelCodes) counts[code] += 1;
  return classLabels.map((label, code) => ({ label, count: counts[code] }));
}
