/**
 * A loss curve that grows while a run trains. Every loss is stored in a typed array, and the
 * min-max buckets are updated as losses arrive. Drawing the curve therefore costs the same at
 * epoch 1 000 000 as at epoch 1 000.
 */
import {
  extremesToPoints,
  includeEpoch,
  MAX_LOSS_BUCKETS,
  type BucketExtremes,
  type EpochPoint,
} from './lossDecimation';

const INITIAL_CAPACITY = 4096;

export class LiveLossSeries {
  #values = new Float64Array(INITIAL_CAPACITY);
  #length = 0;
  /** Epochs a bucket, a power of two that doubles whenever the buckets run out. */
  #width = 1;
  readonly #buckets: BucketExtremes[] = [];
  readonly #maxBuckets: number;
  /** Epoch of the first loss stored: 1, unless the series joined a run part way through. */
  firstEpoch = 1;

  /** `maxBuckets` must be even, because full buckets are merged in pairs. */
  constructor(maxBuckets = MAX_LOSS_BUCKETS) {
    if (maxBuckets < 2 || maxBuckets % 2 !== 0) {
      throw new RangeError(`maxBuckets must be an even number of at least 2, not ${maxBuckets}`);
    }
    this.#maxBuckets = maxBuckets;
  }

  /** Count of epochs stored. */
  get length(): number {
    return this.#length;
  }

  /** Every loss stored, in epoch order. The view is valid until the next `push` or `clear`. */
  get values(): Float64Array {
    return this.#values.subarray(0, this.#length);
  }

  /** Appends the next epoch's loss. A missing loss, which JSON makes of NaN, is stored as NaN. */
  push(loss: number | null): void {
    if (this.#length === this.#values.length) this.#grow();
    const index = this.#length++;
    this.#values[index] = typeof loss === 'number' ? loss : Number.NaN;

    let bucket = Math.floor(index / this.#width);
    if (bucket === this.#maxBuckets) {
      this.#mergePairs();
      bucket = Math.floor(index / this.#width);
    }
    if (bucket === this.#buckets.length) {
      this.#buckets.push({ minIndex: -1, maxIndex: -1, gapIndex: -1 });
    }
    includeEpoch(this.#buckets[bucket], this.#values, index);
  }

  /** Returns the points to draw: at most two a bucket plus the first and the last epoch. */
  points(): EpochPoint[] {
    const points = extremesToPoints(this.#values, this.#length, this.#buckets);
    const offset = this.firstEpoch - 1;
    if (offset === 0) return points;
    return points.map(([epoch, loss]) => [epoch + offset, loss]);
  }

  clear(): void {
    this.firstEpoch = 1;
    this.#values = new Float64Array(INITIAL_CAPACITY);
    this.#length = 0;
    this.#width = 1;
    this.#buckets.length = 0;
  }

  #grow(): void {
    const grown = new Float64Array(this.#values.length * 2);
    grown.set(this.#values);
    this.#values = grown;
  }

  /** Halves the bucket count by merging neighbours, which doubles the width of every bucket. */
  #mergePairs(): void {
    const values = this.#values;
    const pick = (a: number, b: number, better: (x: number, y: number) => boolean) =>
      a < 0 || (b >= 0 && better(values[b], values[a])) ? b : a;

    for (let pair = 0; pair < this.#buckets.length / 2; pair++) {
      const first = this.#buckets[2 * pair];
      const second = this.#buckets[2 * pair + 1];
      this.#buckets[pair] = {
        minIndex: pick(first.minIndex, second.minIndex, (x, y) => x < y),
        maxIndex: pick(first.maxIndex, second.maxIndex, (x, y) => x > y),
        gapIndex: first.gapIndex >= 0 ? first.gapIndex : second.gapIndex,
      };
    }
    this.#buckets.length /= 2;
    this.#width *= 2;
  }
}
