import { describe, expect, it } from 'vitest';
import {
  buildLossChartOption,
  toEpochPoints,
} from '../../../src/renderer/src/charts/lossChartOption';
import {
  buildSigmoidChartOption,
  logitRange,
  pointsByClass,
  sigmoidCurve,
} from '../../../src/renderer/src/charts/sigmoidChartOption';
import { sigmoid } from '../../../src/shared/model/logistic';

describe('sigmoidCurve', () => {
  it('includes both ends', () => {
    const curve = sigmoidCurve(-4, 4, 5);
    expect(curve.map(([logit]) => logit)).toEqual([-4, -2, 0, 2, 4]);
    expect(curve[2]).toEqual([0, 0.5]);
  });
});

describe('pointsByClass', () => {
  it('splits test rows by true class', () => {
    const [negatives, positives] = pointsByClass({ logits: [-1, 2, 0], targets: [0, 1, 0] });
    expect(negatives.map(([logit]) => logit)).toEqual([-1, 0]);
    expect(positives).toEqual([[2, sigmoid(2)]]);
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
  it('names the scatter series by class', () => {
    const option = buildSigmoidChartOption({ logits: [-1, 1], targets: [0, 1] }, ['EI', 'IE']);
    const series = option.series as { name: string; data: unknown[] }[];
    expect(series.map((entry) => entry.name)).toEqual(['Sigmoid', 'True EI', 'True IE']);
    expect(series[1].data).toHaveLength(1);
    expect(series[2].data).toHaveLength(1);
  });
});

describe('buildLossChartOption', () => {
  it('numbers epochs from one', () => {
    expect(toEpochPoints([0.7, 0.6])).toEqual([
      [1, 0.7],
      [2, 0.6],
    ]);
  });

  it('draws one run as train and test', () => {
    const option = buildLossChartOption([{ name: '', train: [0.7], test: [0.71] }]);
    const series = option.series as { name: string; color: string }[];
    expect(series.map((entry) => entry.name)).toEqual(['Train', 'Test']);
    expect(series[0].color).not.toBe(series[1].color);
  });

  it('gives each compared run one colour', () => {
    const option = buildLossChartOption([
      { name: 'a', train: [0.7], test: [0.7] },
      { name: 'b', train: [0.6], test: [0.6] },
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
    expect(buildLossChartOption([], true).animation).toBe(false);
    expect(buildLossChartOption([]).animation).toBe(true);
  });
});
