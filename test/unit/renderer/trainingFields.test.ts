import { describe, expect, it } from 'vitest';
import { DEFAULT_TRAINING_OPTIONS } from '../../../src/shared/training/trainingOptions';
import {
  checkTrainingField,
  checkTrainingFields,
  toFieldText,
} from '../../../src/renderer/src/forms/trainingFields';

describe('checkTrainingField', () => {
  it('accepts values inside each range', () => {
    const cases: [Parameters<typeof checkTrainingField>[0], string, number][] = [
      ['testSize', '0.25', 0.25],
      ['testSize', '400', 400],
      ['seed', '0', 0],
      ['seed', '4294967295', 4294967295],
      ['epochs', '1', 1],
      ['epochs', '1000000', 1_000_000],
      ['learningRate', '1e-3', 0.001],
      ['learningRate', '1000', 1000],
      ['learningRate', ' .5 ', 0.5],
    ];
    for (const [field, text, value] of cases) {
      expect(checkTrainingField(field, text), `${field} = "${text}"`).toEqual({ ok: true, value });
    }
  });

  it('rejects values outside each range', () => {
    const cases: [Parameters<typeof checkTrainingField>[0], string][] = [
      ['testSize', '0'],
      ['testSize', '1.5'],
      ['testSize', '-0.2'],
      ['seed', '-1'],
      ['seed', '4294967296'],
      ['seed', '1.5'],
      ['epochs', '0'],
      ['epochs', '1000001'],
      ['epochs', '10.5'],
      ['learningRate', '0'],
      ['learningRate', '1000.5'],
    ];
    for (const [field, text] of cases) {
      expect(checkTrainingField(field, text).ok, `${field} = "${text}"`).toBe(false);
    }
  });

  it('rejects text that is not a decimal', () => {
    for (const text of ['', '   ', 'abc', '0x10', 'Infinity', '1,5', '2e']) {
      expect(checkTrainingField('epochs', text).ok, `"${text}"`).toBe(false);
    }
  });

  it('names the field and range in messages', () => {
    const check = checkTrainingField('epochs', '0');
    expect(check).toEqual({
      ok: false,
      message: 'Epochs must be an integer from 1 to 1,000,000.',
    });
  });

  it('bounds a test row count by the problem rows', () => {
    expect(checkTrainingField('testSize', '1534', 1535).ok).toBe(true);
    const check = checkTrainingField('testSize', '1535', 1535);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.message).toContain('1,535 rows');
  });
});

describe('checkTrainingFields', () => {
  it('returns the defaults from their text', () => {
    const checked = checkTrainingFields(toFieldText(DEFAULT_TRAINING_OPTIONS));
    expect(checked.options).toEqual({ testSize: 0.25, seed: 0, epochs: 300, learningRate: 0.1 });
    expect(checked.errors).toEqual({});
  });

  it('returns no options while a field is invalid', () => {
    const text = { ...toFieldText(DEFAULT_TRAINING_OPTIONS), learningRate: '-1' };
    const checked = checkTrainingFields(text);
    expect(checked.options).toBeNull();
    expect(Object.keys(checked.errors)).toEqual(['learningRate']);
  });
});
