import { describe, expect, it } from 'vitest';
import { buildCombinationTables } from '../../src/shared/model/combinationTables';
import { detectOneHotGroups, readOneHotColumns } from '../../src/shared/model/oneHotStructure';
import { RandomState } from '../../src/shared/random/randomState';
import { makeOneHotMatrix } from './fixtures/oneHotData';

/** Builds the tables for all rows of a one-hot matrix, the first `trainRows` as training rows. */
function tablesFor(widths: number[], rows: number, trainRows: number, seed: number) {
  const matrix = makeOneHotMatrix(rows, widths, seed);
  const groups = detectOneHotGroups(matrix);
  if (!groups) throw new Error('the fixture is one-hot');
  const columns = new Uint32Array(rows * groups.groups);
  const allRows = Uint32Array.from({ length: rows }, (_, row) => row);
  readOneHotColumns(matrix, groups, allRows, columns, 0, rows);
  return { matrix, tables: buildCombinationTables(columns, groups, matrix.cols, trainRows) };
}

/** Returns the columns whose weights an entry sums, by following its pairs down. */
function expandEntry(entry: number, cols: number, pairs: Uint32Array): number[] {
  if (entry < cols) return [entry];
  const k = entry - cols;
  return [...expandEntry(pairs[2 * k], cols, pairs), ...expandEntry(pairs[2 * k + 1], cols, pairs)];
}

describe('buildCombinationTables', () => {
  it.each([
    ['splice-like groups', new Array(60).fill(8), 2000],
    ['an odd number of uneven groups', [3, 1, 5, 2, 4, 2, 6], 500],
    ['one group', [5], 50],
  ])('codes every row to exactly its columns with %s', (_, widths, rows) => {
    const { matrix, tables } = tablesFor(widths, rows, Math.floor(rows * 0.75), 7);
    for (let row = 0; row < rows; row++) {
      const codes = tables.codes.subarray(row * tables.units, (row + 1) * tables.units);
      const columns = Array.from(codes).flatMap((code) =>
        expandEntry(code, tables.cols, tables.pairs),
      );
      const expected = matrix.colIndex.subarray(matrix.rowStart[row], matrix.rowStart[row + 1]);
      expect(
        columns.sort((a, b) => a - b),
        `row ${row}`,
      ).toEqual(Array.from(expected));
    }
  });

  it('pairs wide groups through the hash table', () => {
    // Two groups of 400 columns: 160 000 combinations, past the plain lookup array of 65 536,
    // but the 3000 rows use only 12 of them.
    const rows = 3000;
    const random = new RandomState(2);
    const combinations = Array.from({ length: 12 }, () => [
      random.randomInterval(399),
      400 + random.randomInterval(399),
    ]);
    const columns = new Uint32Array(2 * rows);
    for (let row = 0; row < rows; row++) {
      const [a, b] = combinations[random.randomInterval(11)];
      columns[row] = a;
      columns[rows + row] = b;
    }
    const groups = {
      groups: 2,
      groupStart: Uint32Array.of(0, 400),
      groupEnd: Uint32Array.of(399, 799),
    };
    const expected = Array.from({ length: rows }, (_, row) => [columns[row], columns[rows + row]]);

    const tables = buildCombinationTables(columns, groups, 800, 2000);
    expect(tables.units).toBe(1);
    expect(tables.tableLength).toBe(812);
    expected.forEach((pair, row) => {
      expect(expandEntry(tables.codes[row], tables.cols, tables.pairs), `row ${row}`).toEqual(pair);
    });
  });

  it('builds every entry from entries before it', () => {
    const { tables } = tablesFor(new Array(60).fill(8), 2000, 1500, 11);
    expect(tables.pairs.length).toBe(2 * (tables.tableLength - tables.cols));
    tables.pairs.forEach((half, k) => {
      expect(half).toBeLessThan(tables.cols + Math.floor(k / 2));
    });
  });

  it('pairs groups when many rows share few combinations', () => {
    // 2000 rows over 60 groups of 4 columns: at most 16 pairs of columns per two groups.
    const { tables } = tablesFor(new Array(60).fill(4), 2000, 1500, 5);
    expect(tables.units).toBeLessThanOrEqual(15);
    expect(tables.tableLength).toBeGreaterThan(tables.cols);
  });

  it('keeps groups apart for few rows', () => {
    // 4 rows, 3 for training: a pairing saves 4 reads and 3 additions, worth 7.6 reads, and
    // pays only with 1 entry at 4 reads each; 4 rows over 64 pairs of columns make more.
    const { tables } = tablesFor(new Array(10).fill(8), 4, 3, 5);
    expect(tables.units).toBe(10);
    expect(tables.tableLength).toBe(80);
    expect(tables.pairs).toHaveLength(0);
  });
});
