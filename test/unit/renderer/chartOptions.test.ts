import { describe, expect, it } from 'vitest';
import { buildLossChartOption, lossPoints } from '../../../src/renderer/src/charts/lossChartOption';
import {
  buildSigmoidChartOption,
  logitRange,
  sigmoidCurve,
  sigmoidPoints,
} from '../../../src/renderer/src/charts/sigmoidChartOption';
import { sigmoid } from '../../../src/shared/model/logistic';

describe('sigmoidCurve', () => {
  it('includes both ends', () => {
    const curve = sigmoidCurve(-4, 4, 5);
    expect(curve.map(([logit]) => logit)).toEqual([-4, -2, 0, 2, 4]);
    expect(curve[2]).toEqual([0, 0.5]);
  });
});

describe('sigmoidPoints', () => {
  it('splits test rows by true class', () => {
    const { byClass } = sigmoidPoints({ logits: [-1, 2, 0], targets: [0, 1, 0] });
    expect(byClass[0].map(([logit]) => logit)).toEqual([-1, 0]);
    expect(byClass[1]).toEqual([[2, sigmoid(2)]]);
  });

  it('picks out misclassified rows', () => {
    // Logit 0 is probability 0.5, which the metrics count as class 0, so row 3 is misclassified.
    const points = sigmoidPoints({ logits: [-1, 2, 0.5, 0, -3], targets: [0, 1, 0, 1, 1] });
    expect(points.misclassified.map(([logit]) => logit)).toEqual([0.5, 0, -3]);
  });

  it('keeps misclassified rows on the curve', () => {
    const { misclassified } = sigmoidPoints({ logits: [1.5], targets: [0] });
    expect(misclassified).toEqual([[1.5, sigmoid(1.5)]]);
  });
});

describe('logitRange', () => {
  it('widens to at least -6 to 6', () => {
    expect(logitRange([-1, 2])).toEqual([-6, 6]);
    expect(logitRange([])).toEqual([-6, 6]);
  });

  it('covers outlying logits', () => {
    expect(logitRange([-9.2, 14.1])).toEqual([-10, 15]);
  });
});

describe('buildSigmoidChartOption', () => {
  type Series = { name: string; data: unknown[]; z?: number };

  it('names the scatter series by class', () => {
    const option = buildSigmoidChartOption({ logits: [-1, 1], targets: [0, 1] }, ['EI', 'IE']);
    const series = option.series as Series[];
    expect(series.map((entry) => entry.name)).toEqual([
      'Sigmoid',
      'True EI',
      'True IE',
      'Misclassified (0)',
    ]);
    expect(series[1].data).toHaveLength(1);
    expect(series[2].data).toHaveLength(1);
  });

  it('counts misclassified rows in the legend', () => {
    const predictions = { logits: [-1, 1, 2, -2], targets: [1, 0, 1, 0] };
    const series = buildSigmoidChartOption(predictions, ['EI', 'IE']).series as Series[];
    const misclassified = series[series.length - 1];
    expect(misclassified.name).toBe('Misclassified (2)');
    expect(misclassified.data).toHaveLength(2);
  });

  it('draws misclassified rows on top', () => {
    const series = buildSigmoidChartOption({ logits: [1], targets: [0] }, ['a', 'b'])
      .series as Series[];
    const others = series.slice(0, -1).map((entry) => entry.z ?? 2);
    expect(series[series.length - 1].z).toBeGreaterThan(Math.max(...others));
  });
});

describe('buildLossChartOption', () => {
  it('draws one run as train and test', () => {
    const option = buildLossChartOption([{ name: '', train: [[1, 0.7]], test: [[1, 0.71]] }]);
    const series = option.series as { name: string; color: string }[];
    expect(series.map((entry) => entry.name)).toEqual(['Train', 'Test']);
    expect(series[0].color).not.toBe(series[1].color);
  });

  it('gives each compared run one colour', () => {
    const option = buildLossChartOption([
      { name: 'a', train: [[1, 0.7]], test: [[1, 0.7]] },
      { name: 'b', train: [[1, 0.6]], test: [[1, 0.6]] },
    ]);
    const series = option.series as { name: string; color: string }[];
    expect(series.map((entry) => entry.name)).toEqual([
      'a · train',
      'a · test',
      'b · train',
      'b · test',
    ]);
    expect(series[0].color).toBe(series[1].color);
    expect(series[0].color).not.toBe(series[2].color);
  });

  it('turns animation off for live data', () => {
    expect(buildLossChartOption([], { live: true }).animation).toBe(false);
    expect(buildLossChartOption([]).animation).toBe(true);
  });

  it('switches the epoch axis to log', () => {
    const linear = buildLossChartOption([]).xAxis as { type: string };
    const log = buildLossChartOption([], { logEpochs: true }).xAxis as {
      type: string;
      min: number;
    };
    expect(linear.type).toBe('value');
    expect(log.type).toBe('log');
    expect(log.min).toBe(1);
  });
});

describe('lossPoints', () => {
  it('numbers epochs from one', () => {
    expect(lossPoints([0.7, 0.6])).toEqual([
      [1, 0.7],
      [2, 0.6],
    ]);
  });

  it('bounds a million epochs', () => {
    const loss = Array.from({ length: 1_000_000 }, (_, index) => 1 / (index + 1));
    expect(lossPoints(loss).length).toBeLessThanOrEqual(2002);
    expect(lossPoints(loss, true).length).toBeLessThanOrEqual(2002);
  });
});
