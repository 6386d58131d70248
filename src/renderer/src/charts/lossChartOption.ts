/** The ECharts option of a loss chart: train and test log-loss by epoch, for one run or several. */
import type { ChartOption } from './echarts';
import { runColor } from './palette';

export interface LossCurves {
  /** Legend name of the run, empty for a chart of a single run. */
  name: string;
  train: readonly number[];
  test: readonly number[];
}

/** Margins of the plot area in CSS pixels, which end-to-end tests use to find the curves. */
export const LOSS_CHART_GRID = { top: 40, right: 20, bottom: 44, left: 64 } as const;

/**
 * Pairs each loss with its 1-based epoch. `loss[i]` is the loss before the update of epoch i + 1,
 * as `RunRecord.loss` stores it.
 */
export function toEpochPoints(loss: readonly number[]): [number, number][] {
  return loss.map((value, index) => [index + 1, value]);
}

function lineSeries(name: string, loss: readonly number[], color: string, dashed: boolean) {
  return {
    type: 'line' as const,
    name,
    data: toEpochPoints(loss),
    color,
    showSymbol: false,
    // Largest-Triangle-Three-Buckets sampling draws fewer points but keeps the curve's shape, so
    // long runs stay responsive.
    sampling: 'lttb' as const,
    lineStyle: { width: 2, type: dashed ? ('dashed' as const) : ('solid' as const) },
  };
}

/**
 * Builds the option of a loss chart. A single unnamed run draws train and test in two colours.
 * Several runs get one colour a run, train solid and test dashed. `live` turns animation off,
 * because the data changes many times a second while a run trains.
 */
export function buildLossChartOption(runs: readonly LossCurves[], live = false): ChartOption {
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
    animation: !live,
    grid: { ...LOSS_CHART_GRID },
    // Several runs are named in a legend outside the chart, because run names are long.
    legend: { show: single, top: 4 },
    tooltip: { trigger: 'axis', valueFormatter: (value) => Number(value).toFixed(4) },
    xAxis: { type: 'value', name: 'Epoch', nameLocation: 'middle', nameGap: 28, minInterval: 1 },
    yAxis: { type: 'value', name: 'Log-loss', nameLocation: 'middle', nameGap: 44, scale: true },
    series,
  };
}
