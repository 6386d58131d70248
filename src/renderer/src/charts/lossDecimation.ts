/**
 * Min-max decimation of loss curves for drawing. A run of a million epochs has a million losses
 * a curve, far more than a chart has pixels. Handing them all to ECharts made a redraw take
 * 0.3 to 1.6 s in Chromium on a 2-core machine, with the window frozen meanwhile. So the epochs
 * are cut into buckets of consecutive epochs, and each bucket keeps the epochs of its minimum and
 * maximum loss: the drawn line covers the same envelope, every spike included. The first and the
 * last epoch are always kept as they are.
 */

/** A point of a loss curve: the 1-based epoch and the loss before that epoch's update. */
export type EpochPoint = [epoch: number, loss: number];

/** At most this many buckets a curve, so at most about 2000 points are drawn. */
export const MAX_LOSS_BUCKETS = 1000;

/** Maps a 0-based epoch index to its bucket. Buckets never decrease as the index grows. */
export type BucketOf = (index: number) => number;

/** The epochs a bucket keeps, as indices into the loss array, -1 where there is none. */
export interface BucketExtremes {
  minIndex: number;
  maxIndex: number;
  /** The first non-finite loss, such as a diverged run's NaN, which breaks the drawn line. */
  gapIndex: number;
}

/** Returns buckets of equal width that cut `length` epochs into at most `maxBuckets`. */
export function linearBuckets(length: number, maxBuckets = MAX_LOSS_BUCKETS): BucketOf {
  const width = Math.max(1, Math.ceil(length / maxBuckets));
  return (index) => Math.floor(index / width);
}

/**
 * Returns buckets of equal width on a logarithmic epoch axis. The first √length epochs fill half
 * of such an axis, so equal widths in epochs would draw them as a few straight segments.
 */
export function logBuckets(length: number, maxBuckets = MAX_LOSS_BUCKETS): BucketOf {
  // Epoch `length` maps to just under `maxBuckets`, and length 1 divides by log 2, not 0.
  const scale = maxBuckets / Math.log(length + 1);
  return (index) => Math.floor(Math.log(index + 1) * scale);
}

/** Updates a bucket's extremes with the loss at `index`. */
export function includeEpoch(bucket: BucketExtremes, loss: ArrayLike<number>, index: number): void {
  const value = loss[index];
  if (!Number.isFinite(value)) {
    if (bucket.gapIndex < 0) bucket.gapIndex = index;
    return;
  }
  if (bucket.minIndex < 0 || value < loss[bucket.minIndex]) bucket.minIndex = index;
  if (bucket.maxIndex < 0 || value > loss[bucket.maxIndex]) bucket.maxIndex = index;
}

/**
 * Turns the buckets' extremes into points in epoch order, adding the first and the last of
 * `length` epochs when no bucket kept them.
 */
export function extremesToPoints(
  loss: ArrayLike<number>,
  length: number,
  buckets: Iterable<BucketExtremes>,
): EpochPoint[] {
  if (length === 0) return [];
  const indices: number[] = [0];
  for (const { minIndex, maxIndex, gapIndex } of buckets) {
    const kept = [minIndex, maxIndex, gapIndex].filter((index) => index >= 0);
    for (const index of kept.sort((a, b) => a - b)) {
      if (index !== indices[indices.length - 1]) indices.push(index);
    }
  }
  if (indices[indices.length - 1] !== length - 1) indices.push(length - 1);
  return indices.map((index) => [index + 1, loss[index]]);
}

/** Decimates a whole loss curve. `bucketOf` defaults to `linearBuckets` of its length. */
export function decimateLoss(
  loss: ArrayLike<number>,
  bucketOf: BucketOf = linearBuckets(loss.length),
): EpochPoint[] {
  const buckets: BucketExtremes[] = [];
  let current = -1;
  for (let index = 0; index < loss.length; index++) {
    const bucket = bucketOf(index);
    if (bucket !== current) {
      buckets.push({ minIndex: -1, maxIndex: -1, gapIndex: -1 });
      current = bucket;
    }
    includeEpoch(buckets[buckets.length - 1], loss, index);
  }
  return extremesToPoints(loss, loss.length, buckets);
}
