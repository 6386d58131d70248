import { describe, expect, it } from 'vitest';
import type { BinaryProblem } from '../../src/shared/dataset/dataset';
import type { BinaryMatrix, DenseMatrix } from '../../src/shared/dataset/featureMatrix';
import { selectClasses } from '../../src/shared/dataset/selectClasses';
import { createEpochEngine } from '../../src/shared/model/createEpochEngine';
import { RandomState } from '../../src/shared/random/randomState';
import { trainTestSplit } from '../../src/shared/split/trainTestSplit';
import { runTraining, type TrainingOutcome } from '../../src/shared/training/runTraining';
import {
  instantiateTrainingKernels,
  MemoryPlan,
} from '../../src/shared/model/wasm/trainingKernelsInstance';
import {
  makeOneHotMatrix,
  makeProblem,
  toCsr,
  toDense,
  uniformValues,
} from './fixtures/oneHotData';
import { readSpliceDataset } from './fixtures/spliceOneHot';

// Every fast engine against the plain kernels on the same data. The engines differ only in the
// order of floating-point sums, so weights, bias and test logits agree to 1e-12 absolute and
// every epoch's losses to 1e-12 relative, and the accuracies are equal.
const TOLERANCE = 1e-12;
const OPTIONS = { testSize: 0.25, seed: 3, epochs: 150, learningRate: 0.5 };

const spliceBinary = selectClasses(readSpliceDataset('binary'), ['EI', 'IE']);
const unevenOneHot = makeOneHotMatrix(900, [3, 1, 5, 2, 4, 2, 6, 9, 2], 21);
// 1500 rows of 31 columns: the 1125 training rows span three blocks of the dense engine.
const continuous: DenseMatrix = {
  kind: 'dense',
  rows: 1500,
  cols: 31,
  data: uniformValues(1500 * 31, new RandomState(8)),
};

const cases: [string, BinaryProblem, string][] = [
  ['splice, binary', spliceBinary, 'one-hot'],
  [
    'splice, dense',
    { ...spliceBinary, features: toDense(spliceBinary.features as BinaryMatrix) },
    'one-hot',
  ],
  ['uneven one-hot groups, csr', makeProblem(toCsr(unevenOneHot), 4), 'one-hot'],
  ['continuous, dense', makeProblem(continuous, 5), 'dense'],
];

function expectSameTraining(fast: TrainingOutcome, plain: TrainingOutcome): void {
  expect(fast.status).toBe('finished');
  expect(plain.status).toBe('finished');
  const fastModel = fast.model ?? { weights: [], bias: NaN };
  const plainModel = plain.model ?? { weights: [], bias: NaN };
  expect(plainModel.weights.length).toBeGreaterThan(0);
  expect(fastModel.weights).toHaveLength(plainModel.weights.length);
  const weightGaps = fastModel.weights.map((weight, col) =>
    Math.abs(weight - plainModel.weights[col]),
  );
  expect(Math.max(...weightGaps)).toBeLessThan(TOLERANCE);
  expect(Math.abs(fastModel.bias - plainModel.bias)).toBeLessThan(TOLERANCE);

  for (const side of ['train', 'test'] as const) {
    expect(fast.loss[side]).toHaveLength(plain.loss[side].length);
    const gaps = fast.loss[side].map(
      (loss, epoch) => Math.abs(loss - plain.loss[side][epoch]) / loss,
    );
    expect(Math.max(...gaps), `${side} losses`).toBeLessThan(TOLERANCE);
    expect(fast.metrics?.[side].accuracy).toBe(plain.metrics?.[side].accuracy);
  }
  expect(fast.testPredictions?.logits).toHaveLength(plain.testRows.length);
  const logitGaps = (fast.testPredictions?.logits ?? []).map((logit, i) =>
    Math.abs(logit - (plain.testPredictions?.logits[i] ?? NaN)),
  );
  expect(Math.max(...logitGaps)).toBeLessThan(TOLERANCE);
}

describe('fast epoch engines', () => {
  it.each(cases)('train %s as the plain kernels do', (_, problem) => {
    expectSameTraining(runTraining(problem, OPTIONS), runTraining(problem, OPTIONS, {}, 'plain'));
  });

  it.each(cases)('choose the engine for %s by structure', (_, problem, kind) => {
    const split = trainTestSplit(problem.features.rows, 0.25, 0);
    const engine = createEpochEngine({
      features: problem.features,
      targets: problem.targets,
      ...split,
    });
    expect(engine.kind).toBe(kind);
  });

  it('leave 0/1 data that is not one-hot to the plain kernels', () => {
    // Row 0 has two non-zeros, row 1 has one.
    const features: BinaryMatrix = {
      kind: 'binary',
      rows: 2,
      cols: 3,
      rowStart: Uint32Array.of(0, 2, 3),
      colIndex: Uint32Array.of(0, 2, 1),
    };
    const engine = createEpochEngine({
      features,
      targets: Float64Array.of(0, 1),
      trainRows: Uint32Array.of(0),
      testRows: Uint32Array.of(1),
    });
    expect(engine.kind).toBe('plain');
  });

  it('stop and report the same cancelled run', () => {
    const stopAt = (count: number) => {
      let polls = 0;
      return { shouldStop: () => ++polls > count };
    };
    const fast = runTraining(spliceBinary, OPTIONS, stopAt(40));
    const plain = runTraining(spliceBinary, OPTIONS, stopAt(40), 'plain');
    expect(fast.status).toBe('cancelled');
    expect(fast.epochsCompleted).toBe(40);
    expectSameTraining({ ...fast, status: 'finished' }, { ...plain, status: 'finished' });
  });
});

describe('instantiateTrainingKernels', () => {
  it('returns null beyond 4 GiB', () => {
    // A wasm32 memory addresses at most 4 GiB.
    const plan = new MemoryPlan();
    plan.float64(2 ** 29);
    expect(instantiateTrainingKernels(plan)).toBeNull();
  });
});
