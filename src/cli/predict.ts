/**
 * `npm run predict -- --model FILE (--x FILE | --data FILE) [--out FILE.csv]`: scores data with
 * weights exported by `train --export-weights` or the app, and writes one CSV row per sample.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { loadNpyFeatures } from '../main/data/loadNpyFeatures';
import { loadDataset } from '../main/data/loadDataset';
import type { FeatureMatrix } from '../shared/dataset/featureMatrix';
import { InputError } from '../shared/errors';
import { computeLogits } from '../shared/model/logisticRegression';
import { sigmoid } from '../shared/model/logistic';
import { predictClass } from '../shared/model/metrics';
import { parseWeightsExport } from '../shared/runs/weightsExport';
import type { WeightsExport } from '../shared/runs/runRecord';
import { runCommand } from './runCommand';
import { writeOutputFile } from './writeOutputFile';

const USAGE = `Usage: npm run predict -- --model FILE (--x FILE | --data FILE) [--out FILE.csv]

Scores data with exported weights. Prints CSV to stdout, or writes it to --out: the row, the
logit, the probability of class 1 (the column is named probability_<label>), the predicted label,
and the true label when the data has one.

  --model FILE   weights JSON written by train --export-weights or by the app's Export
  --x FILE       features, a 2-D .npy with as many columns as the model has weights
  --data FILE    DNA sequences in the UCI splice layout (class, name, sequence)
  --out FILE     write the CSV here instead of stdout
  -h, --help     show this help
`;

interface Scored {
  name: string;
  features: FeatureMatrix;
  /** True label of each row, when the input has labels. */
  labels: string[] | null;
}

async function main(argv: string[]): Promise<number> {
  const { values } = parsePredictArguments(argv);
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (values.model === undefined) throw new InputError('invalid-option', '--model is required');
  if ((values.x === undefined) === (values.data === undefined)) {
    throw new InputError('invalid-option', 'give exactly one of --x and --data; see --help');
  }

  const model = await readModel(values.model);
  const input =
    values.x !== undefined ? await readFeatures(values.x) : await readSequences(values.data!);
  checkFeatureCount(model, input, basename(values.model));

  const csv = toCsv(model, input);
  if (values.out === undefined) process.stdout.write(csv);
  else await writeOutputFile(values.out, csv, 'predictions');
  return 0;
}

function parsePredictArguments(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      strict: true,
      options: {
        model: { type: 'string' },
        x: { type: 'string' },
        data: { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new InputError('invalid-option', (error as Error).message);
  }
}

async function readModel(path: string): Promise<WeightsExport> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError('file-not-found', `model file ${path} not found`);
    const reason = code === 'EISDIR' ? 'it is a folder' : `error ${code ?? String(error)}`;
    throw new InputError('invalid-file', `model file ${path} cannot be read: ${reason}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InputError(
      'invalid-file',
      `model file ${path} is not valid JSON: ${(error as Error).message}`,
    );
  }
  if (typeof json === 'object' && json !== null && 'formatVersion' in json && 'split' in json) {
    throw new InputError(
      'invalid-file',
      `model file ${path} is a stored run, not exported weights; export them with ` +
        '`train --export-weights FILE` or Export in the app',
    );
  }
  return parseWeightsExport(json, basename(path));
}

async function readFeatures(path: string): Promise<Scored> {
  const { name, features } = await loadNpyFeatures(path);
  return { name, features, labels: null };
}

async function readSequences(path: string): Promise<Scored> {
  // A sequence file never refers to the resources folder, so none is given.
  const dataset = await loadDataset({ kind: 'sequences', path }, { resourcesDir: '' });
  const labels = Array.from(dataset.labelCodes, (code) => dataset.classLabels[code]);
  return { name: dataset.name, features: dataset.features, labels };
}

function checkFeatureCount(model: WeightsExport, input: Scored, modelName: string): void {
  if (input.features.cols === model.weights.length) return;
  throw new InputError(
    'shape-mismatch',
    `model ${modelName} expects ${model.weights.length} features but ${input.name} has ${input.features.cols}`,
  );
}

function toCsv(model: WeightsExport, input: Scored): string {
  const logits = new Float64Array(input.features.rows);
  computeLogits(
    input.features,
    { weights: Float64Array.from(model.weights), bias: model.bias },
    logits,
  );

  const probability = `probability_${model.classLabels[1]}`;
  const header = [
    'row',
    'logit',
    csvText(probability),
    'predicted',
    ...(input.labels ? ['actual'] : []),
  ];
  const lines = [header.join(',')];
  logits.forEach((logit, row) => {
    const predicted = model.classLabels[predictClass(logit)];
    const cells = [row, logit, sigmoid(logit), csvText(predicted)];
    if (input.labels) cells.push(csvText(input.labels[row]));
    lines.push(cells.join(','));
  });
  return `${lines.join('\n')}\n`;
}

/** Quotes a label for CSV when it contains a comma, a quote or a line break. */
function csvText(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

runCommand('predict', main);
