/**
 * The ECharts option of the sigmoid chart: the logistic curve over the range of the test logits,
 * with every test row placed on it at (logit, sigmoid(logit)) and coloured by its true class.
 */
import { sigmoid } from '../../../shared/model/logistic';
import type { ChartOption } from './echarts';
import { CLASS_COLORS } from './palette';

export interface TestPredictions {
  logits: readonly number[];
  targets: readonly number[];
}

/** Samples the sigmoid at `count` evenly spaced logits from `from` to `to`, both included. */
export function sigmoidCurve(from: number, to: number, count = 200): [number, number][] {
  const step = count > 1 ? (to - from) / (count - 1) : 0;
  return Array.from({ length: count }, (_, index) => {
    const logit = from + step * index;
    return [logit, sigmoid(logit)];
  });
}

/** Splits the test rows by true class into points on the curve, class 0 first. */
export function pointsByClass(
  predictions: TestPredictions,
): [[number, number][], [number, number][]] {
  const points: [[number, number][], [number, number][]] = [[], []];
  predictions.logits.forEach((logit, row) => {
    points[predictions.targets[row] === 1 ? 1 : 0].push([logit, sigmoid(logit)]);
  });
  return points;
}

/** Returns the logit range to draw: the test logits' range, widened to at least -6 to 6. */
export function logitRange(logits: readonly number[]): [number, number] {
  let low = -6;
  let high = 6;
  for (const logit of logits) {
    if (logit < low) low = logit;
    if (logit > high) high = logit;
  }
  return [Math.floor(low), Math.ceil(high)];
}

/** Builds the option of the sigmoid chart. `classLabels` names class 0 then class 1. */
export function buildSigmoidChartOption(
  predictions: TestPredictions,
  classLabels: readonly [string, string],
): ChartOption {
  const [from, to] = logitRange(predictions.logits);
  const [negatives, positives] = pointsByClass(predictions);
  const scatter = (name: string, data: [number, number][], color: string) => ({
    type: 'scatter' as const,
    name,
    data,
    color,
    symbolSize: 6,
    itemStyle: { opacity: 0.7 },
  });

  return {
    grid: { left: 64, right: 20, top: 40, bottom: 44 },
    legend: { top: 4 },
    tooltip: { trigger: 'item', valueFormatter: (value) => Number(value).toFixed(4) },
    xAxis: { type: 'value', name: 'Logit', nameLocation: 'middle', nameGap: 28, scale: true },
    yAxis: {
      type: 'value',
      name: `P(${classLabels[1]})`,
      nameLocation: 'middle',
      nameGap: 40,
      min: 0,
      max: 1,
      // Keeps the y axis at the left edge. By default it would cross the x axis at logit 0.
      axisLine: { onZero: false },
    },
    series: [
      {
        type: 'line',
        name: 'Sigmoid',
        data: sigmoidCurve(from, to),
        showSymbol: false,
        color: '#64748b',
      },
      scatter(`True ${classLabels[0]}`, negatives, CLASS_COLORS[0]),
      scatter(`True ${classLabels[1]}`, positives, CLASS_COLORS[1]),
    ],
  };
}
