import type { Locator } from '@playwright/test';

/** Margins of the plot area inside a chart, in CSS pixels, as the chart's ECharts grid sets them. */
export interface PlotMargins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/**
 * Counts, for each colour, the canvas pixels inside the plot area that have that colour, so a
 * spec can tell that a curve was drawn rather than that a chart element exists. A pixel counts
 * when each channel is within `tolerance` of the colour, which leaves out the anti-aliased edges.
 */
export async function countPlotPixels(
  chart: Locator,
  colors: readonly string[],
  margins: PlotMargins,
  tolerance = 24,
): Promise<number[]> {
  return chart.evaluate(
    (element, { colors, margins, tolerance }) => {
      const canvas = element.querySelector('canvas');
      if (!canvas) return colors.map(() => 0);

      const scale = canvas.width / canvas.getBoundingClientRect().width;
      const x = Math.round(margins.left * scale);
      const y = Math.round(margins.top * scale);
      const width = canvas.width - x - Math.round(margins.right * scale);
      const height = canvas.height - y - Math.round(margins.bottom * scale);
      const pixels = canvas.getContext('2d')!.getImageData(x, y, width, height).data;

      const targets = colors.map((hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)));
      const counts = colors.map(() => 0);
      for (let i = 0; i < pixels.length; i += 4) {
        targets.forEach(([r, g, b], index) => {
          const near =
            Math.abs(pixels[i] - r) <= tolerance &&
            Math.abs(pixels[i + 1] - g) <= tolerance &&
            Math.abs(pixels[i + 2] - b) <= tolerance;
          if (near && pixels[i + 3] > 200) counts[index]++;
        });
      }
      return counts;
    },
    { colors: [...colors], margins, tolerance },
  );
}
