/**
 * The large case in a process of its own, so that its peak resident memory covers only loading
 * and training: loads an npy pair with the project's loader, trains it, and prints one JSON
 * object on stdout.
 *
 * Usage: tsx bench/largeCase.ts FEATURES.npy LABELS.npy EPOCHS
 */
import { loadDataset } from '../src/main/data/loadDataset';
import { selectClasses } from '../src/shared/dataset/selectClasses';
import { detectOneHotGroups } from '../src/shared/model/oneHotStructure';
import { runTraining } from '../src/shared/training/runTraining';
import { summarizeTimes, type TimeSummary } from './timeSummary';

export interface LargeCaseResult {
  rows: number;
  cols: number;
  structure: string;
  oneHot: boolean;
  epochs: number;
  loadMs: number;
  selectClassesMs: number;
  /** From the start of training to the end of the first epoch: split, engine setup, epoch 1. */
  firstEpochMs: number;
  /** Epochs 2 to the last. */
  epochMs: TimeSummary;
  trainMs: number;
  trainAccuracy: number | null;
  testAccuracy: number | null;
  maxRssBytes: number;
}

async function main(): Promise<void> {
  const [featuresPath, labelsPath, epochsText] = process.argv.slice(2);
  const epochs = Number(epochsText);

  let started = performance.now();
  const dataset = await loadDataset(
    { kind: 'npy', featuresPath, labelsPath },
    { resourcesDir: '' },
  );
  const loadMs = performance.now() - started;

  started = performance.now();
  const problem = selectClasses(dataset, ['0', '1']);
  const selectClassesMs = performance.now() - started;

  const epochEnds: number[] = [];
  const trainingStarted = performance.now();
  const outcome = runTraining(
    problem,
    { testSize: 0.25, seed: 0, epochs, learningRate: 0.1 },
    { onEpoch: () => epochEnds.push(performance.now()) },
  );
  if (outcome.status !== 'finished')
    throw new Error(`training ${outcome.status}: ${outcome.failure?.message}`);

  const result: LargeCaseResult = {
    rows: problem.features.rows,
    cols: problem.features.cols,
    structure: problem.features.kind,
    oneHot: detectOneHotGroups(problem.features) !== null,
    epochs,
    loadMs,
    selectClassesMs,
    firstEpochMs: epochEnds[0] - trainingStarted,
    epochMs: summarizeTimes(epochEnds.slice(1).map((end, i) => end - epochEnds[i])),
    trainMs: outcome.trainMs,
    trainAccuracy: outcome.metrics?.train.accuracy ?? null,
    testAccuracy: outcome.metrics?.test.accuracy ?? null,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`large case: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
