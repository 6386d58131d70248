import type { RunRecord, RunSummary } from './runRecord';

/**
 * Returns the fields of a run that a list of runs shows. The accuracies are null when the run has
 * no metrics, as for a failed run.
 */
export function summarizeRun(record: RunRecord): RunSummary {
  return {
    id: record.id,
    name: record.name,
    createdAt: record.createdAt,
    status: record.status,
    datasetName: record.dataset.name,
    classLabels: [record.dataset.classLabels[0], record.dataset.classLabels[1]],
    options: { ...record.options },
    epochsCompleted: record.epochsCompleted,
    trainAccuracy: record.metrics?.train.accuracy ?? null,
    testAccuracy: record.metrics?.test.accuracy ?? null,
  };
}
