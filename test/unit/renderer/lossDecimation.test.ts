import { describe, expect, it } from 'vitest';
import { LiveLossSeries } from '../../../src/renderer/src/charts/liveLossSeries';
import {
  decimateLoss,
  linearBuckets,
  logBuckets,
  type BucketOf,
  type EpochPoint,
} from '../../../src/renderer/src/charts/lossDecimation';

/** Returns a decaying loss with noise from a fixed linear congruential sequence, for spikes. */
function noisyLoss(length: number): number[] {
  let state = 12345;
  return Array.from({ length }, (_, index) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return 0.7 / Math.sqrt(index + 1) + (state / 2 ** 31) * 0.05;
  });
}

/** Checks that every bucket's minimum and maximum loss are among the drawn points. */
function expectEnvelopeKept(loss: number[], points: EpochPoint[], bucketOf: BucketOf): void {
  const drawn = new Set(points.map(([epoch]) => epoch - 1));
  const extremes = new Map<number, { min: number; max: number }>();
  loss.forEach((value, index) => {
    const bucket = extremes.get(bucketOf(index)) ?? { min: index, max: index };
    if (value < loss[bucket.min]) bucket.min = index;
    if (value > loss[bucket.max]) bucket.max = index;
    extremes.set(bucketOf(index), bucket);
  });
  for (const { min, max } of extremes.values()) {
    expect(drawn.has(min)).toBe(true);
    expect(drawn.has(max)).toBe(true);
  }
}

describe('decimateLoss', () => {
  it('keeps a short curve whole', () => {
    const loss = noisyLoss(500);
    expect(decimateLoss(loss)).toEqual(loss.map((value, index) => [index + 1, value]));
  });

  it('returns nothing for no epochs', () => {
    expect(decimateLoss([])).toEqual([]);
  });

  it('keeps every bucket minimum and maximum', () => {
    const loss = noisyLoss(10_000);
    const bucketOf = linearBuckets(loss.length, 100);
    const points = decimateLoss(loss, bucketOf);
    expect(points.length).toBeLessThanOrEqual(2 * 100 + 2);
    expectEnvelopeKept(loss, points, bucketOf);
  });

  it('keeps the first and last epoch exact', () => {
    const loss = noisyLoss(10_001);
    const points = decimateLoss(loss, linearBuckets(loss.length, 100));
    expect(points[0]).toEqual([1, loss[0]]);
    expect(points[points.length - 1]).toEqual([10_001, loss[10_000]]);
  });

  it('keeps a one-epoch spike', () => {
    const loss = noisyLoss(100_000);
    loss[54_321] = 9;
    const points = decimateLoss(loss);
    expect(points).toContainEqual([54_322, 9]);
  });

  it('draws points in epoch order', () => {
    const epochs = decimateLoss(noisyLoss(50_000)).map(([epoch]) => epoch);
    expect(epochs).toEqual([...epochs].sort((a, b) => a - b));
    expect(new Set(epochs).size).toBe(epochs.length);
  });

  it('keeps a non-finite loss as a gap', () => {
    const loss = noisyLoss(10_000);
    loss[5000] = Number.NaN;
    loss[5001] = Number.NaN;
    const points = decimateLoss(loss, linearBuckets(loss.length, 100));
    const gaps = points.filter(([, value]) => Number.isNaN(value));
    expect(gaps).toEqual([[5001, Number.NaN]]);
  });

  it('keeps early epochs on a log axis', () => {
    const loss = noisyLoss(1_000_000);
    const points = decimateLoss(loss, logBuckets(loss.length));
    expect(points.length).toBeLessThanOrEqual(2 * 1000 + 2);
    // The bucket is floor(ln(epoch) * 1000 / ln(1 000 001)), which grows by about 72.4 / epoch an
    // epoch: by more than 1 up to epoch 72, so each of the first 72 epochs has its own bucket.
    expect(points.slice(0, 50)).toEqual(loss.slice(0, 50).map((value, i) => [i + 1, value]));
  });

  it('keeps every log bucket minimum and maximum', () => {
    const loss = noisyLoss(20_000);
    const bucketOf = logBuckets(loss.length, 200);
    expectEnvelopeKept(loss, decimateLoss(loss, bucketOf), bucketOf);
  });
});

describe('LiveLossSeries', () => {
  it('matches whole-curve decimation', () => {
    const loss = noisyLoss(3000);
    const series = new LiveLossSeries(100);
    loss.forEach((value) => series.push(value));
    // 3000 epochs in at most 100 buckets of a power-of-two width: 32 epochs a bucket.
    expect(series.points()).toEqual(decimateLoss(loss, (index) => Math.floor(index / 32)));
  });

  it('matches at every length', () => {
    const loss = noisyLoss(700);
    const series = new LiveLossSeries(10);
    loss.forEach((value, index) => {
      series.push(value);
      const length = index + 1;
      let width = 1;
      while (Math.ceil(length / width) > 10) width *= 2;
      const expected = decimateLoss(loss.slice(0, length), (i) => Math.floor(i / width));
      expect(series.points()).toEqual(expected);
    });
  });

  it('stores every loss', () => {
    const loss = noisyLoss(10_000);
    const series = new LiveLossSeries();
    loss.forEach((value) => series.push(value));
    expect(series.length).toBe(10_000);
    expect([...series.values]).toEqual(loss);
  });

  it('bounds the points of a million epochs', () => {
    const series = new LiveLossSeries();
    for (let epoch = 1; epoch <= 1_000_000; epoch++) series.push(1 / epoch);
    const points = series.points();
    expect(points.length).toBeLessThanOrEqual(2 * 1000 + 2);
    expect(points[points.length - 1]).toEqual([1_000_000, 1 / 1_000_000]);
  });

  it('stores a missing loss as NaN', () => {
    const series = new LiveLossSeries();
    series.push(0.5);
    series.push(null);
    expect(series.points()).toEqual([
      [1, 0.5],
      [2, Number.NaN],
    ]);
  });

  it('starts over when cleared', () => {
    const series = new LiveLossSeries(4);
    noisyLoss(100).forEach((value) => series.push(value));
    series.clear();
    series.push(0.25);
    expect(series.length).toBe(1);
    expect(series.points()).toEqual([[1, 0.25]]);
  });

  it('rejects an odd bucket count', () => {
    expect(() => new LiveLossSeries(7)).toThrow(RangeError);
  });
});
