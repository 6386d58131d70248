import type { Locator, Page } from '@playwright/test';
import { countPlotPixels } from './chartCanvas';

/**
 * The first two colours of the app's run palette in `src/renderer/src/charts/palette.ts`: train
 * and test in a single run's chart, the first and the second run in an overlaid one. They are
 * repeated here because the node test project cannot import renderer files.
 */
export const CURVE_COLORS = ['#2563eb', '#d97706'] as const;

/** The loss chart's plot area inside its canvas: the ECharts grid of `buildLossChartOption`. */
export const LOSS_PLOT_MARGINS = { top: 40, right: 20, bottom: 44, left: 64 };

/** The Result view: metrics, confusion matrix and the charts of one run. */
export class ResultView {
  readonly tab: Locator;
  readonly heading: Locator;
  readonly trainAccuracy: Locator;
  readonly testAccuracy: Locator;
  readonly confusionMatrix: Locator;
  readonly lossChart: Locator;
  readonly sigmoidChart: Locator;
  readonly runStatus: Locator;

  constructor(page: Page) {
    this.tab = page.getByRole('tab', { name: 'Result' });
    this.heading = page.locator('#result-heading');
    this.trainAccuracy = page.getByTestId('train-accuracy');
    this.testAccuracy = page.getByTestId('test-accuracy');
    this.confusionMatrix = page.getByTestId('confusion-matrix');
    this.lossChart = page.getByTestId('loss-chart');
    this.sigmoidChart = page.getByTestId('sigmoid-chart');
    this.runStatus = page.getByTestId('run-status');
  }

  /** Reads the four counts of the test confusion matrix from its cells. */
  async confusionCounts(): Promise<{ tn: number; fp: number; fn: number; tp: number }> {
    const cells = await this.confusionMatrix.locator('tbody td').allTextContents();
    const [tn, fp, fn, tp] = cells.map((text) => Number(text.replace(/,/g, '')));
    return { tn, fp, fn, tp };
  }

  /**
   * Reads the sigmoid chart's legend entry "Misclassified (N)" and returns N. The legend is drawn
   * on the canvas, so the chart repeats its entries in `data-legend`.
   */
  async misclassifiedInLegend(): Promise<number> {
    const legend = (await this.sigmoidChart.getAttribute('data-legend')) ?? '';
    const match = /(?:^|; )Misclassified \((\d+)\)(?:;|$)/.exec(legend);
    if (!match) throw new Error(`the sigmoid legend has no "Misclassified (N)" entry: "${legend}"`);
    return Number(match[1]);
  }

  /** Pixels of the train curve (first run colour) and the test curve (second) in the plot. */
  async lossCurvePixels(): Promise<{ train: number; test: number }> {
    const [train, test] = await countPlotPixels(this.lossChart, CURVE_COLORS, LOSS_PLOT_MARGINS);
    return { train, test };
  }
}
