/**
 * Data sets the benchmark generates with a seeded generator: dense continuous features, and a
 * large splice-like one-hot set made by repeating and mutating the splice rows.
 */
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import type { BinaryProblem } from '../src/shared/dataset/dataset';
import type { BinaryMatrix, DenseMatrix } from '../src/shared/dataset/featureMatrix';
import { RandomState } from '../src/shared/random/randomState';
import { writeNpyArray, writeNpyFile } from './npyWriter';

/** Letters per position in the splice encoding (A C G T D N R S). */
const LETTERS = 8;
/** Of those, the four bases a mutation draws from. */
const BASES = 4;
/** Chance that a generated row's letter at a position is replaced by a random base. */
const MUTATION_RATE = 0.1;
/** Rows encoded and written at a time: 4096 x 480 float64 values are 15.7 MB. */
const CHUNK_ROWS = 4096;

/** Returns a double in [0, 1) from 53 random bits, as numpy's `random_double` builds it. */
export function uniformDouble(random: RandomState): number {
  const high = random.nextUint32() >>> 5;
  const low = random.nextUint32() >>> 6;
  return (high * 67108864 + low) / 9007199254740992;
}

/** Returns a standard normal variate by the Box-Muller transform. */
export function standardNormal(random: RandomState): number {
  const u = 1 - uniformDouble(random);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * uniformDouble(random));
}

/**
 * Returns rows x cols standard normal features and classes from a random hyperplane through the
 * origin, with 10 % of the classes flipped so that the classes overlap.
 */
export function makeDenseProblem(
  rows: number,
  cols: number,
  seed: number,
): BinaryProblem & { features: DenseMatrix } {
  const random = new RandomState(seed);
  const data = Float64Array.from({ length: rows * cols }, () => standardNormal(random));
  const normal = Float64Array.from({ length: cols }, () => standardNormal(random));
  const targets = new Float64Array(rows);
  for (let row = 0; row < rows; row++) {
    let side = 0;
    for (let col = 0; col < cols; col++) side += data[row * cols + col] * normal[col];
    const flipped = uniformDouble(random) < 0.1;
    targets[row] = side > 0 !== flipped ? 1 : 0;
  }
  const features: DenseMatrix = { kind: 'dense', rows, cols, data };
  return { features, targets, sourceRows: new Uint32Array(rows), classLabels: ['0', '1'] };
}

/** Writes a problem's dense features and its classes as int64 to two npy files in `dir`. */
export async function writeProblemNpy(
  dir: string,
  name: string,
  problem: BinaryProblem & { features: DenseMatrix },
): Promise<{ featuresPath: string; labelsPath: string }> {
  const featuresPath = join(dir, `${name}-x.npy`);
  const labelsPath = join(dir, `${name}-y.npy`);
  const { rows, cols, data } = problem.features;
  await writeNpyArray(featuresPath, [rows, cols], data);
  await writeNpyArray(labelsPath, [rows], BigInt64Array.from(problem.targets, BigInt));
  return { featuresPath, labelsPath };
}

/**
 * Returns the npy files of `rows` splice-like rows, writing them first unless a complete pair
 * from an earlier run is in `dir`. Each row copies a random row of `source` (one-hot splice
 * rows, 8 columns per position) and its class, then replaces each letter with a random base at
 * `MUTATION_RATE`. Features are float64, written CHUNK_ROWS rows at a time.
 */
export async function ensureLargeSplice(
  dir: string,
  rows: number,
  source: BinaryProblem & { features: BinaryMatrix },
  seed: number,
): Promise<{ featuresPath: string; labelsPath: string; generated: boolean }> {
  const featuresPath = join(dir, `splice-${rows}-x.npy`);
  const labelsPath = join(dir, `splice-${rows}-y.npy`);
  if ((await exists(featuresPath)) && (await exists(labelsPath))) {
    return { featuresPath, labelsPath, generated: false };
  }

  const random = new RandomState(seed);
  const labels = new BigInt64Array(rows);
  const { cols } = source.features;
  await writeNpyFile(featuresPath, '<f8', [rows, cols], async (file) => {
    const chunk = new Float64Array(CHUNK_ROWS * cols);
    for (let start = 0; start < rows; start += CHUNK_ROWS) {
      const count = Math.min(CHUNK_ROWS, rows - start);
      chunk.fill(0);
      for (let i = 0; i < count; i++) {
        const sourceRow = random.randomInterval(source.features.rows - 1);
        writeMutatedRow(source.features, sourceRow, random, chunk, i * cols);
        labels[start + i] = BigInt(source.targets[sourceRow]);
      }
      await file.write(new Uint8Array(chunk.buffer, 0, count * cols * 8));
    }
  });
  await writeNpyArray(labelsPath, [rows], labels);
  return { featuresPath, labelsPath, generated: true };
}

/** Sets the ones of a mutated copy of a source row in `out`, which starts all zero. */
function writeMutatedRow(
  source: BinaryMatrix,
  row: number,
  random: RandomState,
  out: Float64Array,
  offset: number,
): void {
  for (let k = source.rowStart[row]; k < source.rowStart[row + 1]; k++) {
    const position = Math.floor(source.colIndex[k] / LETTERS);
    let letter = source.colIndex[k] % LETTERS;
    if (uniformDouble(random) < MUTATION_RATE) letter = random.randomInterval(BASES - 1);
    out[offset + position * LETTERS + letter] = 1;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
