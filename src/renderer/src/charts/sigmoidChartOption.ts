/**
 * The ECharts option of the sigmoid chart: the logistic curve over the range of the test logits,
 * with every test row placed on it at (logit, sigmoid(logit)) and coloured by its true class.
 * Misclassified rows get a red ring drawn over their dot, in a series of their own.
 */
import { sigmoid } from '../../../shared/model/logistic';
import { predictClass } from '../../../shared/model/metrics';
import type { ChartOption } from './echarts';
import { CLASS_COLORS, MISCLASSIFIED_COLOR } from './palette';

export interface TestPredictions {
  logits: readonly number[];
  targets: readonly number[];
}

type Point = [logit: number, probability: number];

export interface SigmoidPoints {
  /** Test rows by true class, class 0 first. */
  byClass: [Point[], Point[]];
  /** Test rows whose predicted class, by the 0.5 cut-off of the metrics, is not their class. */
  misclassified: Point[];
}

/** Plot margins in CSS pixels; the top leaves room for a one-line legend above the plot. */
export const SIGMOID_CHART_GRID = { top: 44, right: 20, bottom: 44, left: 64 } as const;

/** Samples the sigmoid at `count` evenly spaced logits from `from` to `to`, both included. */
export function sigmoidCurve(from: number, to: number, count = 200): Point[] {
  const step = count > 1 ? (to - from) / (count - 1) : 0;
  return Array.from({ length: count }, (_, index) => {
    const logit = from + step * index;
    return [logit, sigmoid(logit)];
  });
}

/** Places the test rows on the curve, split by true class, and picks out the misclassified. */
export function sigmoidPoints(predictions: TestPredictions): SigmoidPoints {
  const points: SigmoidPoints = { byClass: [[], []], misclassified: [] };
  predictions.logits.forEach((logit, row) => {
    const target = predictions.targets[row] === 1 ? 1 : 0;
    const point: Point = [logit, sigmoid(logit)];
    points.byClass[target].push(point);
    if (predictClass(logit) !== target) points.misclassified.push(point);
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

/**
 * Names the marker series in the order the legend lists them: the two true classes, then the
 * misclassified rows with their count.
 */
export function sigmoidLegendNames(
  classLabels: readonly [string, string],
  points: SigmoidPoints,
): [string, string, string] {
  return [
    `True ${classLabels[0]}`,
    `True ${classLabels[1]}`,
    `Misclassified (${points.misclassified.length})`,
  ];
}

function classSeries(name: string, data: Point[], color: string) {
  return {
    type: 'scatter' as const,
    name,
    data,
    color,
    symbolSize: 6,
    itemStyle: { opacity: 0.7 },
  };
}

/** Builds the series of misclassified rows: hollow red rings, larger than the dots, drawn above. */
function misclassifiedSeries(name: string, data: Point[]) {
  return {
    type: 'scatter' as const,
    name,
    data,
    symbolSize: 12,
    z: 3,
    itemStyle: { color: 'transparent', borderColor: MISCLASSIFIED_COLOR, borderWidth: 2 },
  };
}

/**
 * Builds the option of the sigmoid chart. `classLabels` names class 0 then class 1, and `points`
 * can be passed in by a caller that placed the rows already.
 */
export function buildSigmoidChartOption(
  predictions: TestPredictions,
  classLabels: readonly [string, string],
  points: SigmoidPoints = sigmoidPoints(predictions),
): ChartOption {
  const [from, to] = logitRange(predictions.logits);
  const [class0Name, class1Name, misclassifiedName] = sigmoidLegendNames(classLabels, points);
  const scatters = [
    classSeries(class0Name, points.byClass[0], CLASS_COLORS[0]),
    classSeries(class1Name, points.byClass[1], CLASS_COLORS[1]),
    misclassifiedSeries(misclassifiedName, points.misclassified),
  ];

  return {
    grid: { ...SIGMOID_CHART_GRID },
    // The legend names the markers only, because the curve is the chart's subject. It scrolls
    // rather than wraps, so long class labels cannot push it down over the plot and axis names.
    legend: {
      type: 'scroll',
      top: 4,
      left: 'center',
      data: scatters.map((series) => series.name),
    },
    tooltip: { trigger: 'item', valueFormatter: (value) => Number(value).toFixed(4) },
    xAxis: { type: 'value', name: 'Logit', nameLocation: 'middle', nameGap: 28, scale: true },
    yAxis: {
      type: 'value',
      name: `P(${classLabels[1]})`,
      nameLocation: 'middle',
      nameGap: 40,
      nameTruncate: { maxWidth: 180, ellipsis: '…' },
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
      ...scatters,
    ],
  };
}
