import { describe, expect, it } from 'vitest';
import { compareClassLabels, sortClassLabels } from '../../src/shared/dataset/classLabels';

describe('compareClassLabels', () => {
  it('orders numbers by value', () => {
    expect(['10', '2', '-1', '0.5'].sort(compareClassLabels)).toEqual(['-1', '0.5', '2', '10']);
  });

  it('orders text by code point', () => {
    expect(['N', 'IE', 'EI'].sort(compareClassLabels)).toEqual(['EI', 'IE', 'N']);
  });

  it('puts numbers before text', () => {
    expect(['b', '10', 'A', '9'].sort(compareClassLabels)).toEqual(['9', '10', 'A', 'b']);
  });

  it('keeps equal numbers in text order', () => {
    expect(['1.0', '1'].sort(compareClassLabels)).toEqual(['1', '1.0']);
  });
});

describe('sortClassLabels', () => {
  it('puts label 0 first when 1 comes first in the file', () => {
    const codes = Uint32Array.of(0, 0, 1, 0, 1);
    const labels = sortClassLabels(['1', '0'], codes);

    expect(labels).toEqual(['0', '1']);
    expect(Array.from(codes)).toEqual([1, 1, 0, 1, 0]);
  });

  it('recodes every row of three classes', () => {
    const codes = Uint32Array.of(0, 1, 2, 2, 1, 0);
    const labels = sortClassLabels(['N', 'EI', 'IE'], codes);

    expect(labels).toEqual(['EI', 'IE', 'N']);
    expect(Array.from(codes)).toEqual([2, 0, 1, 1, 0, 2]);
  });
});
