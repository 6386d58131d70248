import { InputError } from '../errors';
import type { BinaryProblem, Dataset } from './dataset';
import { selectRows } from './matrixRows';

/**
 * Keeps the rows of two classes, in file order, as a binary problem whose class 0 is the first
 * label named and class 1 the second. Throws `InputError('unknown-class')` for a label that the
 * data set does not contain, and `InputError('invalid-option')` when both labels are the same.
 * When the two classes cover every row, the problem shares the data set's feature matrix.
 */
export function selectClasses(dataset: Dataset, classes: [string, string]): BinaryProblem {
  const [negativeLabel, positiveLabel] = classes;
  if (negativeLabel === positiveLabel) {
    throw new InputError(
      'invalid-option',
      `choose two different classes; both are '${negativeLabel}'`,
    );
  }
  const negativeCode = findLabelCode(dataset, negativeLabel);
  const positiveCode = findLabelCode(dataset, positiveLabel);

  const sourceRows = rowsWithCodes(dataset.labelCodes, negativeCode, positiveCode);
  const targets = new Float64Array(sourceRows.length);
  for (let i = 0; i < sourceRows.length; i++) {
    targets[i] = dataset.labelCodes[sourceRows[i]] === positiveCode ? 1 : 0;
  }

  // Every row kept (a two-class data set) needs no copy: the problem shares the data set's
  // matrix, which nothing here or in training writes to.
  const keepsEveryRow = sourceRows.length === dataset.features.rows;
  return {
    features: keepsEveryRow ? dataset.features : selectRows(dataset.features, sourceRows),
    targets,
    sourceRows,
    classLabels: [negativeLabel, positiveLabel],
  };
}

function findLabelCode(dataset: Dataset, label: string): number {
  const code = dataset.classLabels.indexOf(label);
  if (code < 0) {
    const known = dataset.classLabels.map((name) => `'${name}'`).join(', ');
    throw new InputError(
      'unknown-class',
      `class '${label}' is not in data set '${dataset.name}'; its classes are ${known}`,
    );
  }
  return code;
}

function rowsWithCodes(labelCodes: Uint32Array, first: number, second: number): Uint32Array {
  let count = 0;
  for (const code of labelCodes) if (code === first || code === second) count++;

  const rows = new Uint32Array(count);
  let next = 0;
  for (let row = 0; row < labelCodes.length; row++) {
    const code = labelCodes[row];
    if (code === first || code === second) rows[next++] = row;
  }
  return rows;
}
