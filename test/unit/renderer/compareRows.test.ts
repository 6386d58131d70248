import { describe, expect, it } from 'vitest';
import { buildCompareRows } from '../../../src/renderer/src/compare/compareRows';
import { makeRunRecord } from '../fixtures/makeRunRecord';

function rowNamed(rows: ReturnType<typeof buildCompareRows>, label: string) {
  const row = rows.find((candidate) => candidate.label === label);
  if (!row) throw new Error(`no compare row named ${label}`);
  return row;
}

describe('buildCompareRows', () => {
  it('marks only rows whose values differ', () => {
    const base = makeRunRecord();
    const faster = makeRunRecord({
      id: 'run-2',
      options: { ...base.options, learningRate: 0.5 },
    });
    const rows = buildCompareRows([base, faster]);

    expect(rowNamed(rows, 'Learning rate')).toEqual({
      label: 'Learning rate',
      values: ['0.1', '0.5'],
      differs: true,
    });
    expect(rowNamed(rows, 'Seed').differs).toBe(false);
    expect(rowNamed(rows, 'Test accuracy').values).toEqual(['96.88 %', '96.88 %']);
    expect(rowNamed(rows, 'Test accuracy').differs).toBe(false);
  });

  it('compares values as shown', () => {
    const close = makeRunRecord({ trainMs: 1240 });
    const rows = buildCompareRows([makeRunRecord(), close]);
    // 1234 ms and 1240 ms both show as "1.2 s".
    expect(rowNamed(rows, 'Training time').differs).toBe(false);
  });

  it('shows missing metrics of a failed run', () => {
    const failed = makeRunRecord({ id: 'run-3', status: 'failed', metrics: null });
    const rows = buildCompareRows([makeRunRecord(), failed]);
    expect(rowNamed(rows, 'Test F1').values).toEqual(['0.9675', '—']);
    expect(rowNamed(rows, 'Status').differs).toBe(true);
  });

  it('keeps one value a run in order', () => {
    const runs = [1, 2, 3].map((seed) =>
      makeRunRecord({ id: `run-${seed}`, options: { ...makeRunRecord().options, seed } }),
    );
    expect(rowNamed(buildCompareRows(runs), 'Seed').values).toEqual(['1', '2', '3']);
  });
});
