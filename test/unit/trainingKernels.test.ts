import { describe, expect, it } from 'vitest';
import { compileTrainingKernels } from '../../scripts/compileTrainingKernels';
import type { DenseMatrix } from '../../src/shared/dataset/featureMatrix';
import { logLossOfLogit, sigmoid } from '../../src/shared/model/logistic';
import {
  multiplyMatrixVector,
  multiplyTransposedVector,
} from '../../src/shared/model/matrixKernels';
import { RandomState } from '../../src/shared/random/randomState';
import {
  instantiateTrainingKernels,
  MemoryPlan,
  sumLogisticLoss,
  type TrainingKernels,
} from '../../src/shared/model/wasm/trainingKernelsInstance';
import { TRAINING_KERNELS_BASE64 } from '../../src/shared/model/wasm/trainingKernelsBinary';
import { uniformValues } from './fixtures/oneHotData';

/** Distance in units in the last place between two doubles of the same sign. */
function ulpDistance(a: number, b: number): number {
  if (a === b) return 0;
  const bits = new BigInt64Array(new Float64Array([a, b]).buffer);
  return Math.abs(Number(bits[0] - bits[1]));
}

/** Instantiates the kernels with float64 arrays of the given lengths, and returns their views. */
function withArrays(lengths: number[]): {
  kernels: TrainingKernels;
  arrays: Float64Array[];
  offsets: number[];
} {
  const plan = new MemoryPlan();
  const regions = lengths.map((length) => plan.float64(length));
  const kernels = instantiateTrainingKernels(plan);
  if (!kernels) throw new Error('WebAssembly SIMD is missing in this Node');
  return {
    kernels,
    arrays: regions.map((region) => kernels.float64(region)),
    offsets: regions.map((region) => region.offset),
  };
}

/** Logits from -800 to 800, dense near 0, with the edges of exp's range and special values. */
function sampleLogits(count: number): Float64Array {
  const random = new RandomState(42);
  const spread = uniformValues(count, random).map((u) => Math.sign(u) * 800 * u * u);
  const special = [0, -0, 1e-300, -1e-20, 3e-9, 708.3, -708.5, 745.1, -745.2, 746, -800, 1e6];
  return Float64Array.from([...special, ...Array.from(spread)]);
}

describe('trainingKernelsBinary', () => {
  it('holds trainingKernels.wat as wabt compiles it', async () => {
    const compiled = await compileTrainingKernels();
    expect(Buffer.from(TRAINING_KERNELS_BASE64, 'base64').equals(Buffer.from(compiled))).toBe(true);
  });
});

describe('expNegativeAbs', () => {
  // The kernel's table of 2^(j/64) and degree-6 polynomial measured within 1 ulp of Math.exp,
  // and equal to it on about 3 in 4 values.
  it('is within 1 ulp of Math.exp(-|z|)', () => {
    const logits = sampleLogits(100_000);
    const { kernels, arrays, offsets } = withArrays([logits.length, logits.length]);
    arrays[0].set(logits);
    kernels.exports.expNegativeAbs(offsets[0], logits.length, offsets[1]);

    const outside = Array.from(logits).filter(
      (z, i) => !(ulpDistance(arrays[1][i], Math.exp(-Math.abs(z))) <= 1),
    );
    expect(outside).toEqual([]);
  });

  it('keeps NaN and maps infinities to 0', () => {
    const { kernels, arrays, offsets } = withArrays([3, 3]);
    arrays[0].set([NaN, Infinity, -Infinity]);
    kernels.exports.expNegativeAbs(offsets[0], 3, offsets[1]);
    expect(Array.from(arrays[1])).toEqual([NaN, 0, 0]);
  });
});

describe('sumLogisticLoss', () => {
  function runLoss(logits: Float64Array, targets: Float64Array) {
    const n = logits.length;
    const { kernels, arrays, offsets } = withArrays([n, n, n]);
    arrays[0].set(logits);
    arrays[1].set(targets);
    const sums = sumLogisticLoss(kernels.exports, offsets[0], offsets[1], n, offsets[2]);
    return { ...sums, residuals: arrays[2] };
  }

  // With e^-|z| within 1 ulp, the division and product that give the sigmoid keep the residual
  // within 2 ulp of values below 1, that is 2^-52.
  it('writes residuals within 2^-52 of sigmoid(z) - y', () => {
    const logits = sampleLogits(20_001);
    const targets = logits.map((_, i) => i % 2);
    const { residuals } = runLoss(logits, targets);
    const outside = Array.from(logits).filter(
      (z, i) => !(Math.abs(residuals[i] - (sigmoid(z) - targets[i])) <= 2 ** -52),
    );
    expect(outside).toEqual([]);
  });

  it('sums the log-losses and residuals of an odd number of rows', () => {
    // The bound of the product of 1 + e is n 2^-53 absolute; the plain sum adds its own error of
    // about n 2^-53 relative, so 1e-13 relative covers both for n = 20 001 and losses near 1.
    const logits = sampleLogits(20_001).map((z) => z / 100);
    const targets = logits.map((_, i) => (i % 3 === 0 ? 1 : 0));
    const { lossSum, residualSum } = runLoss(logits, targets);

    let plainLoss = 0;
    let plainResidual = 0;
    logits.forEach((z, i) => {
      plainLoss += logLossOfLogit(z, targets[i]);
      plainResidual += sigmoid(z) - targets[i];
    });
    expect(Math.abs(lossSum - plainLoss) / plainLoss).toBeLessThan(1e-13);
    expect(Math.abs(residualSum - plainResidual)).toBeLessThan(1e-9);
  });

  it('handles one row and no rows', () => {
    const oneRow = runLoss(Float64Array.of(-2.5), Float64Array.of(1));
    expect(ulpDistance(oneRow.lossSum, logLossOfLogit(-2.5, 1))).toBeLessThanOrEqual(2);
    expect(Math.abs(oneRow.residuals[0] - (sigmoid(-2.5) - 1))).toBeLessThanOrEqual(2 ** -52);
    const noRows = runLoss(new Float64Array(0), new Float64Array(0));
    expect(noRows.lossSum).toBe(0);
    expect(noRows.residualSum).toBe(0);
  });

  it('gives a NaN loss for a NaN logit', () => {
    expect(runLoss(Float64Array.of(0.5, NaN, 1), Float64Array.of(0, 1, 1)).lossSum).toBeNaN();
  });
});

describe('dense kernels', () => {
  const random = new RandomState(9);

  it.each([1, 2, 13, 200])('match the plain kernels with %i columns', (cols) => {
    const rows = 7;
    const matrix: DenseMatrix = {
      kind: 'dense',
      rows,
      cols,
      data: uniformValues(rows * cols, random),
    };
    const weights = uniformValues(cols, random);
    const residuals = uniformValues(rows, random);
    const { kernels, arrays, offsets } = withArrays([rows * cols, cols, rows, rows, cols]);
    const [x, w, logits, r, g] = arrays;
    x.set(matrix.data);
    w.set(weights);
    r.set(residuals);
    kernels.exports.denseLogits(offsets[0], rows, cols, offsets[1], 0.25, offsets[2]);
    kernels.exports.denseAccumulate(offsets[0], rows, cols, offsets[3], offsets[4]);

    // Logits sum in another order: within n 2^-53 of the sum of absolute products.
    const plainLogits = new Float64Array(rows);
    multiplyMatrixVector(matrix, weights, plainLogits);
    for (let row = 0; row < rows; row++) {
      let magnitude = 0.25;
      for (let col = 0; col < cols; col++) magnitude += Math.abs(x[row * cols + col] * w[col]);
      const bound = (cols + 1) * 2 ** -53 * magnitude;
      expect(Math.abs(logits[row] - (plainLogits[row] + 0.25))).toBeLessThanOrEqual(bound);
    }
    // The gradient adds in the plain order, so it is the same to the bit.
    const plainGradient = new Float64Array(cols);
    multiplyTransposedVector(matrix, residuals, plainGradient);
    expect(Array.from(g)).toEqual(Array.from(plainGradient));
  });
});
