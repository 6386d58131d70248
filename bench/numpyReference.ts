/** Runs bench/numpy_reference.py, the same training algorithm in NumPy, in a child process. */
import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { TimeSummary } from './timeSummary';

const SCRIPT = fileURLToPath(new URL('numpy_reference.py', import.meta.url));

/**
 * Variables that some machines set to work around old OpenBLAS bugs; they slow a current NumPy,
 * so they are removed for the NumPy child alone.
 */
const OPENBLAS_OVERRIDES = ['OPENBLAS_CORETYPE', 'OPENBLAS_L2_SIZE'];

export interface NumpyResult extends TimeSummary {
  numpy: string;
  rows: number;
  cols: number;
  epochs: number;
  weights: number[];
  bias: number;
}

export interface NumpyCase {
  name: string;
  featuresPath: string;
  labelsPath: string;
  trainRows: Uint32Array;
  /** Path of the JSON file that passes the training rows to the script. */
  trainRowsPath: string;
  epochs: number;
  repeats: number;
}

/** Returns the NumPy version, or null when python3 or NumPy is missing. */
export function findNumpy(): string | null {
  const probe = spawnSync('python3', ['-c', 'import numpy; print(numpy.__version__)'], {
    encoding: 'utf8',
  });
  return probe.status === 0 ? probe.stdout.trim() : null;
}

/** Times the case in NumPy; throws with the script's error output when it fails. */
export async function runNumpyCase(numpyCase: NumpyCase): Promise<NumpyResult> {
  await writeFile(numpyCase.trainRowsPath, JSON.stringify(Array.from(numpyCase.trainRows)));
  const args = [
    SCRIPT,
    numpyCase.name,
    numpyCase.featuresPath,
    numpyCase.trainRowsPath,
    numpyCase.labelsPath,
    String(numpyCase.epochs),
    String(numpyCase.repeats),
  ];
  const env = { ...process.env };
  for (const name of OPENBLAS_OVERRIDES) delete env[name];

  const child = spawnSync('python3', args, { encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024 });
  if (child.status !== 0) {
    throw new Error(`numpy_reference.py ${numpyCase.name} failed: ${child.stderr.trim()}`);
  }
  const result = JSON.parse(child.stdout) as NumpyResult & { repeats: number };
  return { ...result, runs: result.repeats };
}
