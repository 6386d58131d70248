/** The benchmark's results and their text form. */
import type { LargeCaseResult } from './largeCase';
import type { TimeSummary } from './timeSummary';
import type { JsTiming } from './trainingCases';

/** Peak resident memory the large case should stay under. */
export const LARGE_RSS_TARGET_BYTES = 2 ** 30;

export interface CaseTarget {
  /** 'faster': JS at least `factor` times faster than NumPy; 'no-slower': at most `factor` times slower. */
  kind: 'faster' | 'no-slower';
  factor: number;
}

export interface CaseReport {
  name: string;
  rows: number;
  cols: number;
  epochs: number;
  js: JsTiming;
  plain: JsTiming;
  /** Largest difference of a weight or the bias between the fast and the plain engine. */
  plainMaxWeightDifference: number;
  /** NumPy on the same training rows; null without python3 and NumPy. */
  numpy: (TimeSummary & { rows: number; cols: number }) | null;
  numpyMaxWeightDifference: number | null;
  target: CaseTarget;
}

export interface BenchReport {
  machine: { cpu: string; cpus: number; node: string; numpy: string | null };
  cases: CaseReport[];
  large: LargeCaseResult | null;
}

/**
 * Returns whether the median JS time meets the case's target against NumPy's median, or null
 * without NumPy. With `withSetup`, the JS time is the loop plus the engine setup.
 */
export function isTargetMet(report: CaseReport, withSetup: boolean): boolean | null {
  if (!report.numpy) return null;
  const js = report.js.medianMs + (withSetup ? report.js.setup.medianMs : 0);
  const { factor } = report.target;
  return report.target.kind === 'faster'
    ? js * factor <= report.numpy.medianMs
    : js <= factor * report.numpy.medianMs;
}

export function formatReport(report: BenchReport): string {
  const { machine } = report;
  const lines = [
    `Machine: ${machine.cpu}, ${machine.cpus} CPUs, Node ${machine.node}, ` +
      `NumPy ${machine.numpy ?? 'not found'}`,
    'Times are trainMs (the epoch loop) unless named, median (min to max) of the runs. Setup',
    'builds the engine for the split (codes and tables, or a copy of the rows) before the loop.',
    '',
  ];
  for (const entry of report.cases) lines.push(...formatCase(entry), '');
  if (report.large) lines.push(...formatLarge(report.large), '');
  return lines.join('\n');
}

function formatCase(entry: CaseReport): string[] {
  const lines = [
    `${entry.name}: ${entry.rows} x ${entry.cols}, ${entry.epochs} epochs, training and test ` +
      'loss every epoch',
    `  JS ${entry.js.engine} engine   ${formatTimes(entry.js)}, accuracy ` +
      `${formatPercent(entry.js.trainAccuracy)} train, ${formatPercent(entry.js.testAccuracy)} test`,
    `    engine setup    ${formatTimes(entry.js.setup)}`,
    `    setup + loop    ${(entry.js.setup.medianMs + entry.js.medianMs).toFixed(1)} ms, sum of the medians`,
    `    first run       ${entry.js.firstRunMs.toFixed(1)} ms loop, untimed, before the warm-up`,
    `  JS plain kernels  ${formatTimes(entry.plain)}, weights within ` +
      `${entry.plainMaxWeightDifference.toExponential(1)} of the ${entry.js.engine} engine`,
  ];
  if (!entry.numpy) return [...lines, '  NumPy             not run'];

  const ratio = entry.numpy.medianMs / entry.js.medianMs;
  const withSetup = entry.numpy.medianMs / (entry.js.medianMs + entry.js.setup.medianMs);
  const { kind, factor } = entry.target;
  const goal = kind === 'faster' ? `at least ${factor}x faster` : `at most ${factor}x slower`;
  const verdict = (met: boolean | null) => (met ? 'met' : 'not met');
  return [
    ...lines,
    `  NumPy             ${formatTimes(entry.numpy)} on the same ${entry.numpy.rows} training ` +
      `rows, no loss computed; weights within ${entry.numpyMaxWeightDifference?.toExponential(1)}`,
    `  NumPy / JS        ${ratio.toFixed(2)} for the loop, ${withSetup.toFixed(2)} with setup`,
    `  target            JS ${goal} than NumPy: ${verdict(isTargetMet(entry, false))} for the ` +
      `loop, ${verdict(isTargetMet(entry, true))} with setup`,
  ];
}

function formatLarge(large: LargeCaseResult): string[] {
  const rssTarget = large.maxRssBytes < LARGE_RSS_TARGET_BYTES ? 'met' : 'not met';
  return [
    `large: ${large.rows} x ${large.cols} ${large.structure}` +
      `${large.oneHot ? ', one-hot' : ''}, ${large.epochs} epochs, in a child process`,
    `  load              ${(large.loadMs / 1000).toFixed(1)} s with the project's npy loader`,
    `  select classes    ${large.selectClassesMs.toFixed(0)} ms`,
    `  first epoch       ${large.firstEpochMs.toFixed(0)} ms, with the split and the engine setup`,
    `  later epochs      ${formatTimes(large.epochMs)} per epoch`,
    `  accuracy          ${formatPercent(large.trainAccuracy)} train, ` +
      `${formatPercent(large.testAccuracy)} test`,
    `  peak RSS          ${(large.maxRssBytes / 2 ** 20).toFixed(0)} MiB; target under 1 GiB: ` +
      rssTarget,
  ];
}

function formatTimes(times: TimeSummary): string {
  return (
    `${times.medianMs.toFixed(1)} ms (${times.minMs.toFixed(1)} to ${times.maxMs.toFixed(1)}),` +
    ` ${times.runs} run${times.runs === 1 ? '' : 's'}`
  );
}

function formatPercent(value: number | null): string {
  return value === null ? 'n/a' : `${(value * 100).toFixed(2)} %`;
}
