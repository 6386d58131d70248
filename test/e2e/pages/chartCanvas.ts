import type { Locator } from '@playwright/test';

/** Margins of the plot area inside a chart, in CSS pixels, as the chart's ECharts grid sets them. */
export interface PlotMargins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** Where one colour was found in the plot area. */
interface ColorScan {
  count: number;
  /** Leftmost and rightmost canvas column of the colour from the plot's left edge, or -1. */
  minColumn: number;
  maxColumn: number;
  /** Width of the plot area in canvas pixels. */
  plotWidth: number;
}

/**
 * Scans the canvas pixels inside the plot area for each colour. A pixel counts when each channel
 * is within `tolerance` of the colour, which leaves out the anti-aliased edges.
 */
function scanPlotPixels(
  chart: Locator,
  colors: readonly string[],
  margins: PlotMargins,
  tolerance: number,
): Promise<ColorScan[]> {
  return chart.evaluate(
    (element, { colors, margins, tolerance }) => {
      const absent = { count: 0, minColumn: -1, maxColumn: -1, plotWidth: 0 };
      const canvas = element.querySelector('canvas');
      if (!canvas) return colors.map(() => ({ ...absent }));

      const scale = canvas.width / canvas.getBoundingClientRect().width;
      const x = Math.round(margins.left * scale);
      const y = Math.round(margins.top * scale);
      const width = canvas.width - x - Math.round(margins.right * scale);
      const height = canvas.height - y - Math.round(margins.bottom * scale);
      const pixels = canvas.getContext('2d')!.getImageData(x, y, width, height).data;

      const targets = colors.map((hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)));
      const scans = colors.map(() => ({ ...absent, plotWidth: width }));
      for (let i = 0; i < pixels.length; i += 4) {
        const column = (i / 4) % width;
        targets.forEach(([r, g, b], index) => {
          const near =
            Math.abs(pixels[i] - r) <= tolerance &&
            Math.abs(pixels[i + 1] - g) <= tolerance &&
            Math.abs(pixels[i + 2] - b) <= tolerance;
          if (!near || pixels[i + 3] <= 200) return;
          const scan = scans[index];
          scan.count++;
          if (scan.minColumn < 0 || column < scan.minColumn) scan.minColumn = column;
          if (column > scan.maxColumn) scan.maxColumn = column;
        });
      }
      return scans;
    },
    { colors: [...colors], margins, tolerance },
  );
}

/**
 * Counts, for each colour, the canvas pixels inside the plot area that have that colour, so a
 * spec can tell that a curve was drawn rather than that a chart element exists.
 */
export async function countPlotPixels(
  chart: Locator,
  colors: readonly string[],
  margins: PlotMargins,
  tolerance = 24,
): Promise<number[]> {
  const scans = await scanPlotPixels(chart, colors, margins, tolerance);
  return scans.map((scan) => scan.count);
}

/**
 * Returns, for each colour, how far right across the plot area its pixels reach, as a fraction of
 * the plot width from 0 (left edge) to 1 (right edge), or -1 when the colour is absent. On an
 * epoch axis this shows how long a curve is drawn relative to the axis.
 */
export async function plotRightExtents(
  chart: Locator,
  colors: readonly string[],
  margins: PlotMargins,
  tolerance = 24,
): Promise<number[]> {
  const scans = await scanPlotPixels(chart, colors, margins, tolerance);
  return scans.map((scan) => (scan.maxColumn < 0 ? -1 : scan.maxColumn / scan.plotWidth));
}
