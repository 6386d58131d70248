/**
 * Shape checks for data that arrives from outside the process: IPC arguments, run files and
 * weights files. Each check returns the value with its static type or throws
 * `InputError('invalid-payload')` whose message names the path of the value, what was expected
 * and what arrived. Callers that read files rethrow with their own code and the file name.
 */
import { InputError } from '../errors';

/** Maximum length of a string repeated in a message, so a huge string cannot flood a log. */
const MAX_DESCRIBED_LENGTH = 40;

/** Describes a received value for a message: its kind and, for short values, the value itself. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length} items`;
  if (typeof value === 'string') {
    if (value.length > MAX_DESCRIBED_LENGTH) return `a string of ${value.length} characters`;
    return JSON.stringify(value);
  }
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

/** Throws the failure for `path`, whose value did not meet `expected`. */
export function rejectValue(path: string, expected: string, value: unknown): never {
  throw new InputError(
    'invalid-payload',
    `${path} must be ${expected}, got ${describeValue(value)}`,
  );
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * Checks that `value` is a plain object that has every key in `required`. With `unknownKeys`
 * 'reject', the default, every own key must also be in `required` or `optional`: keys such as
 * `__proto__` and `constructor` are then rejected like any other unknown key. Files use 'ignore'
 * so that a newer field does not make an older program reject the file.
 */
export function expectObject(
  value: unknown,
  path: string,
  required: readonly string[],
  optional: readonly string[] = [],
  unknownKeys: 'reject' | 'ignore' = 'reject',
): Record<string, unknown> {
  if (!isPlainObject(value)) rejectValue(path, 'an object', value);
  if (unknownKeys === 'reject') rejectUnknownKeys(value, path, [...required, ...optional]);

  for (const key of required) {
    if (!Object.hasOwn(value, key)) {
      throw new InputError('invalid-payload', `${path} is missing the key "${key}"`);
    }
  }
  return value;
}

function rejectUnknownKeys(value: object, path: string, known: readonly string[]): void {
  const allowed = new Set(known);
  for (const key of Reflect.ownKeys(value)) {
    if (typeof key !== 'string' || !allowed.has(key)) {
      const name = typeof key === 'string' ? JSON.stringify(key) : 'a symbol';
      throw new InputError('invalid-payload', `${path} has the unknown key ${name}`);
    }
  }
}

export interface StringRule {
  /** Maximum length in UTF-16 code units. */
  maxLength: number;
  /** Minimum length after trimming white space; 1 when absent, so blank strings are rejected. */
  minLength?: number;
  /** A pattern the whole string must match, and the words that describe it in a message. */
  pattern?: { regex: RegExp; description: string };
}

/** Checks a string's length and pattern; control characters other than tab are rejected. */
export function expectString(value: unknown, path: string, rule: StringRule): string {
  const minLength = rule.minLength ?? 1;
  if (typeof value !== 'string') rejectValue(path, 'a string', value);
  if (value.length > rule.maxLength) {
    rejectValue(path, `a string of at most ${rule.maxLength} characters`, value);
  }
  if (value.trim().length < minLength) {
    rejectValue(path, `a string of at least ${minLength} non-blank characters`, value);
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000a-\u001f\u007f]/.test(value)) {
    rejectValue(path, 'a string without control characters', value);
  }
  if (rule.pattern && !rule.pattern.regex.test(value)) {
    rejectValue(path, rule.pattern.description, value);
  }
  return value;
}

export function expectOneOf<T extends string>(
  value: unknown,
  path: string,
  options: readonly T[],
): T {
  if (typeof value !== 'string' || !(options as readonly string[]).includes(value)) {
    rejectValue(path, `one of ${options.map((option) => `"${option}"`).join(', ')}`, value);
  }
  return value as T;
}

/** Checks for a finite number: NaN and the infinities are rejected. */
export function expectFiniteNumber(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    rejectValue(path, 'a finite number', value);
  }
  return value;
}

export function expectInteger(value: unknown, path: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    rejectValue(path, `an integer from ${min} to ${max}`, value);
  }
  return value;
}

export function expectArray(value: unknown, path: string, maxLength: number): unknown[] {
  if (!Array.isArray(value)) rejectValue(path, 'an array', value);
  if (value.length > maxLength) rejectValue(path, `an array of at most ${maxLength} items`, value);
  return value;
}

/** Checks an array of finite numbers; `length` fixes its length when given. */
export function expectFiniteNumbers(
  value: unknown,
  path: string,
  maxLength: number,
  length?: number,
): number[] {
  const items = expectArray(value, path, maxLength);
  if (length !== undefined && items.length !== length) {
    rejectValue(path, `an array of ${length} numbers`, value);
  }
  items.forEach((item, index) => expectFiniteNumber(item, `${path}[${index}]`));
  return items as number[];
}
