import { buildCombinationTables, type CombinationTables } from './combinationTables';
import type { EpochEngine, EpochEvaluation, SplitData } from './epochEngine';
import type { LogisticModel } from './logisticRegression';
import { detectOneHotGroups, readOneHotColumns, type OneHotGroups } from './oneHotStructure';
import {
  instantiateTrainingKernels,
  MemoryPlan,
  sumRowsLogisticLoss,
  type Region,
  type TrainingKernelExports,
  type TrainingKernels,
} from './wasm/trainingKernelsInstance';

/** The engine's arrays in kernel memory. Row arrays hold the training rows, then the test rows. */
interface OneHotLayout {
  /** Table entries: the weights, then the sums of pairs. */
  values: Region;
  /** Gradient sum of each table entry. */
  sums: Region;
  pairs: Region;
  codes: Region;
  targets: Region;
  logits: Region;
  residuals: Region;
}

/**
 * Gradient descent on one-hot data in WebAssembly. Each row is a short list of codes into a
 * table of summed weights (see combinationTables.ts), which is rebuilt from the weights every
 * epoch. The gradient is summed per table entry over the training rows, then spread back down
 * the table to the weights.
 */
export class OneHotEpochEngine implements EpochEngine {
  readonly kind = 'one-hot';
  private readonly kernels: TrainingKernelExports;
  private readonly instance: TrainingKernels;
  private readonly weights: Float64Array;
  private readonly weightSums: Float64Array;
  private readonly logits: Float64Array;

  private constructor(
    kernels: TrainingKernels,
    private readonly layout: OneHotLayout,
    private readonly tables: CombinationTables,
    private readonly trainRows: number,
  ) {
    this.instance = kernels;
    this.kernels = kernels.exports;
    this.weights = kernels.float64(layout.values).subarray(0, tables.cols);
    this.weightSums = kernels.float64(layout.sums).subarray(0, tables.cols);
    this.logits = kernels.float64(layout.logits);
  }

  /**
   * Returns an engine for the split, or null when the features are not one-hot (see
   * `detectOneHotGroups`) or the WebAssembly kernels cannot run here.
   */
  static create(split: SplitData): OneHotEpochEngine | null {
    const groups = detectOneHotGroups(split.features);
    if (!groups) return null;

    const trainRows = split.trainRows.length;
    const columns = readSplitColumns(split, groups);
    const tables = buildCombinationTables(columns, groups, split.features.cols, trainRows);
    const layout = planLayout(tables, trainRows + split.testRows.length);
    const kernels = instantiateTrainingKernels(layout.plan);
    if (!kernels) return null;

    copyLayoutData(kernels, layout.regions, tables);
    copySplitTargets(split, kernels.float64(layout.regions.targets));
    return new OneHotEpochEngine(kernels, layout.regions, tables, trainRows);
  }

  evaluate(model: LogisticModel, gradient: Float64Array): EpochEvaluation {
    const { kernels, layout, trainRows, tables } = this;
    const testRows = layout.logits.length - trainRows;
    this.computeAllLogits(model);

    const train = sumRowsLogisticLoss(kernels, layout, 0, trainRows);
    const test = sumRowsLogisticLoss(kernels, layout, trainRows, testRows);

    kernels.scatterRows(
      layout.codes.offset,
      trainRows,
      tables.units,
      layout.residuals.offset,
      layout.sums.offset - layout.values.offset,
    );
    kernels.spreadPairs(
      layout.pairs.offset,
      this.entries(),
      layout.sums.offset + 8 * tables.cols,
      layout.sums.offset - layout.values.offset,
    );
    gradient.set(this.weightSums);

    return {
      trainLoss: train.lossSum / trainRows,
      testLoss: test.lossSum / testRows,
      residualSum: train.residualSum,
    };
  }

  dispose(): void {
    this.instance.release();
  }

  computeLogits(model: LogisticModel, trainLogits: Float64Array, testLogits: Float64Array): void {
    this.computeAllLogits(model);
    trainLogits.set(this.logits.subarray(0, this.trainRows));
    testLogits.set(this.logits.subarray(this.trainRows));
  }

  /**
   * Rebuilds the table from the model's weights, zeroing every gradient sum, and writes the
   * logit of every row.
   */
  private computeAllLogits(model: LogisticModel): void {
    const { kernels, layout, tables } = this;
    this.weights.set(model.weights);
    this.weightSums.fill(0);
    kernels.sumPairs(
      layout.pairs.offset,
      this.entries(),
      layout.values.offset + 8 * tables.cols,
      layout.sums.offset - layout.values.offset,
    );
    kernels.gatherRows(
      layout.codes.offset,
      layout.logits.length,
      tables.units,
      model.bias,
      layout.logits.offset,
    );
  }

  /** Table entries past the weights. */
  private entries(): number {
    return this.tables.tableLength - this.tables.cols;
  }
}

function planLayout(
  tables: CombinationTables,
  rows: number,
): { plan: MemoryPlan; regions: OneHotLayout } {
  const plan = new MemoryPlan();
  const regions: OneHotLayout = {
    values: plan.float64(tables.tableLength),
    sums: plan.float64(tables.tableLength),
    pairs: plan.uint32(tables.pairs.length),
    codes: plan.uint32(tables.codes.length),
    targets: plan.float64(rows),
    logits: plan.float64(rows),
    residuals: plan.float64(rows),
  };
  return { plan, regions };
}

/** Copies the table's pairs and the rows' codes into kernel memory as addresses of values. */
function copyLayoutData(
  kernels: TrainingKernels,
  layout: OneHotLayout,
  tables: CombinationTables,
): void {
  copyAsAddresses(tables.pairs, layout.values.offset, kernels.uint32(layout.pairs));
  copyAsAddresses(tables.codes, layout.values.offset, kernels.uint32(layout.codes));
}

function copyAsAddresses(entries: Uint32Array, valuesAddress: number, out: Uint32Array): void {
  for (let i = 0; i < entries.length; i++) out[i] = valuesAddress + 8 * entries[i];
}

/** Returns each row's column in each group, group by group, training rows first. */
function readSplitColumns(split: SplitData, groups: OneHotGroups): Uint32Array {
  const { trainRows, testRows } = split;
  const rows = trainRows.length + testRows.length;
  const columns = new Uint32Array(rows * groups.groups);
  readOneHotColumns(split.features, groups, trainRows, columns, 0, rows);
  readOneHotColumns(split.features, groups, testRows, columns, trainRows.length, rows);
  return columns;
}

function copySplitTargets(split: SplitData, out: Float64Array): void {
  const { targets, trainRows, testRows } = split;
  for (let i = 0; i < trainRows.length; i++) out[i] = targets[trainRows[i]];
  for (let i = 0; i < testRows.length; i++) out[trainRows.length + i] = targets[testRows[i]];
}
