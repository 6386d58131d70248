import type { RunRecord } from '../../../shared/runs/runRecord';
import type { TrainingOptions } from '../../../shared/training/trainingOptions';
import { formatDuration, formatInteger, formatNumber } from './numbers';

/** Formats a test size: a fraction as given ("0.25"), an integer as a row count ("400 rows"). */
export function formatTestSize(testSize: number): string {
  if (testSize < 1) return String(testSize);
  return testSize === 1 ? '1 row' : `${formatInteger(testSize)} rows`;
}

/** Formats a learning rate in full, with thousands separators: 0.1 gives "0.1", 1000 "1,000". */
export function formatLearningRate(rate: number): string {
  return formatNumber(rate, 20);
}

/** Formats the options of a run on one line, for a table cell. */
export function formatOptionsBrief(options: TrainingOptions): string {
  return [
    `test ${formatTestSize(options.testSize)}`,
    `seed ${formatInteger(options.seed)}`,
    `${formatInteger(options.epochs)} epochs`,
    `rate ${formatLearningRate(options.learningRate)}`,
  ].join(' · ');
}

/**
 * Formats what a run did on one line, for the result's subtitle: the options other than the
 * epoch count, then the epochs completed and the time they took, such as
 * "test 0.25 · seed 0 · rate 0.1 · 300 epochs in 98 ms". A run that stopped early shows
 * "1,234 of 200,000 epochs".
 */
export function formatRunBrief(
  run: Pick<RunRecord, 'options' | 'epochsCompleted' | 'trainMs'>,
): string {
  const { options, epochsCompleted } = run;
  const epochs =
    epochsCompleted === options.epochs
      ? `${formatInteger(epochsCompleted)} epochs`
      : `${formatInteger(epochsCompleted)} of ${formatInteger(options.epochs)} epochs`;
  return [
    `test ${formatTestSize(options.testSize)}`,
    `seed ${formatInteger(options.seed)}`,
    `rate ${formatLearningRate(options.learningRate)}`,
    `${epochs} in ${formatDuration(run.trainMs)}`,
  ].join(' · ');
}
