/** The ECharts option of a loss chart: train and test log-loss by epoch, for one run or several. */
import type { ChartOption } from './echarts';
import { decimateLoss, linearBuckets, logBuckets, type EpochPoint } from './lossDecimation';
import { runColor } from './palette';

/** The loss curves of one run, as points to draw. */
export interface LossCurves {
  /** Legend name of the run, empty for a chart of a single run. */
  name: string;
  train: readonly EpochPoint[];
  test: readonly EpochPoint[];
}

export interface LossChartSettings {
  /** Turns animation off, because live data changes many times a second. */
  live?: boolean;
  /** Draws the epochs on a logarithmic axis, so short runs are not squashed by long ones. */
  logEpochs?: boolean;
}

/** Margins of the plot area in CSS pixels, which end-to-end tests use to find the curves. */
export const LOSS_CHART_GRID = { top: 40, right: 20, bottom: 44, left: 64 } as const;

/**
 * Decimates a stored loss curve for drawing, with buckets evenly spaced on the epoch axis the
 * chart uses. `loss[i]` is the loss before the update of epoch i + 1, as `RunRecord.loss` stores it.
 */
export function lossPoints(loss: readonly number[], logEpochs = false): EpochPoint[] {
  const buckets = logEpochs ? logBuckets(loss.length) : linearBuckets(loss.length);
  return decimateLoss(loss, buckets);
}

function lineSeries(name: string, points: readonly EpochPoint[], color: string, dashed: boolean) {
  return {
    type: 'line' as const,
    name,
    data: points as EpochPoint[],
    color,
    showSymbol: false,
    lineStyle: { width: 2, type: dashed ? ('dashed' as const) : ('solid' as const) },
  };
}

function epochAxis(logEpochs: boolean): ChartOption['xAxis'] {
  const common = { name: 'Epoch', nameLocation: 'middle' as const, nameGap: 28 };
  if (logEpochs) return { ...common, type: 'log', logBase: 10, min: 1 };
  return { ...common, type: 'value', minInterval: 1 };
}

/**
 * Builds the option of a loss chart. A single unnamed run draws train and test in two colours.
 * Several runs get one colour a run, train solid and test dashed.
 */
export function buildLossChartOption(
  runs: readonly LossCurves[],
  settings: LossChartSettings = {},
): ChartOption {
  const single = runs.length === 1 && runs[0].name === '';
  const series = runs.flatMap((run, index) => {
    const trainName = single ? 'Train' : `${run.name} · train`;
    const testName = single ? 'Test' : `${run.name} · test`;
    const trainColor = single ? runColor(0) : runColor(index);
    const testColor = single ? runColor(1) : runColor(index);
    return [
      lineSeries(trainName, run.train, trainColor, false),
      lineSeries(testName, run.test, testColor, !single),
    ];
  });

  return {
    animation: !settings.live,
    grid: { ...LOSS_CHART_GRID },
    // Several runs are named in a legend outside the chart, because run names are long.
    legend: { show: single, top: 4 },
    tooltip: { trigger: 'axis', valueFormatter: (value) => Number(value).toFixed(4) },
    xAxis: epochAxis(settings.logEpochs ?? false),
    yAxis: { type: 'value', name: 'Log-loss', nameLocation: 'middle', nameGap: 44, scale: true },
    series,
  };
}
