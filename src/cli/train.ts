/**
 * `npm run train -- [options]`: trains one model from the command line with the same core, loader
 * and run format as the app. Results go to stdout, progress and problems to stderr.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadDataset } from '../main/data/loadDataset';
import { buildRunRecord } from '../main/runs/buildRunRecord';
import { createRunId } from '../main/store/runId';
import type { Dataset } from '../shared/dataset/dataset';
import { selectClasses } from '../shared/dataset/selectClasses';
import { InputError } from '../shared/errors';
import type { RunRecord } from '../shared/runs/runRecord';
import { toWeightsExport } from '../shared/runs/weightsExport';
import { runTraining } from '../shared/training/runTraining';
import { runCommand } from './runCommand';
import { StderrProgress } from './stderrProgress';
import { parseTrainArguments, TRAIN_USAGE, type TrainArguments } from './trainArguments';
import { describeDataset, formatTextReport, toJsonReport } from './trainReport';
import { writeOutputFile } from './writeOutputFile';

const RESOURCES_DIR = fileURLToPath(new URL('../../resources', import.meta.url));
const PACKAGE_JSON = fileURLToPath(new URL('../../package.json', import.meta.url));

async function main(argv: string[]): Promise<number> {
  const args = parseTrainArguments(argv);
  if (args.help) {
    process.stdout.write(TRAIN_USAGE);
    return 0;
  }

  const progress = new StderrProgress(!args.quiet);
  const dataset = await loadDataset(args.dataset, {
    resourcesDir: RESOURCES_DIR,
    onProgress: (fraction) => progress.update(`loading ${(fraction * 100).toFixed(0)} %`),
  });
  progress.finish();
  if (!args.json) process.stdout.write(`${describeDataset(dataset)}\n`);

  const record = train(dataset, args, progress);
  await writeOutputs(record, args);
  process.stdout.write(
    args.json ? `${JSON.stringify(toJsonReport(record))}\n` : `${formatTextReport(record)}\n`,
  );
  if (record.status !== 'finished') process.stderr.write(`train: ${record.failure?.message}\n`);
  return record.status === 'finished' ? 0 : 1;
}

function train(dataset: Dataset, args: TrainArguments, progress: StderrProgress): RunRecord {
  const classes = args.classes ?? defaultClasses(dataset);
  const problem = selectClasses(dataset, classes);
  const createdAt = new Date();
  const { epochs } = args.options;

  const outcome = runTraining(problem, args.options, {
    onEpoch: (epoch, trainLoss, testLoss) =>
      progress.update(
        `epoch ${epoch}/${epochs}  train loss ${trainLoss.toFixed(5)}  test loss ${testLoss.toFixed(5)}`,
      ),
  });
  progress.finish();

  return buildRunRecord({
    id: createRunId(createdAt),
    ...(args.name === null ? {} : { name: args.name }),
    createdAt,
    appVersion: readAppVersion(),
    dataset,
    classes,
    options: args.options,
    outcome,
  });
}

function defaultClasses(dataset: Dataset): [string, string] {
  if (dataset.classLabels.length < 2) {
    throw new InputError(
      'single-class',
      `${dataset.name} holds one label only (${dataset.classLabels.join(', ')}); two are needed`,
    );
  }
  return [dataset.classLabels[0], dataset.classLabels[1]];
}

async function writeOutputs(record: RunRecord, args: TrainArguments): Promise<void> {
  if (args.outPath !== null) {
    await writeOutputFile(args.outPath, `${JSON.stringify(record, null, 1)}\n`, 'run');
  }
  if (args.exportWeightsPath !== null && record.model !== null) {
    const weights = toWeightsExport(record);
    const text = `${JSON.stringify(weights, null, 1)}\n`;
    await writeOutputFile(args.exportWeightsPath, text, 'weights');
  }
}

function readAppVersion(): string {
  return (JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as { version: string }).version;
}

runCommand('train', main);
