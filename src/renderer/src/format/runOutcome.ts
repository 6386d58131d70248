import type { RunRecord } from '../../../shared/runs/runRecord';
import { formatInteger, formatPercent } from './numbers';

/**
 * Describes how a run ended in one sentence, for a screen reader to announce:
 * "Training finished: test accuracy 96.88 %", "Training cancelled after 12 of 100 epochs" or
 * "Training failed: <reason>".
 */
export function describeRunEnd(run: RunRecord): string {
  switch (run.status) {
    case 'finished':
      return `Training finished: test accuracy ${formatPercent(run.metrics?.test.accuracy)}`;
    case 'cancelled':
      return `Training cancelled after ${epochsOfTotal(run)} epochs`;
    case 'failed':
      return `Training failed: ${run.failure?.message ?? 'no reason was recorded'}`;
    case 'running':
      return `Training stopped after ${epochsOfTotal(run)} epochs`;
  }
}

function epochsOfTotal(run: RunRecord): string {
  return `${formatInteger(run.epochsCompleted)} of ${formatInteger(run.options.epochs)}`;
}
