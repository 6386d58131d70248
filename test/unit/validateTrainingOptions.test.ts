import { describe, expect, it } from 'vitest';
import { DEFAULT_TRAINING_OPTIONS } from '../../src/shared/training/trainingOptions';
import { validateTrainingOptions } from '../../src/shared/training/validateTrainingOptions';
import { expectInputError } from './fixtures/expectInputError';

describe('validateTrainingOptions', () => {
  it('defaults every missing option', () => {
    expect(validateTrainingOptions(undefined)).toEqual(DEFAULT_TRAINING_OPTIONS);
    expect(validateTrainingOptions(null)).toEqual(DEFAULT_TRAINING_OPTIONS);
    expect(validateTrainingOptions({})).toEqual({
      testSize: 0.25,
      seed: 0,
      epochs: 300,
      learningRate: 0.1,
    });
  });

  it('keeps the options given', () => {
    expect(validateTrainingOptions({ seed: 42, epochs: 10 })).toEqual({
      testSize: 0.25,
      seed: 42,
      epochs: 10,
      learningRate: 0.1,
    });
  });

  it('accepts the limits of each range', () => {
    const options = { testSize: 1, seed: 2 ** 32 - 1, epochs: 1_000_000, learningRate: 1000 };
    expect(validateTrainingOptions(options)).toEqual(options);
    const small = { testSize: 1e-9, seed: 0, epochs: 1, learningRate: 1e-300 };
    expect(validateTrainingOptions(small)).toEqual(small);
  });

  it('reads decimal strings', () => {
    const options = { testSize: '0.3', seed: ' 7 ', epochs: '1e3', learningRate: '.05' };
    expect(validateTrainingOptions(options)).toEqual({
      testSize: 0.3,
      seed: 7,
      epochs: 1000,
      learningRate: 0.05,
    });
  });

  it.each([
    [{ testSize: 0 }, /^test size must be a fraction between 0 and 1 .*, received 0$/],
    [{ testSize: 1.5 }, /^test size must be .*, received 1.5$/],
    [{ testSize: -0.2 }, /^test size must be .*, received -0.2$/],
    [{ testSize: Number.NaN }, /^test size must be .*, received NaN$/],
    [{ seed: -1 }, /^seed must be an integer from 0 to 2\*\*32 - 1 \(4294967295\), received -1$/],
    [{ seed: 2 ** 32 }, /^seed must be .*, received 4294967296$/],
    [{ seed: 0.5 }, /^seed must be .*, received 0.5$/],
    [{ epochs: 0 }, /^epochs must be an integer from 1 to 1000000, received 0$/],
    [{ epochs: 1_000_001 }, /^epochs must be .*, received 1000001$/],
    [{ epochs: 2.5 }, /^epochs must be .*, received 2.5$/],
    [{ learningRate: 0 }, /^learning rate must be greater than 0 and at most 1000, received 0$/],
    [{ learningRate: -0.1 }, /^learning rate must be .*, received -0.1$/],
    [{ learningRate: 1000.5 }, /^learning rate must be .*, received 1000.5$/],
    [{ learningRate: Infinity }, /^learning rate must be .*, received Infinity$/],
    [{ learningRate: Number.NaN }, /^learning rate must be .*, received NaN$/],
  ])('rejects %o', (input, message) => {
    expectInputError(() => validateTrainingOptions(input), 'invalid-option', message);
  });

  it.each([
    [{ epochs: 'ten' }, /^epochs must be a number, received 'ten'$/],
    [{ seed: '' }, /^seed must be a number, received ''$/],
    [{ seed: '0x10' }, /^seed must be a number, received '0x10'$/],
    [{ testSize: true }, /^test size must be a number, received true$/],
    [{ testSize: null }, /^test size must be a number, received null$/],
    [{ learningRate: [0.1] }, /^learning rate must be a number, received an array$/],
    [{ learningRate: 'x'.repeat(100) }, /^learning rate must be a number, received 'x{40}\.\.\.'$/],
  ])('rejects a value that is not a number: %o', (input, message) => {
    expectInputError(() => validateTrainingOptions(input), 'invalid-option', message);
  });

  it('rejects an unknown option', () => {
    expectInputError(
      () => validateTrainingOptions({ epochs: 5, learningrate: 0.1 }),
      'invalid-option',
      /^unknown training option 'learningrate'; the options are testSize, seed, epochs, learningRate$/,
    );
  });

  it.each([[42], ['fast'], [[1, 2]]])('rejects options that are not an object: %o', (input) => {
    expectInputError(
      () => validateTrainingOptions(input),
      'invalid-option',
      /^training options must be an object, received /,
    );
  });
});
