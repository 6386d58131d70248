import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'npyjs';
import { describe, expect, it } from 'vitest';
import type { BinaryMatrix } from '../../src/shared/dataset/featureMatrix';
import {
  encodeSequenceText,
  SEQUENCE_LETTERS,
  MAX_LINE_LENGTH,
  SequenceEncoder,
  sequenceFeatureNames,
} from '../../src/shared/dataset/sequenceEncoding';
import { expectInputError } from './fixtures/expectInputError';
import { toDenseRows } from './fixtures/toDenseRows';

const SPLICE_TEXT = readFileSync(new URL('../../resources/splice.data', import.meta.url), 'utf8');

/** numpy's encoding of the same data, kept beside the repository because it is 12 MB. */
const REFERENCE_DIR = new URL('../../../shared/data/', import.meta.url);
const referenceMissing = !existsSync(REFERENCE_DIR);

/** Decodes an npy file with npyjs alone, independently of the app's loader. */
function readReferenceNpy(name: string) {
  const bytes = readFileSync(new URL(name, REFERENCE_DIR));
  return parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

describe('encodeSequenceText', () => {
  it('encodes letters position-major', () => {
    const encoded = encodeSequenceText('X, one, AS\nY, two, NG\n', 'sequence file t.data');
    // Column = position * 8 + letter, with letters in the order A C G T D N R S.
    expect(Array.from(encoded.features.colIndex)).toEqual([0, 8 + 7, 5, 8 + 2]);
    expect(Array.from(encoded.features.rowStart)).toEqual([0, 2, 4]);
    expect(encoded.features.kind).toBe('binary');
    expect(encoded.features.cols).toBe(16);
  });

  it('names columns by position and letter', () => {
    const names = sequenceFeatureNames(2);
    expect(names.slice(0, 3)).toEqual(['pos1_A', 'pos1_C', 'pos1_G']);
    expect(names[8]).toBe('pos2_A');
    expect(names).toHaveLength(16);
    expect(SEQUENCE_LETTERS.join('')).toBe('ACGTDNRS');
  });

  it('codes classes by first appearance', () => {
    const encoded = encodeSequenceText('IE, a, A\nEI, b, C\nIE, c, G\n', 'sequence file t.data');
    expect(encoded.classLabels).toEqual(['IE', 'EI']);
    expect(Array.from(encoded.labelCodes)).toEqual([0, 1, 0]);
  });

  it('skips blank lines and reads CRLF', () => {
    const encoded = encodeSequenceText('\r\nA, a, gt\r\n   \r\nB, b, TG', 'sequence file t.data');
    expect(encoded.features.rows).toBe(2);
    expect(toDenseRows(encoded.features)[0][8 + 3]).toBe(1);
  });

  it('accepts text in any pieces', () => {
    const whole = encodeSequenceText(SPLICE_TEXT.slice(0, 5000), 'sequence file t.data');
    const encoder = new SequenceEncoder('sequence file t.data');
    for (let start = 0; start < 5000; start += 37) {
      encoder.addText(SPLICE_TEXT.slice(start, Math.min(start + 37, 5000)));
    }
    expect(encoder.finish()).toEqual(whole);
  });

  it('rejects an unknown letter', () => {
    expectInputError(
      () => encodeSequenceText('A, a, ACG\n\nA, b, ACX\n', 'sequence file t.data'),
      'invalid-value',
      /^sequence file t\.data: line 3 has unknown letter 'X' at position 3; expected one of A C G T D N R S$/,
    );
  });

  it('rejects a shorter sequence', () => {
    expectInputError(
      () => encodeSequenceText('A, a, ACG\nA, b, AC\n', 'sequence file t.data'),
      'invalid-file',
      /^sequence file t\.data: line 2 has a sequence of 2 letters but line 1 has 3; all sequences/,
    );
  });

  it('rejects a line with missing fields', () => {
    expectInputError(
      () => encodeSequenceText('A, a, ACG\nA, ACG\n', 'sequence file t.data'),
      'invalid-file',
      /^sequence file t\.data: line 2 has 2 fields but needs 3 \(class, instance name, sequence\)$/,
    );
  });

  it('rejects an empty class or sequence', () => {
    const source = 'sequence file t.data';
    expectInputError(
      () => encodeSequenceText(' , a, AC', source),
      'invalid-file',
      /line 1 has an empty class$/,
    );
    expectInputError(
      () => encodeSequenceText('A, a, ', source),
      'invalid-file',
      /line 1 has an empty sequence$/,
    );
  });

  it('rejects a file without sequences', () => {
    expectInputError(
      () => encodeSequenceText('\n  \n', 'sequence file t.data'),
      'invalid-file',
      /^sequence file t\.data contains no sequences$/,
    );
  });
});

/** Returns the first cell where a binary matrix and row-major reference values differ. */
function firstDifference(matrix: BinaryMatrix, reference: Float64Array) {
  const actual = new Float64Array(matrix.rows * matrix.cols);
  for (let row = 0; row < matrix.rows; row++) {
    for (let k = matrix.rowStart[row]; k < matrix.rowStart[row + 1]; k++) {
      actual[row * matrix.cols + matrix.colIndex[k]] = 1;
    }
  }
  const index = actual.findIndex((value, i) => value !== reference[i]);
  if (index < 0) return null;
  const [row, col] = [Math.floor(index / matrix.cols), index % matrix.cols];
  return { row, col, actual: actual[index], expected: reference[index] };
}

describe('SequenceEncoder on input that is not sequences', () => {
  it('rejects a line past the length limit', () => {
    const encoder = new SequenceEncoder('sequence file blob.bin');
    const piece = 'A'.repeat(MAX_LINE_LENGTH / 4);
    for (let i = 0; i < 4; i++) encoder.addText(piece);

    expectInputError(
      () => encoder.addText('A'),
      'invalid-file',
      /^sequence file blob\.bin: line 1 is longer than 1000000 characters; is this a sequence file/,
    );
  });

  it('recognises an npy file', () => {
    expectInputError(
      () =>
        encodeSequenceText(
          "\ufffdNUMPY\u0001\u0000v\u0000{'descr': '<f8', }\n",
          'sequence file x.npy',
        ),
      'invalid-file',
      /^sequence file x\.npy: line 1 starts like a NumPy \.npy file; open \.npy files as a pair/,
    );
  });
});

describe('encodeSequenceText on splice.data', () => {
  const encoded = encodeSequenceText(SPLICE_TEXT, 'embedded data file splice.data');
  const skipReason = `the numpy reference folder ${REFERENCE_DIR.pathname} is absent`;

  it('matches numpy one-hot matrix', (context) => {
    if (referenceMissing) context.skip(skipReason);
    const reference = readReferenceNpy('dna_cleaner.npy');
    expect(reference.shape).toEqual([3190, 480]);
    expect(encoded.features.rows).toBe(3190);
    expect(encoded.features.cols).toBe(480);
    // Compared exactly, because both sides contain only 0 and 1.
    expect(firstDifference(encoded.features, reference.data as Float64Array)).toBeNull();
  });

  it('matches numpy labels', (context) => {
    if (referenceMissing) context.skip(skipReason);
    const reference = readReferenceNpy('dna_clean_labels.npy');
    // The reference codes EI = 0, IE = 1, N = 2, which is also their order of appearance.
    expect(encoded.classLabels).toEqual(['EI', 'IE', 'N']);
    expect(Array.from(encoded.labelCodes)).toEqual(
      Array.from(reference.data as BigInt64Array, Number),
    );
  });

  it('names 480 columns', () => {
    expect(encoded.featureNames).toHaveLength(480);
    expect(encoded.featureNames[479]).toBe('pos60_S');
  });
});
