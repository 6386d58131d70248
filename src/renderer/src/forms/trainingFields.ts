/**
 * Checks of the training option fields as a person types them. The ranges match the documented
 * ranges of `TrainingOptions`, and main validates the options again before it trains.
 */
import type { TrainingOptions } from '../../../shared/training/trainingOptions';
import { formatInteger } from '../format/numbers';

export type TrainingField = keyof TrainingOptions;

/** The text of each option field, as typed. */
export type TrainingFieldText = Record<TrainingField, string>;

export type FieldCheck = { ok: true; value: number } | { ok: false; message: string };

export const TRAINING_FIELDS: readonly TrainingField[] = [
  'testSize',
  'seed',
  'epochs',
  'learningRate',
];

export const FIELD_LABELS: Record<TrainingField, string> = {
  testSize: 'Test fraction',
  seed: 'Seed',
  epochs: 'Epochs',
  learningRate: 'Learning rate',
};

const MAX_SEED = 2 ** 32 - 1;
const MAX_EPOCHS = 1_000_000;
const MAX_LEARNING_RATE = 1000;

export const FIELD_HINTS: Record<TrainingField, string> = {
  testSize: 'Fraction in (0, 1), or a row count',
  seed: `Integer, 0 to ${formatInteger(MAX_SEED)}`,
  epochs: `Integer, 1 to ${formatInteger(MAX_EPOCHS)}`,
  learningRate: `Above 0, at most ${formatInteger(MAX_LEARNING_RATE)}`,
};

// Plain decimal notation with an optional exponent. It rejects text that Number() accepts too,
// such as "0x10", "Infinity" and the empty string.
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Formats the options as field text, for the form's initial values. */
export function toFieldText(options: TrainingOptions): TrainingFieldText {
  return {
    testSize: String(options.testSize),
    seed: String(options.seed),
    epochs: String(options.epochs),
    learningRate: String(options.learningRate),
  };
}

/**
 * Parses one field. `problemRows`, the row count of the two chosen classes, bounds a test size
 * given as a row count, because at least one row must stay for training.
 */
export function checkTrainingField(
  field: TrainingField,
  text: string,
  problemRows?: number,
): FieldCheck {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: `Enter a value for ${FIELD_LABELS[field]}.` };
  if (!DECIMAL.test(trimmed)) {
    return { ok: false, message: `${FIELD_LABELS[field]} must be a number, not "${trimmed}".` };
  }

  const value = Number(trimmed);
  const message = rangeMessage(field, value, problemRows);
  return message === null ? { ok: true, value } : { ok: false, message };
}

function rangeMessage(field: TrainingField, value: number, problemRows?: number): string | null {
  switch (field) {
    case 'testSize':
      return testSizeMessage(value, problemRows);
    case 'seed':
      return Number.isInteger(value) && value >= 0 && value <= MAX_SEED
        ? null
        : `Seed must be an integer from 0 to ${formatInteger(MAX_SEED)}.`;
    case 'epochs':
      return Number.isInteger(value) && value >= 1 && value <= MAX_EPOCHS
        ? null
        : `Epochs must be an integer from 1 to ${formatInteger(MAX_EPOCHS)}.`;
    case 'learningRate':
      return value > 0 && value <= MAX_LEARNING_RATE
        ? null
        : `Learning rate must be greater than 0 and at most ${formatInteger(MAX_LEARNING_RATE)}.`;
  }
}

function testSizeMessage(value: number, problemRows?: number): string | null {
  if (value > 0 && value < 1) return null;
  if (!Number.isInteger(value) || value < 1) {
    return 'Test fraction must be between 0 and 1, or an integer count of test rows of at least 1.';
  }
  if (problemRows !== undefined && value >= problemRows) {
    const classRows = `the two classes have ${formatInteger(problemRows)} rows in all`;
    return `Test size ${formatInteger(value)} leaves no rows for training, because ${classRows}.`;
  }
  return null;
}

/** Parses every field. `options` is null while any field is invalid. */
export function checkTrainingFields(
  text: TrainingFieldText,
  problemRows?: number,
): { options: TrainingOptions | null; errors: Partial<Record<TrainingField, string>> } {
  const errors: Partial<Record<TrainingField, string>> = {};
  const values: Partial<TrainingOptions> = {};
  for (const field of TRAINING_FIELDS) {
    const check = checkTrainingField(field, text[field], problemRows);
    if (check.ok) values[field] = check.value;
    else errors[field] = check.message;
  }

  const valid = Object.keys(errors).length === 0;
  return { options: valid ? (values as TrainingOptions) : null, errors };
}
