import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/shared/errors';
import {
  assignNpyPair,
  describeNpyPair,
  npyRoleFromName,
  planDrop,
} from '../../../src/renderer/src/data/datasetFiles';

describe('npyRoleFromName', () => {
  it('reads the role from words in the name', () => {
    expect(npyRoleFromName('/data/X_train.npy')).toBe('features');
    expect(npyRoleFromName('/data/y_train.npy')).toBe('labels');
    expect(npyRoleFromName('C:\\data\\splice-features.npy')).toBe('features');
    expect(npyRoleFromName('splice_labels.NPY')).toBe('labels');
    expect(npyRoleFromName('targets.npy')).toBe('labels');
  });

  it('returns null for names that do not tell', () => {
    expect(npyRoleFromName('/data/a.npy')).toBeNull();
    expect(npyRoleFromName('/data/xy.npy')).toBeNull();
    expect(npyRoleFromName('/data/x_y.npy')).toBeNull();
    // A folder name must not decide the role.
    expect(npyRoleFromName('/x/data.npy')).toBeNull();
  });
});

describe('assignNpyPair', () => {
  it('swaps the pair when the names say so', () => {
    const pair = assignNpyPair(['/d/y.npy', '/d/X.npy']);
    expect(pair).toEqual({
      featuresPath: '/d/X.npy',
      labelsPath: '/d/y.npy',
      decidedBy: 'file names',
    });
  });

  it('keeps a pair already in order', () => {
    const pair = assignNpyPair(['/d/features.npy', '/d/labels.npy']);
    expect(pair.featuresPath).toBe('/d/features.npy');
    expect(pair.decidedBy).toBe('file names');
  });

  it('falls back to the order chosen', () => {
    const pair = assignNpyPair(['/d/b.npy', '/d/a.npy']);
    expect(pair).toEqual({
      featuresPath: '/d/b.npy',
      labelsPath: '/d/a.npy',
      decidedBy: 'order chosen',
    });
  });

  it('decides both roles from one telling name', () => {
    const pair = assignNpyPair(['/d/y.npy', '/d/splice.npy']);
    expect(pair).toEqual({
      featuresPath: '/d/splice.npy',
      labelsPath: '/d/y.npy',
      decidedBy: 'file names',
    });
    expect(assignNpyPair(['/d/splice.npy', '/d/X.npy']).featuresPath).toBe('/d/X.npy');
  });

  it('uses the order when names conflict', () => {
    expect(assignNpyPair(['/d/x_a.npy', '/d/x_b.npy']).decidedBy).toBe('order chosen');
    expect(assignNpyPair(['/d/labels.npy', '/d/y.npy']).decidedBy).toBe('order chosen');
  });

  it('rejects anything but two paths', () => {
    expect(() => assignNpyPair(['/d/x.npy'])).toThrow(InputError);
    expect(() => assignNpyPair(['/d/x.npy'])).toThrow(/1 file was given\.$/);
    expect(() => assignNpyPair(['/a.npy', '/b.npy', '/c.npy'])).toThrow(/3 files were given/);
  });
});

describe('describeNpyPair', () => {
  it('says how the roles were decided', () => {
    const byName = describeNpyPair(assignNpyPair(['/d/y.npy', '/d/X.npy']));
    expect(byName).toBe('Features from X.npy, labels from y.npy, as their names say.');
    const byOrder = describeNpyPair(assignNpyPair(['/d/a.npy', '/d/b.npy']));
    expect(byOrder).toContain('in the order chosen');
  });
});

describe('planDrop', () => {
  it('opens one non-npy file as sequences', () => {
    expect(planDrop(['splice.data'])).toEqual({ kind: 'sequences' });
  });

  it('opens two npy files as a pair', () => {
    expect(planDrop(['X.npy', 'y.npy'])).toEqual({ kind: 'npy' });
  });

  it('rejects other drops with a reason', () => {
    expect(() => planDrop(['X.npy'])).toThrow(/features and labels/);
    expect(() => planDrop(['X.npy', 'notes.txt'])).toThrow(/X.npy, notes.txt/);
    expect(() => planDrop(['a.data', 'b.data'])).toThrow(InputError);
    expect(() => planDrop([])).toThrow(/no files/);
  });
});
