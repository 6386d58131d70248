/**
 * Checks one call that arrived on the invoke channel: the method name and every argument. The
 * renderer is not trusted, so each argument is checked for type, length and range, objects may
 * carry only the keys the API names, and ids must match their strict patterns. The result is
 * built from fresh objects, never from the received ones.
 */
import { isAbsolute } from 'node:path';
import { InputError } from '../../shared/errors';
import {
  describeValue,
  expectArray,
  expectFiniteNumber,
  expectObject,
  expectOneOf,
  expectString,
} from '../../shared/ipc/validatePayload';
import {
  INVOKE_METHODS,
  type DatasetFileKind,
  type InvokeMethod,
  type OpenDatasetRequest,
  type TrainRequest,
} from '../../shared/ipc/workbenchApi';
import { validateTrainingOptions } from '../../shared/training/validateTrainingOptions';
import { MAX_RUN_NAME_LENGTH } from '../../shared/runs/runRecord';
import { RUN_ID_PATTERN } from '../store/runId';
import { DATASET_ID_PATTERN } from './datasetRegistry';

/** Maximum length of a file path, in characters: Linux's PATH_MAX, the largest common limit. */
export const MAX_PATH_LENGTH = 4096;
/** Maximum length of a class label, in characters. */
export const MAX_CLASS_LABEL_LENGTH = 1000;

export type InvokeCall =
  | { method: 'datasets.open'; request: OpenDatasetRequest }
  | { method: 'datasets.chooseFiles'; kind: DatasetFileKind }
  | { method: 'training.start'; request: TrainRequest }
  | { method: 'training.cancel'; runId: string }
  | { method: 'runs.list' }
  | { method: 'runs.get'; runId: string }
  | { method: 'runs.rename'; runId: string; name: string }
  | { method: 'runs.remove'; runId: string }
  | { method: 'export.exportWeights'; runId: string };

type ArgumentParser = (args: unknown[]) => InvokeCall;

const PARSERS: Record<InvokeMethod, { arity: number; parse: ArgumentParser }> = {
  'datasets.open': {
    arity: 1,
    parse: ([request]) => ({ method: 'datasets.open', request: parseOpenRequest(request) }),
  },
  'datasets.chooseFiles': {
    arity: 1,
    parse: ([kind]) => ({
      method: 'datasets.chooseFiles',
      kind: expectOneOf(kind, 'kind', ['npy-pair', 'sequences']),
    }),
  },
  'training.start': {
    arity: 1,
    parse: ([request]) => ({ method: 'training.start', request: parseTrainRequest(request) }),
  },
  'training.cancel': {
    arity: 1,
    parse: ([runId]) => ({ method: 'training.cancel', runId: parseRunId(runId) }),
  },
  'runs.list': { arity: 0, parse: () => ({ method: 'runs.list' }) },
  'runs.get': { arity: 1, parse: ([runId]) => ({ method: 'runs.get', runId: parseRunId(runId) }) },
  'runs.rename': {
    arity: 2,
    parse: ([runId, name]) => ({
      method: 'runs.rename',
      runId: parseRunId(runId),
      name: parseRunName(name, 'name'),
    }),
  },
  'runs.remove': {
    arity: 1,
    parse: ([runId]) => ({ method: 'runs.remove', runId: parseRunId(runId) }),
  },
  'export.exportWeights': {
    arity: 1,
    parse: ([runId]) => ({ method: 'export.exportWeights', runId: parseRunId(runId) }),
  },
};

/**
 * Checks a method name and its arguments. Throws `InputError('invalid-payload')` whose message
 * names the method, the argument and what was wrong with it.
 */
export function parseInvokeCall(method: unknown, args: unknown): InvokeCall {
  if (typeof method !== 'string' || !(INVOKE_METHODS as readonly string[]).includes(method)) {
    throw new InputError('invalid-payload', `unknown method ${describeValue(method)}`);
  }
  const { arity, parse } = PARSERS[method as InvokeMethod];

  try {
    const list = expectArray(args, 'the arguments', Number.MAX_SAFE_INTEGER);
    if (list.length !== arity) {
      const expected = arity === 1 ? '1 argument' : `${arity} arguments`;
      throw new InputError('invalid-payload', `expected ${expected}, got ${list.length}`);
    }
    return parse(list);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    throw new InputError('invalid-payload', `${method}: ${error.message}`);
  }
}

function parseRunId(value: unknown): string {
  const description = 'a run id such as "20261204T153012Z-3f9a1c"';
  return expectString(value, 'runId', {
    maxLength: 30,
    pattern: { regex: RUN_ID_PATTERN, description },
  });
}

function parseRunName(value: unknown, path: string): string {
  return expectString(value, path, { maxLength: MAX_RUN_NAME_LENGTH }).trim();
}

function parsePath(value: unknown, path: string): string {
  const text = expectString(value, path, { maxLength: MAX_PATH_LENGTH });
  if (!isAbsolute(text)) {
    throw new InputError(
      'invalid-payload',
      `${path} must be an absolute path, got ${describeValue(text)}`,
    );
  }
  return text;
}

function parseOpenRequest(value: unknown): OpenDatasetRequest {
  const kindHolder = expectObject(
    value,
    'request',
    ['kind'],
    ['featuresPath', 'labelsPath', 'path'],
  );
  const kind = expectOneOf(kindHolder.kind, 'request.kind', ['embedded', 'npy', 'sequences']);
  if (kind === 'embedded') {
    expectObject(value, 'request', ['kind']);
    return { kind };
  }
  if (kind === 'npy') {
    const request = expectObject(value, 'request', ['kind', 'featuresPath', 'labelsPath']);
    const featuresPath = parsePath(request.featuresPath, 'request.featuresPath');
    return { kind, featuresPath, labelsPath: parsePath(request.labelsPath, 'request.labelsPath') };
  }
  const request = expectObject(value, 'request', ['kind', 'path']);
  return { kind, path: parsePath(request.path, 'request.path') };
}

function parseTrainRequest(value: unknown): TrainRequest {
  const request = expectObject(value, 'request', ['datasetId', 'classes', 'options'], ['name']);
  const description = 'a data set id returned by datasets.open';
  const datasetId = expectString(request.datasetId, 'request.datasetId', {
    maxLength: 40,
    pattern: { regex: DATASET_ID_PATTERN, description },
  });

  const parsed: TrainRequest = {
    datasetId,
    classes: parseClasses(request.classes),
    options: parseTrainingOptions(request.options),
  };
  if (request.name !== undefined) parsed.name = parseRunName(request.name, 'request.name');
  return parsed;
}

function parseClasses(value: unknown): [string, string] {
  const classes = expectArray(value, 'request.classes', Number.MAX_SAFE_INTEGER);
  if (classes.length !== 2) {
    throw new InputError(
      'invalid-payload',
      `request.classes must name two classes, got ${classes.length}`,
    );
  }
  const rule = { maxLength: MAX_CLASS_LABEL_LENGTH, minLength: 0 };
  return [
    expectString(classes[0], 'request.classes[0]', rule),
    expectString(classes[1], 'request.classes[1]', rule),
  ];
}

/** Checks the option types here, then their ranges with `validateTrainingOptions`. */
function parseTrainingOptions(value: unknown): TrainRequest['options'] {
  const keys = ['testSize', 'seed', 'epochs', 'learningRate'] as const;
  const options = expectObject(value, 'request.options', [], keys);
  const fresh: Record<string, number> = {};
  for (const key of keys) {
    if (options[key] !== undefined)
      fresh[key] = expectFiniteNumber(options[key], `request.options.${key}`);
  }

  try {
    return validateTrainingOptions(fresh);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    throw new InputError('invalid-payload', `request.options: ${error.message}`);
  }
}
