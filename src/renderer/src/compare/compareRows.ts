/** The rows of the side-by-side comparison of runs, with the rows whose values differ marked. */
import type { ClassificationMetrics, RunRecord } from '../../../shared/runs/runRecord';
import {
  formatDecimal,
  formatDuration,
  formatInteger,
  formatPercent,
  NOT_AVAILABLE,
} from '../format/numbers';
import { formatLearningRate, formatTestSize } from '../format/trainingOptions';

export interface CompareRow {
  label: string;
  /** One formatted value a run, in the order of the runs given. */
  values: string[];
  /** True when the formatted values are not all the same. */
  differs: boolean;
}

type Cell = (run: RunRecord) => string;

const testMetric =
  (format: (metrics: ClassificationMetrics) => string): Cell =>
  (run) =>
    run.metrics ? format(run.metrics.test) : NOT_AVAILABLE;

const CELLS: [string, Cell][] = [
  ['Data set', (run) => run.dataset.name],
  ['Classes', (run) => run.dataset.classLabels.join(' vs ')],
  ['Test size', (run) => formatTestSize(run.options.testSize)],
  ['Seed', (run) => formatInteger(run.options.seed)],
  ['Epochs', (run) => formatInteger(run.options.epochs)],
  ['Learning rate', (run) => formatLearningRate(run.options.learningRate)],
  ['Status', (run) => run.status],
  ['Epochs completed', (run) => formatInteger(run.epochsCompleted)],
  [
    'Train accuracy',
    (run) => (run.metrics ? formatPercent(run.metrics.train.accuracy) : NOT_AVAILABLE),
  ],
  ['Test accuracy', testMetric((metrics) => formatPercent(metrics.accuracy))],
  ['Test precision', testMetric((metrics) => formatDecimal(metrics.precision))],
  ['Test recall', testMetric((metrics) => formatDecimal(metrics.recall))],
  ['Test F1', testMetric((metrics) => formatDecimal(metrics.f1))],
  ['Test ROC AUC', testMetric((metrics) => formatDecimal(metrics.rocAuc))],
  ['Test log-loss', testMetric((metrics) => formatDecimal(metrics.logLoss))],
  ['Training time', (run) => formatDuration(run.trainMs)],
];

/**
 * Builds the comparison rows. Values are compared as shown, so two learning rates that print
 * alike count as equal.
 */
export function buildCompareRows(runs: readonly RunRecord[]): CompareRow[] {
  return CELLS.map(([label, cell]) => {
    const values = runs.map(cell);
    const differs = values.some((value) => value !== values[0]);
    return { label, values, differs };
  });
}
