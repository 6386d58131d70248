import { InputError, InternalError } from '../errors';

/** Maximum integer seed that numpy's `RandomState` accepts: 2**32 - 1. */
export const MAX_SEED = 0xffffffff;

const STATE_SIZE = 624;
const SHIFT_SIZE = 397;
const MATRIX_A = 0x9908b0df;
const UPPER_MASK = 0x80000000;
const LOWER_MASK = 0x7fffffff;

/**
 * numpy's legacy `numpy.random.RandomState` for an integer seed: the MT19937 Mersenne Twister,
 * seeded with the standard `init_genrand` recurrence as numpy's legacy seeding does for an
 * integer. Only the draws that `permutation` needs are here, and each gives the same numbers as
 * numpy.
 */
export class RandomState {
  private readonly state = new Uint32Array(STATE_SIZE);
  private position = STATE_SIZE;

  /** Throws `InputError('invalid-option')` unless the seed is an integer from 0 to 2**32 - 1. */
  constructor(seed: number) {
    validateSeed(seed);
    this.state[0] = seed;
    for (let i = 1; i < STATE_SIZE; i++) {
      const previous = this.state[i - 1];
      this.state[i] = Math.imul(1812433253, previous ^ (previous >>> 30)) + i;
    }
  }

  /** Draws the next 32-bit output as an unsigned integer, as numpy's `next_uint32` does. */
  nextUint32(): number {
    if (this.position === STATE_SIZE) this.regenerate();
    let y = this.state[this.position++];

    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /**
   * Draws an integer uniformly from 0 to `max` inclusive, as numpy's `random_interval` does:
   * the output is masked to the smallest all-ones bit mask covering `max`, and redrawn while it
   * exceeds `max`.
   */
  randomInterval(max: number): number {
    if (!Number.isInteger(max) || max < 0 || max > 0xffffffff) {
      throw new InternalError(`randomInterval needs an integer max in [0, 2**32 - 1], got ${max}`);
    }
    if (max === 0) return 0;

    const mask = smallestMaskCovering(max);
    let value = (this.nextUint32() & mask) >>> 0;
    while (value > max) value = (this.nextUint32() & mask) >>> 0;
    return value;
  }

  /**
   * Returns 0 to n - 1 shuffled as numpy's legacy `RandomState.permutation(n)` shuffles them:
   * Fisher-Yates from the last element down, swapping element i with `randomInterval(i)`.
   */
  permutation(n: number): Uint32Array {
    if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) {
      throw new InternalError(`permutation needs an integer length in [0, 2**32 - 1], got ${n}`);
    }
    const result = new Uint32Array(n);
    for (let i = 0; i < n; i++) result[i] = i;

    for (let i = n - 1; i > 0; i--) {
      const j = this.randomInterval(i);
      const swapped = result[j];
      result[j] = result[i];
      result[i] = swapped;
    }
    return result;
  }

  /** Refills the state with the MT19937 twist, as `genrand_int32` does every 624 outputs. */
  private regenerate(): void {
    const state = this.state;
    for (let i = 0; i < STATE_SIZE; i++) {
      const next = (i + 1) % STATE_SIZE;
      const y = (state[i] & UPPER_MASK) | (state[next] & LOWER_MASK);
      const twisted = (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
      state[i] = state[(i + SHIFT_SIZE) % STATE_SIZE] ^ twisted;
    }
    this.position = 0;
  }
}

/**
 * Throws `InputError('invalid-option')` unless `seed` is an integer from 0 to 2**32 - 1, the
 * integer seeds numpy's `RandomState` accepts.
 */
export function validateSeed(seed: number): void {
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
    throw new InputError(
      'invalid-option',
      `seed must be an integer between 0 and 2**32 - 1 (${MAX_SEED}), received ${seed}`,
    );
  }
}

function smallestMaskCovering(max: number): number {
  let mask = max;
  mask |= mask >>> 1;
  mask |= mask >>> 2;
  mask |= mask >>> 4;
  mask |= mask >>> 8;
  mask |= mask >>> 16;
  return mask >>> 0;
}
