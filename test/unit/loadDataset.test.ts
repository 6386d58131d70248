import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dump } from 'npyjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/main/data/loadDataset';
import { loadNpyPair } from '../../src/main/data/loadNpyPair';
import type { Dataset } from '../../src/shared/dataset/dataset';
import { InputError, type ErrorCode } from '../../src/shared/errors';
import { toDenseRows } from './fixtures/toDenseRows';

const FIXTURE_DIR = fileURLToPath(new URL('../fixtures/npy/', import.meta.url));
const RESOURCES_DIR = fileURLToPath(new URL('../../resources/', import.meta.url));
const fixture = (name: string) => join(FIXTURE_DIR, `${name}.npy`);

// The matrix every features fixture contains, converted per dtype as make_fixtures.py does.
const M = [
  [0, 1, 2, 3],
  [4, 0, 6, 7],
  [8, 9, 0, 11],
];
const UNSIGNED = M;
const SIGNED = M.map((row) => row.map((value) => value - 4));
const FLOAT = M.map((row) => row.map((value) => value / 4 - 1));
const BOOL = M.map((row) => row.map((value) => (value !== 0 ? 1 : 0)));

let tempDir: string;
beforeAll(async () => {
  tempDir = await mkdtemp(join(tmpdir(), 'load-dataset-'));
});
afterAll(async () => {
  await rm(tempDir, { recursive: true, force: true });
});

function loadFixtures(features: string, labels = 'labels_int64'): Promise<Dataset> {
  const request = {
    kind: 'npy' as const,
    featuresPath: fixture(features),
    labelsPath: fixture(labels),
  };
  return loadDataset(request, { resourcesDir: RESOURCES_DIR });
}

async function expectLoadError(loading: Promise<unknown>, code: ErrorCode, message: RegExp) {
  const error = await loading.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(InputError);
  expect((error as InputError).code).toBe(code);
  expect((error as InputError).message).toMatch(message);
  expect((error as InputError).message).not.toContain('\n');
}

async function writeTemp(name: string, bytes: Uint8Array | ArrayBuffer | string): Promise<string> {
  const path = join(tempDir, name);
  await writeFile(path, typeof bytes === 'string' ? bytes : new Uint8Array(bytes));
  return path;
}

describe('loadDataset npy features', () => {
  const dtypes: [string, number[][]][] = [
    ['bool', BOOL],
    ['int8', SIGNED],
    ['int16', SIGNED],
    ['int32', SIGNED],
    ['int64', SIGNED],
    ['uint8', UNSIGNED],
    ['uint16', UNSIGNED],
    ['uint32', UNSIGNED],
    ['uint64', UNSIGNED],
    ['float16', FLOAT],
    ['float32', FLOAT],
    ['float64', FLOAT],
  ];

  it.each(dtypes)('loads %s', async (dtype, expected) => {
    const dataset = await loadFixtures(`features_${dtype}`);
    expect(dataset.dtype).toBe(dtype);
    expect(toDenseRows(dataset.features)).toEqual(expected);
  });

  it.each([
    ['float64', FLOAT],
    ['float16', FLOAT],
    ['int32', SIGNED],
    ['uint64', UNSIGNED],
  ])('loads big-endian %s', async (dtype, expected) => {
    const dataset = await loadFixtures(`features_${dtype}_big_endian`);
    expect(dataset.dtype).toBe(dtype);
    expect(toDenseRows(dataset.features)).toEqual(expected);
  });

  it('reorders Fortran order to rows', async () => {
    const dataset = await loadFixtures('features_float64_fortran');
    expect(toDenseRows(dataset.features)).toEqual(FLOAT);
  });

  it('reorders big-endian Fortran order', async () => {
    const dataset = await loadFixtures('features_int16_fortran_big_endian');
    expect(dataset.dtype).toBe('int16');
    expect(toDenseRows(dataset.features)).toEqual(SIGNED);
  });

  it('reads npy versions 2.0 and 3.0', async () => {
    for (const version of ['v2', 'v3']) {
      const dataset = await loadFixtures(`features_float64_${version}`);
      expect(toDenseRows(dataset.features)).toEqual(FLOAT);
    }
  });

  it('describes the data set', async () => {
    const dataset = await loadFixtures('features_float64');
    expect(dataset.name).toBe('features_float64.npy + labels_int64.npy');
    expect(dataset.featureNames).toEqual(['x0', 'x1', 'x2', 'x3']);
    expect(dataset.source).toEqual({
      kind: 'npy',
      featuresPath: fixture('features_float64'),
      labelsPath: fixture('labels_int64'),
    });
  });

  it('hashes features then labels', async () => {
    const dataset = await loadFixtures('features_float64');
    const hash = createHash('sha256')
      .update(await readFile(fixture('features_float64')))
      .update(await readFile(fixture('labels_int64')))
      .digest('hex');
    expect(dataset.contentHash).toBe(hash);
  });

  it('hashes bytes after the data', async () => {
    // np.save called twice on one open file leaves a second array after the first; np.load and
    // this loader read the first, and the hash still covers every byte.
    const bytes = Buffer.concat([
      await readFile(fixture('features_float64')),
      Buffer.from('extra'),
    ]);
    const path = await writeTemp('trailing.npy', bytes);
    const dataset = await loadNpyPair(path, fixture('labels_int64'));
    expect(toDenseRows(dataset.features)).toEqual(FLOAT);
    const hash = createHash('sha256')
      .update(bytes)
      .update(await readFile(fixture('labels_int64')))
      .digest('hex');
    expect(dataset.contentHash).toBe(hash);
  });

  it('reports progress up to 1', async () => {
    const fractions: number[] = [];
    const request = {
      kind: 'npy' as const,
      featuresPath: fixture('features_float64'),
      labelsPath: fixture('labels_int64'),
    };
    await loadDataset(request, {
      resourcesDir: RESOURCES_DIR,
      onProgress: (f) => fractions.push(f),
    });
    expect(fractions.length).toBeGreaterThan(1);
    expect(fractions.every((f, i) => i === 0 || f >= fractions[i - 1])).toBe(true);
    expect(fractions.at(-1)).toBe(1);
  });
});

describe('loadNpyPair streaming', () => {
  /** Rows of `cols` values where about one value in three is 0; value = row * cols + col. */
  function sampleRows(rows: number, cols: number): number[][] {
    return Array.from({ length: rows }, (_, row) =>
      Array.from({ length: cols }, (_, col) => ((row + col) % 3 === 0 ? 0 : row * cols + col)),
    );
  }

  async function writePair(name: string, rows: number[][]): Promise<[string, string]> {
    const cols = rows[0].length;
    const features = dump(Float64Array.from(rows.flat()), [rows.length, cols]);
    const labels = dump(
      Int32Array.from(rows, (_, row) => row % 2),
      [rows.length],
    );
    return [await writeTemp(`${name}_x.npy`, features), await writeTemp(`${name}_y.npy`, labels)];
  }

  it('crosses block boundaries', async () => {
    const rows = sampleRows(1000, 7);
    const [featuresPath, labelsPath] = await writePair('blocks', rows);
    // 56-byte rows: 100 bytes gives one row per block, 1000 bytes 17 rows and a shorter last block.
    for (const blockBytes of [100, 1000]) {
      const dataset = await loadNpyPair(featuresPath, labelsPath, { blockBytes });
      expect(toDenseRows(dataset.features)).toEqual(rows);
      expect(Array.from(dataset.labelCodes.subarray(0, 4))).toEqual([0, 1, 0, 1]);
    }
  });

  it('switches dense data to dense', async () => {
    const rows = sampleRows(5000, 3);
    const [featuresPath, labelsPath] = await writePair('dense', rows);
    const dataset = await loadNpyPair(featuresPath, labelsPath, { blockBytes: 4096 });
    expect(dataset.features.kind).toBe('dense');
    expect(toDenseRows(dataset.features)).toEqual(rows);
  });

  it('streams one-hot data past 4 MiB as binary', async () => {
    // 9000 rows x 70 float64 columns = 5 040 000 bytes: two blocks of the default 4 MiB.
    const rows = Array.from({ length: 9000 }, (_, row) =>
      Array.from({ length: 70 }, (_, col) => (col === row % 70 ? 1 : 0)),
    );
    const [featuresPath, labelsPath] = await writePair('one_hot', rows);
    const dataset = await loadNpyPair(featuresPath, labelsPath);
    expect(dataset.features.kind).toBe('binary');
    if (dataset.features.kind !== 'binary') return;
    expect(dataset.features.rows).toBe(9000);
    expect(Array.from(dataset.features.colIndex.subarray(0, 3))).toEqual([0, 1, 2]);
    expect(dataset.features.colIndex[8999]).toBe(8999 % 70);
    expect(dataset.features.rowStart[9000]).toBe(9000);
  });

  it('decodes many string labels', async () => {
    // npyjs 1.2 alone overflows the call stack on this many characters.
    const rows = 300_000;
    const features = await writeTemp('strings_x.npy', dump(new Uint8Array(rows), [rows, 1]));
    const texts = Array.from({ length: rows }, (_, row) => (row % 3 === 2 ? 'N' : 'EI'));
    const labels = await writeTemp('strings_y.npy', dump(texts, [rows]));
    const dataset = await loadNpyPair(features, labels);
    expect(dataset.classLabels).toEqual(['EI', 'N']);
    expect(dataset.labelCodes[rows - 1]).toBe(1);
    expect(dataset.labelCodes[rows - 2]).toBe(0);
  });
});

describe('loadDataset npy labels', () => {
  const cases: [string, string[], number[]][] = [
    ['labels_int64', ['0', '1'], [0, 1, 0]],
    ['labels_int64_beyond_2_53', ['0', '1152921504606846977'], [1, 0, 1]],
    ['labels_uint64_max', ['1', '18446744073709551615'], [1, 0, 0]],
    ['labels_int16_big_endian', ['-3', '7'], [0, 1, 0]],
    ['labels_float32', ['0.10000000149011612', '0.5'], [1, 0, 1]],
    ['labels_float16', ['-2', '1.5'], [1, 0, 1]],
    ['labels_bool', ['false', 'true'], [1, 0, 1]],
    ['labels_strings', ['EI', 'IE', 'N'], [0, 1, 2]],
    ['labels_strings_big_endian', ['EI', 'IE', 'N'], [0, 1, 2]],
    ['labels_column', ['1', '2'], [0, 1, 0]],
  ];

  it.each(cases)('reads %s as text', async (labels, classLabels, codes) => {
    const dataset = await loadFixtures('features_float64', labels);
    expect(dataset.classLabels).toEqual(classLabels);
    expect(Array.from(dataset.labelCodes)).toEqual(codes);
  });
});

describe('loadDataset npy failures', () => {
  it('rejects a file that is not npy', async () => {
    const path = await writeTemp('table.npy', 'a,b\n1,2\n');
    await expectLoadError(
      loadNpyPair(path, fixture('labels_int64')),
      'invalid-file',
      /^features file table\.npy is not an npy file: it does not start with \\x93NUMPY$/,
    );
  });

  it('rejects truncated data', async () => {
    const bytes = await readFile(fixture('features_float64'));
    const path = await writeTemp('short.npy', bytes.subarray(0, bytes.length - 8));
    await expectLoadError(
      loadNpyPair(path, fixture('labels_int64')),
      'invalid-file',
      /^features file short\.npy is truncated: its header promises 96 bytes of data \(shape \(3, 4\) of float64\) but the file has 88 bytes of data$/,
    );
  });

  it('rejects a file cut within its header', async () => {
    const bytes = await readFile(fixture('labels_int64'));
    const path = await writeTemp('cut.npy', bytes.subarray(0, 40));
    await expectLoadError(
      loadNpyPair(fixture('features_float64'), path),
      'invalid-file',
      /^labels file cut\.npy is truncated: it ends within its header$/,
    );
  });

  it.each([
    ['features_complex', /dtype '<c16' \(complex numbers\)/],
    ['features_object', /dtype '\|O' \(Python objects\)/],
    ['features_structured', /a structured dtype/],
    ['features_datetime', /dtype '<M8\[D\]' \(dates and times\)/],
    ['features_strings', /dtype '<U1' \(strings\), but features must be numbers/],
  ])('rejects dtype of %s', async (name, message) => {
    await expectLoadError(loadFixtures(name), 'unsupported-dtype', message);
  });

  it('rejects features that are not 2-D', async () => {
    await expectLoadError(
      loadFixtures('features_1d'),
      'shape-mismatch',
      /^features file features_1d\.npy has shape \(3,\) but features must be 2-D \(rows, columns\)$/,
    );
    await expectLoadError(loadFixtures('features_3d'), 'shape-mismatch', /has shape \(3, 2, 2\)/);
  });

  it('rejects labels with two columns', async () => {
    await expectLoadError(
      loadFixtures('features_float64', 'labels_two_columns'),
      'shape-mismatch',
      /^labels file labels_two_columns\.npy has shape \(3, 2\) but labels must be 1-D, or 2-D with one column$/,
    );
  });

  it('rejects a label count that differs', async () => {
    await expectLoadError(
      loadFixtures('features_float64', 'labels_two_rows'),
      'shape-mismatch',
      /^labels file labels_two_rows\.npy has 2 rows but the features file features_float64\.npy has 3$/,
    );
  });

  it('rejects an empty array', async () => {
    await expectLoadError(
      loadFixtures('features_empty'),
      'invalid-file',
      /^features file features_empty\.npy is empty: its shape is \(0, 4\)$/,
    );
  });

  it.each([
    ['features_nan', /has NaN at row 1, column 2 \(counted from 0\); features must be finite/],
    ['features_infinity', /has -Infinity at row 0, column 1 \(counted from 0\)/],
    ['features_fortran_nan', /has NaN at row 2, column 1 \(counted from 0\)/],
  ])('rejects non-finite values in %s', async (name, message) => {
    await expectLoadError(loadFixtures(name), 'invalid-value', message);
  });

  it.each([
    ['features_int64_beyond_2_53', /has the integer 9007199254740993 at row 1, column 0 \(counted/],
    ['features_uint64_beyond_2_53', /has the integer 18446744073709551615 at row 0, column 1/],
  ])('rejects integers beyond 2^53 in %s', async (name, message) => {
    await expectLoadError(loadFixtures(name), 'invalid-value', message);
  });

  it('rejects missing files', async () => {
    const missing = join(tempDir, 'missing.npy');
    await expectLoadError(
      loadNpyPair(missing, fixture('labels_int64')),
      'file-not-found',
      new RegExp(`^features file missing\\.npy not found at ${missing}$`),
    );
    await expectLoadError(
      loadNpyPair(fixture('features_float64'), missing),
      'file-not-found',
      /^labels file missing\.npy not found at /,
    );
  });

  it('rejects a directory', async () => {
    const path = join(tempDir, 'folder.npy');
    await mkdir(path, { recursive: true });
    await expectLoadError(
      loadNpyPair(path, fixture('labels_int64')),
      'invalid-file',
      /^features file folder\.npy is not a regular file$/,
    );
  });

  // Without O_NONBLOCK, opening a named pipe waits for a writer that never comes.
  it.skipIf(process.platform === 'win32')(
    'rejects a named pipe without waiting',
    async () => {
      const path = join(tempDir, 'pipe.data');
      execFileSync('mkfifo', [path]);
      await expectLoadError(
        loadDataset({ kind: 'sequences', path }, { resourcesDir: RESOURCES_DIR }),
        'invalid-file',
        /^sequence file pipe\.data is not a regular file$/,
      );
    },
    5_000,
  );
});

describe('loadDataset sequences', () => {
  it('loads the embedded splice data', async () => {
    const dataset = await loadDataset({ kind: 'embedded' }, { resourcesDir: RESOURCES_DIR });
    const bytes = await readFile(join(RESOURCES_DIR, 'splice.data'));
    expect(dataset.source).toEqual({ kind: 'embedded' });
    expect(dataset.features.kind).toBe('binary');
    expect(dataset.features.rows).toBe(3190);
    expect(dataset.features.cols).toBe(480);
    expect(dataset.classLabels).toEqual(['EI', 'IE', 'N']);
    expect(dataset.featureNames[0]).toBe('pos1_A');
    expect(dataset.dtype).toBe('bool');
    expect(dataset.contentHash).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it('loads a sequence file', async () => {
    const path = await writeTemp('two.data', 'B, first, ACGT\nA, second, TGCA\n');
    const fractions: number[] = [];
    const request = { kind: 'sequences' as const, path };
    const dataset = await loadDataset(request, {
      resourcesDir: RESOURCES_DIR,
      onProgress: (fraction) => fractions.push(fraction),
    });
    expect(dataset.name).toBe('two.data');
    expect(dataset.source).toEqual({ kind: 'sequences', path });
    expect(dataset.classLabels).toEqual(['A', 'B']);
    expect(Array.from(dataset.labelCodes)).toEqual([1, 0]);
    expect(toDenseRows(dataset.features)[1].slice(0, 8)).toEqual([0, 0, 0, 1, 0, 0, 0, 0]);
    expect(fractions.at(-1)).toBe(1);
  });

  it('names the line of a bad letter', async () => {
    const path = await writeTemp('bad.data', 'A, one, ACGT\nA, two, ACZT\n');
    await expectLoadError(
      loadDataset({ kind: 'sequences', path }, { resourcesDir: RESOURCES_DIR }),
      'invalid-value',
      /^sequence file bad\.data: line 2 has unknown letter 'Z' at position 3; /,
    );
  });

  it('rejects a missing embedded file', async () => {
    await expectLoadError(
      loadDataset({ kind: 'embedded' }, { resourcesDir: tempDir }),
      'file-not-found',
      /^embedded data file splice\.data not found at /,
    );
  });
});
