import { InputError } from '../errors';
import { MAX_SEED } from '../random/randomState';
import { DEFAULT_TRAINING_OPTIONS, type TrainingOptions } from './trainingOptions';

export const MAX_EPOCHS = 1_000_000;
export const MAX_LEARNING_RATE = 1000;

/** Maximum length of a received string that an error message repeats. */
const MAX_SHOWN_LENGTH = 40;

type OptionName = keyof TrainingOptions;

const OPTION_NAMES: readonly OptionName[] = ['testSize', 'seed', 'epochs', 'learningRate'];

/** Names of the options in messages, as the window and the command line's help call them. */
const OPTION_LABELS: Record<OptionName, string> = {
  testSize: 'test size',
  seed: 'seed',
  epochs: 'epochs',
  learningRate: 'learning rate',
};

/** A number written in decimal or exponent notation, as a command line passes it. */
const DECIMAL_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * Checks training options and returns them with every missing option set to its default.
 * `input` is an object whose options are numbers or strings holding a decimal number; undefined
 * and null mean all defaults. Throws `InputError('invalid-option')` naming the option, the value
 * received and the valid range. Whether `testSize` fits the data set is checked at the split,
 * where the row count is known.
 */
export function validateTrainingOptions(input: unknown): TrainingOptions {
  const fields = readOptionFields(input);
  const testSize = readNumber(fields, 'testSize');
  const seed = readNumber(fields, 'seed');
  const epochs = readNumber(fields, 'epochs');
  const learningRate = readNumber(fields, 'learningRate');

  checkTestSize(testSize);
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
    throw invalidOption('seed', seed, `an integer from 0 to 2**32 - 1 (${MAX_SEED})`);
  }
  if (!Number.isInteger(epochs) || epochs < 1 || epochs > MAX_EPOCHS) {
    throw invalidOption('epochs', epochs, `an integer from 1 to ${MAX_EPOCHS}`);
  }
  if (!(learningRate > 0 && learningRate <= MAX_LEARNING_RATE)) {
    throw invalidOption(
      'learningRate',
      learningRate,
      `greater than 0 and at most ${MAX_LEARNING_RATE}`,
    );
  }
  return { testSize, seed, epochs, learningRate };
}

function readOptionFields(input: unknown): Record<string, unknown> {
  if (input === undefined || input === null) return {};
  if (typeof input !== 'object' || Array.isArray(input)) {
    throw new InputError(
      'invalid-option',
      `training options must be an object, received ${describe(input)}`,
    );
  }
  const fields = input as Record<string, unknown>;
  const unknownNames = Object.keys(fields).filter((name) => !isOptionName(name));
  if (unknownNames.length > 0) {
    throw new InputError(
      'invalid-option',
      `unknown training option ${unknownNames.map((name) => `'${name}'`).join(', ')}; ` +
        `the options are ${OPTION_NAMES.join(', ')}`,
    );
  }
  return fields;
}

/** Returns the option as a number, its default when absent, and throws for any other type. */
function readNumber(fields: Record<string, unknown>, name: OptionName): number {
  const value = fields[name];
  if (value === undefined) return DEFAULT_TRAINING_OPTIONS[name];
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && DECIMAL_NUMBER.test(value.trim())) return Number(value);
  throw invalidOption(name, value, 'a number');
}

function checkTestSize(testSize: number): void {
  const isCount = Number.isInteger(testSize) && testSize >= 1;
  const isFraction = testSize > 0 && testSize < 1;
  if (!isCount && !isFraction) {
    throw invalidOption(
      'testSize',
      testSize,
      'a fraction between 0 and 1 (exclusive) or a whole number of test rows from 1',
    );
  }
}

function invalidOption(name: OptionName, value: unknown, range: string): InputError {
  const message = `${OPTION_LABELS[name]} must be ${range}, received ${describe(value)}`;
  return new InputError('invalid-option', message);
}

function isOptionName(name: string): name is OptionName {
  return (OPTION_NAMES as readonly string[]).includes(name);
}

/** Shows a received value in a message: strings quoted and cut short, objects by their kind. */
function describe(value: unknown): string {
  if (typeof value === 'string') {
    return value.length > MAX_SHOWN_LENGTH
      ? `'${value.slice(0, MAX_SHOWN_LENGTH)}...'`
      : `'${value}'`;
  }
  if (value === null || typeof value !== 'object') return String(value);
  return Array.isArray(value) ? 'an array' : 'an object';
}
