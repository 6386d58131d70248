/**
 * Decisions about the files a person chooses or drops: which of two .npy files contains the
 * features and which the labels, and what kind of data set a drop opens.
 */
import { InputError } from '../../../shared/errors';

export interface NpyPairAssignment {
  featuresPath: string;
  labelsPath: string;
  /** Source of the roles, shown to the person so that a wrong guess is noticed. */
  decidedBy: 'file names' | 'order chosen';
}

type NpyRole = 'features' | 'labels' | null;

const FEATURE_WORDS = new Set(['x', 'feature', 'features']);
const LABEL_WORDS = new Set(['y', 'label', 'labels', 'target', 'targets']);

/** Returns the file name without folders, for messages. */
export function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** Names the role a file's name suggests: "X_train.npy" features, "splice_labels.npy" labels. */
export function npyRoleFromName(path: string): NpyRole {
  const stem = fileName(path)
    .replace(/\.npy$/i, '')
    .toLowerCase();
  const words = stem.split(/[^a-z0-9]+/).filter((word) => word !== '');
  const isFeatures = words.some((word) => FEATURE_WORDS.has(word));
  const isLabels = words.some((word) => LABEL_WORDS.has(word));
  if (isFeatures === isLabels) return null;
  return isFeatures ? 'features' : 'labels';
}

/**
 * Assigns the features and labels roles to two .npy paths by their names. When one name shows its
 * role, the other file takes the other role. When neither name shows a role, or the names conflict,
 * the first path chosen is taken as the features.
 */
export function assignNpyPair(paths: readonly string[]): NpyPairAssignment {
  if (paths.length !== 2) {
    throw new InputError(
      'invalid-file',
      `Choose two .npy files, one of features and one of labels. ${countFiles(paths.length)} given.`,
    );
  }

  const [first, second] = paths;
  const firstRole = npyRoleFromName(first);
  const secondRole = npyRoleFromName(second);
  const swapped = firstRole === 'labels' || secondRole === 'features';
  const inOrder = firstRole === 'features' || secondRole === 'labels';
  if (swapped && !inOrder) {
    return { featuresPath: second, labelsPath: first, decidedBy: 'file names' };
  }
  if (inOrder && !swapped) {
    return { featuresPath: first, labelsPath: second, decidedBy: 'file names' };
  }
  return { featuresPath: first, labelsPath: second, decidedBy: 'order chosen' };
}

/** Describes an assignment in a sentence for the data set panel. */
export function describeNpyPair(pair: NpyPairAssignment): string {
  const features = fileName(pair.featuresPath);
  const roles = `Features from ${features}, labels from ${fileName(pair.labelsPath)}`;
  if (pair.decidedBy === 'file names') return `${roles}, as their names say.`;
  return `${roles}, in the order chosen, because the names do not say which is which.`;
}

/** The kind of data set a drop opens, decided from the dropped file names. */
export type DropPlan = { kind: 'sequences' } | { kind: 'npy' };

/** Plans a drop. Throws `InputError` for anything but one sequence file or two .npy files. */
export function planDrop(names: readonly string[]): DropPlan {
  const npyCount = names.filter((name) => /\.npy$/i.test(name)).length;
  if (names.length === 1 && npyCount === 0) return { kind: 'sequences' };
  if (names.length === 2 && npyCount === 2) return { kind: 'npy' };

  if (names.length === 1) {
    throw new InputError(
      'invalid-file',
      `${names[0]} cannot be opened alone. Drop the features and labels .npy files together.`,
    );
  }
  throw new InputError(
    'invalid-file',
    `Drop one sequence file or two .npy files (features and labels), not ${describeNames(names)}.`,
  );
}

/** Counts files in a sentence: "1 file was", "3 files were". */
export function countFiles(count: number): string {
  return count === 1 ? '1 file was' : `${count} files were`;
}

function describeNames(names: readonly string[]): string {
  if (names.length === 0) return 'no files';
  return names.join(', ');
}
