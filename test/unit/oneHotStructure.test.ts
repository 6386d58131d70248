import { describe, expect, it } from 'vitest';
import type { BinaryMatrix, DenseMatrix } from '../../src/shared/dataset/featureMatrix';
import { detectOneHotGroups, readOneHotColumns } from '../../src/shared/model/oneHotStructure';
import { makeOneHotMatrix, toCsr, toDense } from './fixtures/oneHotData';

// Three rows over groups of widths 2, 3 and 1 (columns 0-1, 2-4, 5).
const binary: BinaryMatrix = {
  kind: 'binary',
  rows: 3,
  cols: 6,
  rowStart: Uint32Array.of(0, 3, 6, 9),
  colIndex: Uint32Array.of(0, 2, 5, 1, 4, 5, 0, 3, 5),
};

describe('detectOneHotGroups', () => {
  it.each([
    ['binary', binary],
    ['csr', toCsr(binary)],
    ['dense', toDense(binary)],
  ] as const)('finds the groups of a %s matrix', (_, matrix) => {
    const groups = detectOneHotGroups(matrix);
    expect(groups?.groups).toBe(3);
    expect(Array.from(groups?.groupStart ?? [])).toEqual([0, 2, 5]);
    expect(Array.from(groups?.groupEnd ?? [])).toEqual([1, 4, 5]);
  });

  it('finds the splice layout of 60 groups of 8', () => {
    const matrix = makeOneHotMatrix(200, new Array(60).fill(8), 3);
    const groups = detectOneHotGroups(matrix);
    expect(groups?.groups).toBe(60);
    expect(groups?.groupStart[59]).toBeGreaterThanOrEqual(472);
  });

  it('rejects rows with different counts of non-zeros', () => {
    const uneven = { ...binary, rowStart: Uint32Array.of(0, 3, 5, 9) };
    expect(detectOneHotGroups(uneven)).toBeNull();
  });

  it('rejects a value other than 1', () => {
    const csr = toCsr(binary);
    csr.values[4] = 2;
    expect(detectOneHotGroups(csr)).toBeNull();
    expect(detectOneHotGroups(toDense(csr))).toBeNull();
  });

  it('rejects groups whose column ranges overlap', () => {
    // Row 1 puts its first non-zero in column 2, where row 0 has its second.
    const overlapping = { ...binary, colIndex: Uint32Array.of(0, 2, 5, 2, 4, 5, 0, 3, 5) };
    expect(detectOneHotGroups(overlapping)).toBeNull();
  });

  it('rejects continuous dense data at its first value', () => {
    const dense: DenseMatrix = {
      kind: 'dense',
      rows: 2,
      cols: 2,
      data: Float64Array.of(0.5, 0, 1, 0),
    };
    expect(detectOneHotGroups(dense)).toBeNull();
  });

  it('rejects rows without non-zeros and matrices without rows', () => {
    const empty: BinaryMatrix = {
      kind: 'binary',
      rows: 2,
      cols: 3,
      rowStart: Uint32Array.of(0, 0, 0),
      colIndex: new Uint32Array(0),
    };
    expect(detectOneHotGroups(empty)).toBeNull();
    expect(detectOneHotGroups({ ...empty, rows: 0, rowStart: Uint32Array.of(0) })).toBeNull();
  });
});

describe('readOneHotColumns', () => {
  it.each([
    ['binary', binary],
    ['dense', toDense(binary)],
  ] as const)('writes a %s matrix group by group', (_, matrix) => {
    const groups = detectOneHotGroups(matrix);
    if (!groups) throw new Error('the fixture is one-hot');
    // Rows 2 and 0 at offset 1 of arrays of stride 3: group k's values start at 3k + 1.
    const out = new Uint32Array(9).fill(99);
    readOneHotColumns(matrix, groups, Uint32Array.of(2, 0), out, 1, 3);
    expect(Array.from(out)).toEqual([99, 0, 0, 99, 3, 2, 99, 5, 5]);
  });
});
