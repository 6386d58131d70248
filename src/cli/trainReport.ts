import type { Dataset } from '../shared/dataset/dataset';
import type { ClassificationMetrics, RunRecord } from '../shared/runs/runRecord';

/** The one JSON object that `train --json` prints. */
export interface TrainJsonReport {
  status: RunRecord['status'];
  failure: RunRecord['failure'] | null;
  dataset: string;
  classes: [string, string];
  trainAccuracy: number | null;
  testAccuracy: number | null;
  trainLoss: number | null;
  testLoss: number | null;
  epochs: number;
  learningRate: number;
  testSize: number;
  seed: number;
  trainRows: number;
  testRows: number;
  /** Milliseconds spent in the training loop alone. */
  trainMs: number;
  test: ClassificationMetrics | null;
}

export function toJsonReport(record: RunRecord): TrainJsonReport {
  return {
    status: record.status,
    failure: record.failure ?? null,
    dataset: record.dataset.name,
    classes: record.dataset.classLabels,
    trainAccuracy: record.metrics?.train.accuracy ?? null,
    testAccuracy: record.metrics?.test.accuracy ?? null,
    trainLoss: record.metrics?.train.logLoss ?? null,
    testLoss: record.metrics?.test.logLoss ?? null,
    epochs: record.epochsCompleted,
    learningRate: record.options.learningRate,
    testSize: record.options.testSize,
    seed: record.options.seed,
    trainRows: record.split.trainRows,
    testRows: record.split.testRows,
    trainMs: record.trainMs,
    test: record.metrics?.test ?? null,
  };
}

export function describeDataset(dataset: Dataset): string {
  const source = dataset.source.kind === 'embedded' ? ' (embedded)' : '';
  const shape = `${dataset.features.rows} rows x ${dataset.features.cols} features`;
  return `Data set: ${dataset.name}${source}, ${shape}, ${dataset.dtype}, labels ${dataset.classLabels.join(', ')}`;
}

/** Formats the report that `train` prints for people. */
export function formatTextReport(record: RunRecord): string {
  const { options, split, dataset } = record;
  const classes = `Classes: ${dataset.classLabels[0]} (class 0) vs ${dataset.classLabels[1]} (class 1)`;
  // A run whose options or split were rejected has no split to describe.
  if (record.status === 'failed' && split.trainRows === 0) return `${classes}\nStatus: failed`;
  const lines = [
    classes,
    `Split: ${split.trainRows} training rows, ${split.testRows} test rows` +
      ` (test size ${options.testSize}, seed ${options.seed})`,
    `Training: ${record.epochsCompleted} of ${options.epochs} epochs at learning rate ${options.learningRate}` +
      `, ${record.trainMs.toFixed(1)} ms`,
  ];
  if (record.metrics === null) return [...lines, `Status: ${record.status}`].join('\n');

  const { train, test } = record.metrics;
  return [
    ...lines,
    '',
    `Training accuracy: ${percent(train.accuracy)}   log-loss ${train.logLoss.toFixed(4)}`,
    `Test accuracy:     ${percent(test.accuracy)}   log-loss ${test.logLoss.toFixed(4)}`,
    `Test precision ${test.precision.toFixed(4)}, recall ${test.recall.toFixed(4)}, F1 ` +
      `${test.f1.toFixed(4)}, ROC AUC ${test.rocAuc === null ? 'n/a' : test.rocAuc.toFixed(4)}`,
    '',
    ...formatConfusion(test, dataset.classLabels),
  ].join('\n');
}

function percent(fraction: number): string {
  return `${(fraction * 100).toFixed(2)} %`;
}

function formatConfusion(metrics: ClassificationMetrics, labels: [string, string]): string[] {
  const { trueNegatives, falsePositives, falseNegatives, truePositives } = metrics.confusion;
  const width = Math.max(...labels.map((label) => label.length), 9) + 2;
  const cell = (text: string | number) => String(text).padStart(width);
  return [
    'Test confusion matrix (rows: true class, columns: predicted class)',
    `${' '.repeat(width)}${cell(labels[0])}${cell(labels[1])}`,
    `${cell(labels[0])}${cell(trueNegatives)}${cell(falsePositives)}`,
    `${cell(labels[1])}${cell(falseNegatives)}${cell(truePositives)}`,
  ];
}
