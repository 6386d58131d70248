import type { FeatureMatrix, MatrixStructure } from './featureMatrix';

/** Origin of a data set: the embedded set, an npy pair or a sequence file. */
export type DatasetSource =
  | { kind: 'embedded' }
  | { kind: 'npy'; featuresPath: string; labelsPath: string }
  | { kind: 'sequences'; path: string };

/** A loaded data set with every class, before two classes are chosen. */
export interface Dataset {
  source: DatasetSource;
  /** Short name for people, such as the file name, or both names for a pair. */
  name: string;
  features: FeatureMatrix;
  featureNames: string[];
  /** Element type of the features as stored in the file, in numpy's notation ('float64', 'uint8'). */
  dtype: string;
  /** Distinct labels as text, sorted: numerically when both are numbers, else by code point. */
  classLabels: string[];
  /** For each row, its index into `classLabels`. */
  labelCodes: Uint32Array;
  /** SHA-256 of the file bytes, hex, so a run records exactly which data it used. */
  contentHash: string;
}

/** Description of a loaded data set, as main sends it to the renderer. */
export interface DatasetSummary {
  id: string;
  name: string;
  source: DatasetSource;
  rows: number;
  cols: number;
  dtype: string;
  structure: MatrixStructure;
  /** Non-zero values per row, averaged, so people see how sparse the data is. */
  meanNonZerosPerRow: number;
  classCounts: { label: string; count: number }[];
  featureNames: string[];
  contentHash: string;
}

/** Two classes chosen out of a data set; rows keep their file order. */
export interface BinaryProblem {
  features: FeatureMatrix;
  /** 1 for the second class named, 0 for the first. */
  targets: Float64Array;
  /** Row of each sample in the full data set. */
  sourceRows: Uint32Array;
  classLabels: [string, string];
}
