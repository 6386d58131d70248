import { parseArgs } from 'node:util';
import { InputError } from '../shared/errors';
import type { OpenDatasetRequest } from '../shared/ipc/workbenchApi';
import type { TrainingOptions } from '../shared/training/trainingOptions';
import { DEFAULT_TRAINING_OPTIONS } from '../shared/training/trainingOptions';
import { validateTrainingOptions } from '../shared/training/validateTrainingOptions';

export const TRAIN_USAGE = `Usage: npm run train -- [options]

Trains a binary logistic-regression classifier by full-batch gradient descent from zero weights.
Without data options it trains on the embedded UCI splice-junction set, EI vs IE.

Data (one of):
  --x FILE --y FILE        features (2-D .npy) and labels (1-D .npy)
  --data FILE              DNA sequences in the UCI splice layout (class, name, sequence)
  (none)                   the embedded splice-junction set
Classes:
  --classes A,B            the two labels to keep; A becomes class 0 (default: the first two
                           labels in file order)
Training:
  --test-size N            test fraction in (0, 1), or a whole number of test rows
                           (default ${DEFAULT_TRAINING_OPTIONS.testSize})
  --seed N                 split seed, 0 to 4294967295 (default ${DEFAULT_TRAINING_OPTIONS.seed})
  --epochs N               gradient-descent steps, 1 to 1000000 (default ${DEFAULT_TRAINING_OPTIONS.epochs})
  --lr N                   learning rate, above 0 and at most 1000 (default ${DEFAULT_TRAINING_OPTIONS.learningRate})
Output:
  --out FILE               write the run as JSON, in the app's run format
  --export-weights FILE    write the trained weights as JSON, in the app's export format
  --name TEXT              name of the run (default: made from the data and options)
  --json                   print one JSON object on stdout instead of the report
  --quiet                  no progress on stderr
  -h, --help               show this help
`;

export interface TrainArguments {
  dataset: OpenDatasetRequest;
  classes: [string, string] | null;
  options: TrainingOptions;
  outPath: string | null;
  exportWeightsPath: string | null;
  name: string | null;
  json: boolean;
  quiet: boolean;
  help: boolean;
}

/** Parses and checks the command line; throws `InputError` with a message for the person. */
export function parseTrainArguments(argv: string[]): TrainArguments {
  const { values } = parseCommandLine(argv);

  return {
    dataset: chooseDataset(values.x, values.y, values.data),
    classes: values.classes === undefined ? null : parseClasses(values.classes),
    options: validateTrainingOptions({
      testSize: parseNumberOption('--test-size', values['test-size']),
      seed: parseNumberOption('--seed', values.seed),
      epochs: parseNumberOption('--epochs', values.epochs),
      learningRate: parseNumberOption('--lr', values.lr),
    }),
    outPath: values.out ?? null,
    exportWeightsPath: values['export-weights'] ?? null,
    name: values.name ?? null,
    json: values.json ?? false,
    quiet: values.quiet ?? false,
    help: values.help ?? false,
  };
}

/** Options that take a value; a value that starts with a minus sign is still theirs. */
const VALUE_OPTIONS = new Set(['--test-size', '--seed', '--epochs', '--lr']);

/**
 * Joins `--epochs -5` into `--epochs=-5`, so that a negative number reaches the range check and
 * its message instead of `parseArgs` taking it for an option.
 */
function joinNegativeValues(argv: string[]): string[] {
  const joined: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const next = argv[i + 1];
    if (VALUE_OPTIONS.has(argv[i]) && next !== undefined && /^-[\d.]/.test(next)) {
      joined.push(`${argv[i]}=${next}`);
      i++;
    } else {
      joined.push(argv[i]);
    }
  }
  return joined;
}

function parseCommandLine(argv: string[]) {
  try {
    return parseArgs({
      args: joinNegativeValues(argv),
      strict: true,
      allowPositionals: false,
      options: {
        x: { type: 'string' },
        y: { type: 'string' },
        data: { type: 'string' },
        classes: { type: 'string' },
        'test-size': { type: 'string' },
        seed: { type: 'string' },
        epochs: { type: 'string' },
        lr: { type: 'string' },
        out: { type: 'string' },
        'export-weights': { type: 'string' },
        name: { type: 'string' },
        json: { type: 'boolean' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new InputError('invalid-option', `${(error as Error).message}; see --help`);
  }
}

function chooseDataset(
  x: string | undefined,
  y: string | undefined,
  data: string | undefined,
): OpenDatasetRequest {
  if (data !== undefined && (x !== undefined || y !== undefined)) {
    throw new InputError('invalid-option', 'give either --data or --x with --y, not both');
  }
  if (data !== undefined) return { kind: 'sequences', path: data };
  if (x === undefined && y === undefined) return { kind: 'embedded' };
  if (x === undefined || y === undefined) {
    throw new InputError('invalid-option', '--x and --y must be given together');
  }
  return { kind: 'npy', featuresPath: x, labelsPath: y };
}

function parseClasses(text: string): [string, string] {
  const labels = text.split(',').map((label) => label.trim());
  if (labels.length !== 2 || labels.some((label) => label === '')) {
    throw new InputError(
      'invalid-option',
      `--classes must be two labels like EI,IE, got "${text}"`,
    );
  }
  return [labels[0], labels[1]];
}

/** Leaves an absent option undefined so that `validateTrainingOptions` applies its default. */
function parseNumberOption(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || Number.isNaN(value)) {
    throw new InputError('invalid-option', `${flag} must be a number, got "${text}"`);
  }
  return value;
}
