/**
 * `npm run bench -- [options]`: times the training loop on the classic splice task, on dense
 * continuous data and on a large generated splice-like data set, next to the same algorithm in
 * NumPy where python3 has it. Prints a report, or one JSON object with --json.
 */
import { spawnSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDataset } from '../src/main/data/loadDataset';
import type { BinaryProblem } from '../src/shared/dataset/dataset';
import { selectClasses } from '../src/shared/dataset/selectClasses';
import { DEFAULT_TRAINING_OPTIONS } from '../src/shared/training/trainingOptions';
import { parseBenchArguments, BENCH_USAGE, type BenchArguments } from './benchArguments';
import { ensureLargeSplice, makeDenseProblem, writeProblemNpy } from './benchData';
import { formatReport, type BenchReport, type CaseReport } from './benchReport';
import type { LargeCaseResult } from './largeCase';
import { findNumpy, runNumpyCase, type NumpyResult } from './numpyReference';
import { maxWeightDifference, timeTraining, toDenseMatrix, trainingRows } from './trainingCases';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const LARGE_CASE_SCRIPT = fileURLToPath(new URL('largeCase.ts', import.meta.url));
const DENSE_OPTIONS = { testSize: 0.25, seed: 0, epochs: 50, learningRate: 0.1 };
const LARGE_EPOCHS = 10;
const GENERATOR_SEED = 1;

async function main(argv: string[]): Promise<number> {
  const args = parseBenchArguments(argv);
  if (args.help) {
    process.stdout.write(BENCH_USAGE);
    return 0;
  }
  await mkdir(args.dataDir, { recursive: true });
  const numpy = args.skipNumpy ? null : findNumpy();
  const splice = await loadSplice();

  const report: BenchReport = {
    machine: describeMachine(numpy),
    cases: [await classicCase(splice, args, numpy !== null), await denseCase(args, numpy !== null)],
    large: args.skipLarge ? null : await largeCase(splice, args),
  };
  process.stdout.write(args.json ? `${JSON.stringify(report)}\n` : formatReport(report));
  return 0;
}

async function loadSplice(): Promise<BinaryProblem> {
  const dataset = await loadDataset(
    { kind: 'embedded' },
    { resourcesDir: join(ROOT, 'resources') },
  );
  return selectClasses(dataset, ['EI', 'IE']);
}

/** Times the splice EI-vs-IE task with the default options, as the app trains it. */
async function classicCase(
  problem: BinaryProblem,
  args: BenchArguments,
  withNumpy: boolean,
): Promise<CaseReport> {
  const options = DEFAULT_TRAINING_OPTIONS;
  const repeats = args.repeats ?? 15;
  progress(`classic: ${repeats} timed runs of each engine`);
  const js = timeTraining(problem, options, 'fastest', 3, repeats);
  const plain = timeTraining(problem, options, 'plain', 1, Math.min(repeats, 5));

  const files = await writeProblemNpy(args.dataDir, 'classic', {
    ...problem,
    features: toDenseMatrix(problem.features),
  });
  const numpy = withNumpy
    ? await runNumpyCase({
        name: 'classic',
        ...files,
        trainRows: trainingRows(problem, options),
        trainRowsPath: join(args.dataDir, 'classic-train-rows.json'),
        epochs: options.epochs,
        repeats,
      })
    : null;
  return caseReport('classic', problem, options.epochs, js, plain, numpy, {
    kind: 'faster',
    factor: 2,
  });
}

/** Times 20 000 x 200 standard normal features for 50 epochs. */
async function denseCase(args: BenchArguments, withNumpy: boolean): Promise<CaseReport> {
  const problem = makeDenseProblem(20000, 200, GENERATOR_SEED);
  const repeats = args.repeats ?? 5;
  progress(`dense: ${repeats} timed runs`);
  const js = timeTraining(problem, DENSE_OPTIONS, 'fastest', 1, repeats);
  const plain = timeTraining(problem, DENSE_OPTIONS, 'plain', 1, Math.min(repeats, 2));

  const files = await writeProblemNpy(args.dataDir, 'dense', problem);
  const numpy = withNumpy
    ? await runNumpyCase({
        name: 'dense',
        ...files,
        trainRows: trainingRows(problem, DENSE_OPTIONS),
        trainRowsPath: join(args.dataDir, 'dense-train-rows.json'),
        epochs: DENSE_OPTIONS.epochs,
        repeats,
      })
    : null;
  return caseReport('dense', problem, DENSE_OPTIONS.epochs, js, plain, numpy, {
    kind: 'no-slower',
    factor: 2,
  });
}

function caseReport(
  name: string,
  problem: BinaryProblem,
  epochs: number,
  js: ReturnType<typeof timeTraining>,
  plain: ReturnType<typeof timeTraining>,
  numpy: NumpyResult | null,
  target: CaseReport['target'],
): CaseReport {
  const numpyModel = numpy && { weights: numpy.weights, bias: numpy.bias };
  return {
    name,
    rows: problem.features.rows,
    cols: problem.features.cols,
    epochs,
    js: js.timing,
    plain: plain.timing,
    plainMaxWeightDifference: maxWeightDifference(js.model, plain.model),
    numpy: numpy && summarizeNumpy(numpy),
    numpyMaxWeightDifference: numpyModel && maxWeightDifference(js.model, numpyModel),
    target,
  };
}

function summarizeNumpy(numpy: NumpyResult): CaseReport['numpy'] {
  const { runs, medianMs, minMs, maxMs, rows, cols } = numpy;
  return { runs, medianMs, minMs, maxMs, rows, cols };
}

/** Generates the large data set once, then loads and trains it in a child process. */
async function largeCase(splice: BinaryProblem, args: BenchArguments): Promise<LargeCaseResult> {
  if (splice.features.kind !== 'binary') throw new Error('the splice data did not load as binary');
  progress(`large: making ${args.largeRows} rows in ${args.dataDir} unless present`);
  const files = await ensureLargeSplice(
    args.dataDir,
    args.largeRows,
    { ...splice, features: splice.features },
    GENERATOR_SEED,
  );

  progress(`large: loading ${files.featuresPath} and training ${LARGE_EPOCHS} epochs`);
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', LARGE_CASE_SCRIPT, files.featuresPath, files.labelsPath, `${LARGE_EPOCHS}`],
    { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  if (child.status !== 0) throw new Error(`the large case failed with exit code ${child.status}`);
  return JSON.parse(child.stdout) as LargeCaseResult;
}

function describeMachine(numpy: string | null): BenchReport['machine'] {
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cpus: cpus().length,
    node: process.version,
    numpy,
  };
}

function progress(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
