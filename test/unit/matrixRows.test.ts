import { describe, expect, it } from 'vitest';
import type { BinaryMatrix, CsrMatrix, DenseMatrix } from '../../src/shared/dataset/featureMatrix';
import { selectRows } from '../../src/shared/dataset/matrixRows';
import { InternalError } from '../../src/shared/errors';

// Rows [1 0 2], [0 0 0], [0 3 4] in each layout; the binary one keeps only the pattern.
const dense: DenseMatrix = {
  kind: 'dense',
  rows: 3,
  cols: 3,
  data: Float64Array.of(1, 0, 2, 0, 0, 0, 0, 3, 4),
};
const binary: BinaryMatrix = {
  kind: 'binary',
  rows: 3,
  cols: 3,
  rowStart: Uint32Array.of(0, 2, 2, 4),
  colIndex: Uint32Array.of(0, 2, 1, 2),
};
const csr: CsrMatrix = { ...binary, kind: 'csr', values: Float64Array.of(1, 2, 3, 4) };

describe('selectRows', () => {
  it('copies dense rows in the order given', () => {
    const selected = selectRows(dense, Uint32Array.of(2, 0, 2));
    expect(selected.rows).toBe(3);
    expect(selected.cols).toBe(3);
    expect(Array.from(selected.data)).toEqual([0, 3, 4, 1, 0, 2, 0, 3, 4]);
  });

  it('copies binary rows in the order given', () => {
    const selected = selectRows(binary, [2, 1, 0]);
    expect(selected.kind).toBe('binary');
    expect(Array.from(selected.rowStart)).toEqual([0, 2, 2, 4]);
    expect(Array.from(selected.colIndex)).toEqual([1, 2, 0, 2]);
  });

  it('copies csr rows with their values', () => {
    const selected = selectRows(csr, [2, 2, 1]);
    expect(Array.from(selected.rowStart)).toEqual([0, 2, 4, 4]);
    expect(Array.from(selected.colIndex)).toEqual([1, 2, 1, 2]);
    expect(Array.from(selected.values)).toEqual([3, 4, 3, 4]);
  });

  it('returns an empty matrix for no rows', () => {
    const selected = selectRows(csr, []);
    expect(selected.rows).toBe(0);
    expect(Array.from(selected.rowStart)).toEqual([0]);
    expect(selected.values).toHaveLength(0);
  });

  it('leaves the source untouched', () => {
    const selected = selectRows(dense, [0]);
    selected.data[0] = 42;
    expect(dense.data[0]).toBe(1);
  });

  it.each([3, -1, 0.5])('rejects row index %d', (row) => {
    expect(() => selectRows(binary, [0, row])).toThrow(InternalError);
  });
});
