import type { DenseMatrix } from '../dataset/featureMatrix';
import { DenseEpochEngine } from './denseEpochEngine';
import type { EpochEngine, SplitData } from './epochEngine';
import { OneHotEpochEngine } from './oneHotEpochEngine';
import { PlainEpochEngine } from './plainEpochEngine';

/** The engines `createEpochEngine` may choose from: 'plain' forces the reference kernels. */
export type EngineChoice = 'fastest' | 'plain';

/**
 * Returns the fastest engine that runs here for the split's data: the one-hot engine for
 * one-hot features of any layout, the dense engine for other dense features, and otherwise,
 * or where WebAssembly is missing, the plain kernels.
 */
export function createEpochEngine(split: SplitData, choice: EngineChoice = 'fastest'): EpochEngine {
  if (choice === 'plain') return new PlainEpochEngine(split);
  return (
    OneHotEpochEngine.create(split) ??
    (isDenseSplit(split) ? DenseEpochEngine.create(split) : null) ??
    new PlainEpochEngine(split)
  );
}

function isDenseSplit(split: SplitData): split is SplitData & { features: DenseMatrix } {
  return split.features.kind === 'dense';
}
