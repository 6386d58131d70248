import { describe, expect, it } from 'vitest';
import {
  DENSE_SHARE,
  FIRST_DENSITY_CHECK_ROWS,
  GrowableArray,
  MatrixBuilder,
} from '../../src/shared/dataset/matrixBuilder';
import { InternalError } from '../../src/shared/errors';
import { toDenseRows } from './fixtures/toDenseRows';

function build(rows: number[][], cols = rows[0].length) {
  const builder = new MatrixBuilder(cols);
  for (const row of rows) builder.addRow(row);
  return builder.finish();
}

/** `count` rows of `cols` columns with a single 1, in column `row % cols`. */
function oneHotRows(count: number, cols: number): number[][] {
  return Array.from({ length: count }, (_, row) =>
    Array.from({ length: cols }, (_, col) => (col === row % cols ? 1 : 0)),
  );
}

describe('GrowableArray', () => {
  it('grows past its capacity', () => {
    const array = new GrowableArray((length) => new Uint32Array(length), 2);
    for (let i = 0; i < 5; i++) array.push(i * 10);
    expect(Array.from(array.view())).toEqual([0, 10, 20, 30, 40]);
  });

  it('trims to its length', () => {
    const array = new GrowableArray((length) => new Float64Array(length), 8);
    array.append([1, 2, 3, 4], 1, 3);
    const trimmed = array.trimmed();
    expect(trimmed.length).toBe(3);
    expect(Array.from(trimmed)).toEqual([2, 3, 4]);
  });

  it('fills new length with zeros', () => {
    const array = new GrowableArray((length) => new Float64Array(length), 1);
    array.push(7);
    array.resize(3);
    expect(Array.from(array.view())).toEqual([7, 0, 0]);
  });
});

describe('MatrixBuilder', () => {
  it('builds binary from sparse 0/1 rows', () => {
    const matrix = build([
      [0, 1, 0, 0],
      [1, 0, 0, 1],
      [0, 0, 0, 0],
    ]);
    expect(matrix.kind).toBe('binary');
    if (matrix.kind !== 'binary') return;
    expect(Array.from(matrix.rowStart)).toEqual([0, 1, 3, 3]);
    expect(Array.from(matrix.colIndex)).toEqual([1, 0, 3]);
    expect(matrix.rows).toBe(3);
    expect(matrix.cols).toBe(4);
  });

  it('builds csr once a value is not 0 or 1', () => {
    const matrix = build([
      [0, 1, 0, 0],
      [0, 0, 2.5, 0],
      [1, 0, 0, -1],
    ]);
    expect(matrix.kind).toBe('csr');
    if (matrix.kind !== 'csr') return;
    expect(Array.from(matrix.rowStart)).toEqual([0, 1, 2, 4]);
    expect(Array.from(matrix.colIndex)).toEqual([1, 2, 0, 3]);
    // The 1 stored before 2.5 arrived keeps its value.
    expect(Array.from(matrix.values)).toEqual([1, 2.5, 1, -1]);
  });

  it('builds dense over half non-zero', () => {
    const rows = [
      [1, 0],
      [3, 4],
      [0, 1],
    ];
    const matrix = build(rows);
    expect(matrix.kind).toBe('dense');
    if (matrix.kind !== 'dense') return;
    expect(Array.from(matrix.data)).toEqual([1, 0, 3, 4, 0, 1]);
  });

  it('keeps exactly half non-zero sparse', () => {
    expect(DENSE_SHARE).toBe(0.5);
    const matrix = build([
      [1, 0],
      [0, 1],
    ]);
    expect(matrix.kind).toBe('binary');
  });

  it('counts negative zero as zero', () => {
    const matrix = build([[-0, 1, 0, 0]]);
    expect(matrix.kind).toBe('binary');
    expect(toDenseRows(matrix)).toEqual([[0, 1, 0, 0]]);
  });

  it('reads rows at an offset', () => {
    const builder = new MatrixBuilder(2);
    const source = Float64Array.of(9, 9, 0, 5, 0, 0);
    builder.addRow(source, 2);
    builder.addRow(source, 4);
    expect(toDenseRows(builder.finish())).toEqual([
      [0, 5],
      [0, 0],
    ]);
  });

  it('switches to dense at the first check', () => {
    const cols = 3;
    const builder = new MatrixBuilder(cols);
    const rows = Array.from({ length: FIRST_DENSITY_CHECK_ROWS + 10 }, (_, row) => [row, 1, 0]);
    rows.slice(0, FIRST_DENSITY_CHECK_ROWS - 1).forEach((row) => builder.addRow(row));
    expect(builder.layout).toBe('sparse');

    builder.addRow(rows[FIRST_DENSITY_CHECK_ROWS - 1]);
    expect(builder.layout).toBe('dense');

    rows.slice(FIRST_DENSITY_CHECK_ROWS).forEach((row) => builder.addRow(row));
    const matrix = builder.finish();
    expect(matrix.kind).toBe('dense');
    expect(toDenseRows(matrix)).toEqual(rows);
  });

  it('stays sparse past the check', () => {
    const rows = oneHotRows(FIRST_DENSITY_CHECK_ROWS + 100, 5);
    const builder = new MatrixBuilder(5);
    rows.forEach((row) => builder.addRow(row));
    expect(builder.layout).toBe('sparse');
    const matrix = builder.finish();
    expect(matrix.kind).toBe('binary');
    expect(toDenseRows(matrix)).toEqual(rows);
  });

  it('switches at a later check', () => {
    // 4096 rows at 1/4 non-zero, then 4096 full rows: 20480 of 32768 cells = 0.625 at row 8192.
    const sparse = oneHotRows(FIRST_DENSITY_CHECK_ROWS, 4);
    const full = Array.from({ length: FIRST_DENSITY_CHECK_ROWS }, (_, row) => [2, 1, row, 1]);
    const builder = new MatrixBuilder(4);
    sparse.forEach((row) => builder.addRow(row));
    expect(builder.layout).toBe('sparse');

    full.slice(0, -1).forEach((row) => builder.addRow(row));
    expect(builder.layout).toBe('sparse');
    builder.addRow(full[full.length - 1]);
    expect(builder.layout).toBe('dense');
    expect(toDenseRows(builder.finish())).toEqual([...sparse, ...full]);
  });

  it('allocates dense once with expected rows', () => {
    const rows = Array.from({ length: FIRST_DENSITY_CHECK_ROWS * 3 }, (_, row) => [row, 2]);
    const builder = new MatrixBuilder(2, rows.length);
    rows.forEach((row) => builder.addRow(row));
    const matrix = builder.finish();
    expect(matrix.kind).toBe('dense');
    if (matrix.kind !== 'dense') return;
    expect(matrix.data.length).toBe(rows.length * 2);
    expect(toDenseRows(matrix)).toEqual(rows);
  });

  it('trims when fewer rows than expected', () => {
    const builder = new MatrixBuilder(2, 100);
    builder.addRow([1, 2]);
    const matrix = builder.finish();
    expect(matrix.kind).toBe('dense');
    if (matrix.kind !== 'dense') return;
    expect(Array.from(matrix.data)).toEqual([1, 2]);
  });

  it('builds an empty matrix', () => {
    const matrix = new MatrixBuilder(3).finish();
    expect(matrix).toEqual({
      kind: 'binary',
      rows: 0,
      cols: 3,
      rowStart: Uint32Array.of(0),
      colIndex: new Uint32Array(0),
    });
  });

  it('rejects rows after finish', () => {
    const builder = new MatrixBuilder(1);
    builder.finish();
    expect(() => builder.addRow([1])).toThrow(InternalError);
  });
});
