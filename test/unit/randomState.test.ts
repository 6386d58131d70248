import { describe, expect, it } from 'vitest';
import { RandomState } from '../../src/shared/random/randomState';
import { expectInputError } from './fixtures/expectInputError';

// Expected values come from numpy 2.4's legacy generator, exact integers:
//   np.random.RandomState(seed).randint(0, 2**32, size=k, dtype=np.uint32)  (raw 32-bit outputs)
//   np.random.RandomState(seed).randint(0, max + 1, size=k)                 (masked rejection)
//   np.random.RandomState(seed).permutation(n)

function draw(state: RandomState, count: number): number[] {
  return Array.from({ length: count }, () => state.nextUint32());
}

describe('RandomState.nextUint32', () => {
  it('matches init_genrand(5489)', () => {
    expect(draw(new RandomState(5489), 3)).toEqual([3499211612, 581869302, 3890346734]);
  });

  it('matches numpy for seeds 0, 1 and 2**32 - 1', () => {
    expect(draw(new RandomState(0), 6)).toEqual([
      2357136044, 2546248239, 3071714933, 3626093760, 2588848963, 3684848379,
    ]);
    expect(draw(new RandomState(1), 6)).toEqual([
      1791095845, 4282876139, 3093770124, 4005303368, 491263, 550290313,
    ]);
    expect(draw(new RandomState(2 ** 32 - 1), 6)).toEqual([
      419326371, 479346978, 3918654476, 2416749639, 3388880820, 2260532800,
    ]);
  });

  it('matches numpy across state refills', () => {
    // Outputs 623, 624, 625, 1247, 1248 and 1299 of seed 0 straddle the first two refills.
    const outputs = draw(new RandomState(0), 1300);
    const sampled = [623, 624, 625, 1247, 1248, 1299].map((index) => outputs[index]);
    expect(sampled).toEqual([3791854820, 341544762, 1076416385, 1145454359, 4192857288, 387547707]);
  });
});

describe('RandomState.randomInterval', () => {
  it('matches numpy randint for max 9', () => {
    const state = new RandomState(0);
    const values = Array.from({ length: 12 }, () => state.randomInterval(9));
    expect(values).toEqual([5, 0, 3, 3, 7, 9, 3, 5, 2, 4, 7, 6]);
  });

  it('matches numpy randint for max 1000', () => {
    const state = new RandomState(42);
    const values = Array.from({ length: 8 }, () => state.randomInterval(1000));
    expect(values).toEqual([102, 435, 860, 270, 106, 71, 700, 20]);
  });

  it('returns 0 for max 0 without drawing', () => {
    const state = new RandomState(0);
    expect(state.randomInterval(0)).toBe(0);
    expect(state.nextUint32()).toBe(2357136044);
  });
});

describe('RandomState.permutation', () => {
  it.each([
    [0, [2, 8, 4, 9, 1, 6, 7, 3, 0, 5]],
    [1, [2, 9, 6, 4, 0, 3, 1, 7, 8, 5]],
    [42, [8, 1, 5, 0, 7, 2, 9, 4, 3, 6]],
    [123456789, [7, 0, 6, 3, 4, 5, 9, 1, 2, 8]],
    [2 ** 32 - 1, [6, 9, 5, 1, 8, 0, 7, 4, 2, 3]],
  ])('matches numpy permutation(10) for seed %i', (seed, expected) => {
    expect(Array.from(new RandomState(seed).permutation(10))).toEqual(expected);
  });

  it('matches numpy permutation(1000000) for seed 2**32 - 1', () => {
    const n = 1_000_000;
    const permutation = new RandomState(2 ** 32 - 1).permutation(n);
    const positions = [0, 1, 2, 3, n / 2, n - 3, n - 2, n - 1];
    expect(positions.map((position) => permutation[position])).toEqual([
      30348, 183781, 556604, 146454, 457408, 125964, 147746, 944547,
    ]);
    const seen = new Uint8Array(n);
    for (const value of permutation) seen[value] = 1;
    expect(seen.every((flag) => flag === 1)).toBe(true);
  });

  it('matches numpy permutation(100000) for seed 7', () => {
    const permutation = new RandomState(7).permutation(100_000);
    const positions = [0, 1, 2, 50_000, 99_998, 99_999];
    expect(positions.map((position) => permutation[position])).toEqual([
      33909, 92307, 89107, 82140, 58564, 61615,
    ]);
  });

  it('handles lengths 0 and 1', () => {
    expect(Array.from(new RandomState(0).permutation(0))).toEqual([]);
    expect(Array.from(new RandomState(0).permutation(1))).toEqual([0]);
  });
});

describe('RandomState seed', () => {
  it.each([-1, 2 ** 32, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('rejects %d', (seed) => {
    expectInputError(
      () => new RandomState(seed),
      'invalid-option',
      /^seed must be an integer between 0 and 2\*\*32 - 1 \(4294967295\), received /,
    );
  });
});
