/**
 * The `train` and `predict` commands, run as separate processes the way a person runs them.
 * Expected accuracies are the classic splice result: EI vs IE, scikit-learn's split with test size
 * 0.25 and seed 0, 300 epochs at learning rate 0.1, as numpy computes it (test/fixtures/seed-run.json
 * `seedRun`, made with numpy 1.24 and scikit-learn 1.2). Accuracies are ratios of counts, so they
 * are compared exactly.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseWeightsExport } from '../../../src/shared/runs/weightsExport';
import { readSeedRunReference } from '../fixtures/seedRunReference';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '../../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const SHARED_DATA = join(ROOT, '../shared/data');

interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

async function command(script: 'train' | 'predict', args: string[]): Promise<CommandResult> {
  try {
    const { stdout, stderr } = await run(TSX, [join(ROOT, `src/cli/${script}.ts`), ...args], {
      cwd: ROOT,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

let workDir: string;

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'logreg-cli-'));
});

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

describe('train', () => {
  it('reproduces the classic splice result by default', async () => {
    const reference = readSeedRunReference().seedRun;
    const result = await command('train', ['--json']);

    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.trainAccuracy).toBe(reference.trainAccuracy);
    expect(report.testAccuracy).toBe(reference.testAccuracy);
    expect(report.classes).toEqual(['EI', 'IE']);
    expect(report.trainRows).toBe(1151);
    expect(report.testRows).toBe(384);
    expect(report.epochs).toBe(300);
    expect(report.trainMs).toBeGreaterThan(0);
    expect(Number.isFinite(report.trainLoss)).toBe(true);
    expect(Number.isFinite(report.testLoss)).toBe(true);
  });

  it('prints percentages in the text report', async () => {
    const result = await command('train', ['--quiet']);

    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Training accuracy: 98.26 %');
    expect(result.stdout).toContain('Test accuracy:     96.88 %');
  });

  it.skipIf(!existsSync(SHARED_DATA))('reproduces it from the npy pair', async () => {
    const reference = readSeedRunReference().seedRun;
    const x = join(SHARED_DATA, 'dna_cleaner.npy');
    const y = join(SHARED_DATA, 'dna_clean_labels.npy');
    const result = await command('train', ['--x', x, '--y', y, '--classes', '0,1', '--json']);

    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.trainAccuracy).toBe(reference.trainAccuracy);
    expect(report.testAccuracy).toBe(reference.testAccuracy);
  });

  it('writes the run and the weights', async () => {
    const out = join(workDir, 'run.json');
    const weights = join(workDir, 'weights.json');
    const result = await command('train', [
      '--epochs',
      '20',
      '--out',
      out,
      '--export-weights',
      weights,
    ]);

    expect(result.code).toBe(0);
    const record = JSON.parse(await readFile(out, 'utf8'));
    expect(record.status).toBe('finished');
    expect(record.loss.train).toHaveLength(20);
    const exported = parseWeightsExport(
      JSON.parse(await readFile(weights, 'utf8')),
      'weights.json',
    );
    expect(exported.weights).toHaveLength(480);
    expect(exported.featureNames[0]).toBe('pos1_A');
    expect(exported.classLabels).toEqual(['EI', 'IE']);
  });

  it('rejects an out-of-range option with exit code 2', async () => {
    const result = await command('train', ['--epochs=0']);

    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^train: .*epochs/);
    expect(result.stderr).not.toContain('    at ');
  });

  it('takes a negative number to the range check', async () => {
    const result = await command('train', ['--epochs', '-5']);

    expect(result.code).toBe(2);
    expect(result.stderr).toBe('train: epochs must be an integer from 1 to 1000000, received -5\n');
  });

  it('points to --help for an unknown option', async () => {
    const result = await command('train', ['--epoch', '5']);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain("'--epoch'; see --help");
  });

  it('names a missing file in one line', async () => {
    const missing = join(workDir, 'absent.npy');
    const result = await command('train', ['--x', missing, '--y', missing]);

    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('absent.npy');
  });

  it('names an output it cannot write', async () => {
    const out = join(workDir, 'absent-folder', 'run.json');
    const result = await command('train', ['--quiet', '--epochs', '2', '--out', out]);

    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `train: could not write the run to ${out}: its folder does not exist\n`,
    );
  });

  it('rejects an unknown class naming the labels', async () => {
    const result = await command('train', ['--classes', 'EI,XX']);

    expect(result.code).toBe(1);
    expect(result.stderr).toContain('XX');
    expect(result.stderr).toContain('IE');
  });
});

describe('predict', () => {
  let modelPath: string;

  beforeAll(async () => {
    modelPath = join(workDir, 'model.json');
    const result = await command('train', ['--quiet', '--export-weights', modelPath]);
    expect(result.code).toBe(0);
  });

  it('scores sequences with their true labels', async () => {
    const result = await command('predict', [
      '--model',
      modelPath,
      '--data',
      'resources/splice.data',
    ]);

    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toBe('row,logit,probability_IE,predicted,actual');
    expect(lines).toHaveLength(3191);
    const [row, logit, probability, predicted, actual] = lines[1].split(',');
    expect(row).toBe('0');
    expect(Number(probability)).toBeCloseTo(1 / (1 + Math.exp(-Number(logit))), 15);
    expect(['EI', 'IE']).toContain(predicted);
    expect(actual).toBe('EI');
  });

  it('rejects a feature-count mismatch', async () => {
    const narrow = join(workDir, 'narrow.npy');
    await writeFile(narrow, npyFloat64Zeros(3, 479));
    const result = await command('predict', ['--model', modelPath, '--x', narrow]);

    expect(result.code).toBe(1);
    expect(result.stderr).toContain('expects 480 features but narrow.npy has 479');
  });

  it('names an output it cannot write', async () => {
    const out = join(workDir, 'absent-folder', 'scores.csv');
    const args = ['--model', modelPath, '--data', 'resources/splice.data', '--out', out];
    const result = await command('predict', args);

    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `predict: could not write the predictions to ${out}: its folder does not exist\n`,
    );
  });

  it('names a model path that is a folder', async () => {
    const result = await command('predict', [
      '--model',
      workDir,
      '--data',
      'resources/splice.data',
    ]);

    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`predict: model file ${workDir} cannot be read: it is a folder\n`);
  });

  it('tells a stored run from exported weights', async () => {
    const runPath = join(workDir, 'stored-run.json');
    const trained = await command('train', ['--quiet', '--epochs', '5', '--out', runPath]);
    expect(trained.code).toBe(0);
    const result = await command('predict', [
      '--model',
      runPath,
      '--data',
      'resources/splice.data',
    ]);

    expect(result.code).toBe(1);
    expect(result.stderr).toContain('is a stored run, not exported weights');
  });

  it('rejects a model file that is not an export', async () => {
    const bogus = join(workDir, 'bogus.json');
    await writeFile(bogus, '{"format": "something-else"}');
    const result = await command('predict', ['--model', bogus, '--data', 'resources/splice.data']);

    expect(result.code).toBe(1);
    expect(result.stderr).toContain('bogus.json');
  });
});

/** Builds a float64 npy file of zeros, laid out as numpy's format 1.0 writes it. */
function npyFloat64Zeros(rows: number, cols: number): Buffer {
  let header = `{'descr': '<f8', 'fortran_order': False, 'shape': (${rows}, ${cols}), }`;
  const unpadded = 10 + header.length + 1;
  header += ' '.repeat((64 - (unpadded % 64)) % 64) + '\n';
  const preamble = Buffer.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, 0, 0]);
  preamble.writeUInt16LE(header.length, 8);
  return Buffer.concat([preamble, Buffer.from(header, 'latin1'), Buffer.alloc(rows * cols * 8)]);
}
