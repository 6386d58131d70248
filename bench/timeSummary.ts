/** Median, minimum and maximum of repeated timings, in milliseconds. */
export interface TimeSummary {
  runs: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
}

/** Summarizes timings; the median of an even count is the upper of the two middle values. */
export function summarizeTimes(times: number[]): TimeSummary {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    runs: sorted.length,
    medianMs: sorted[Math.floor(sorted.length / 2)],
    minMs: sorted[0],
    maxMs: sorted[sorted.length - 1],
  };
}
