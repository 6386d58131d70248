import type { TrainingOptions } from '../../../shared/training/trainingOptions';
import { formatInteger } from './numbers';

/** Formats a test size: a fraction as given ("0.25"), an integer as a row count ("400 rows"). */
export function formatTestSize(testSize: number): string {
  if (testSize < 1) return String(testSize);
  return testSize === 1 ? '1 row' : `${formatInteger(testSize)} rows`;
}

/** Formats the options of a run on one line, for a table cell. */
export function formatOptionsBrief(options: TrainingOptions): string {
  return [
    `test ${formatTestSize(options.testSize)}`,
    `seed ${options.seed}`,
    `${formatInteger(options.epochs)} epochs`,
    `rate ${options.learningRate}`,
  ].join(' · ');
}
