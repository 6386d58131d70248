/**
 * One-hot encoding of DNA sequence files in the UCI splice-junction layout: one sequence per line
 * as `class, instance name, sequence`, fields padded with spaces. Each position takes one column
 * per letter in `SEQUENCE_LETTERS`, position-major, so column = position * 8 + letter.
 */
import { InputError } from '../errors';
import type { BinaryMatrix } from './featureMatrix';
import { GrowableArray } from './matrixBuilder';

/**
 * Letters in the order of their columns: the four bases, then the ambiguity codes D (A, G or T),
 * N (any base), R (A or G) and S (C or G) that the splice-junction data uses.
 */
export const SEQUENCE_LETTERS = ['A', 'C', 'G', 'T', 'D', 'N', 'R', 'S'] as const;

const LETTER_COUNT = SEQUENCE_LETTERS.length;
const NOT_A_LETTER = -1;

/** Column of each letter by character code; lower case counts as upper case. */
const LETTER_COLUMN = buildLetterColumns();

function buildLetterColumns(): Int8Array {
  const columns = new Int8Array(128).fill(NOT_A_LETTER);
  SEQUENCE_LETTERS.forEach((letter, column) => {
    columns[letter.charCodeAt(0)] = column;
    columns[letter.toLowerCase().charCodeAt(0)] = column;
  });
  return columns;
}

export interface EncodedSequences {
  features: BinaryMatrix;
  /** `pos1_A`, `pos1_C`, ...: position counted from 1, then the letter. */
  featureNames: string[];
  /** Classes in order of first appearance. */
  classLabels: string[];
  labelCodes: Uint32Array;
}

/** Returns the column names for sequences of `length` letters. */
export function sequenceFeatureNames(length: number): string[] {
  const names: string[] = [];
  for (let position = 1; position <= length; position++) {
    for (const letter of SEQUENCE_LETTERS) names.push(`pos${position}_${letter}`);
  }
  return names;
}

/** Encodes a whole sequence file held as text. */
export function encodeSequenceText(text: string, source: string): EncodedSequences {
  const encoder = new SequenceEncoder(source);
  encoder.addText(text);
  return encoder.finish();
}

/**
 * Maximum line length accepted, in characters. A file without line breaks (a binary file, or a .npy
 * opened as sequences) would otherwise be gathered into one ever longer string.
 */
export const MAX_LINE_LENGTH = 1_000_000;

/** The start of an .npy file (byte 0x93, then "NUMPY"), however its first byte was decoded. */
const NPY_MAGIC = /^.?NUMPY/;

/**
 * Encodes a sequence file that arrives as text in pieces of any size. Every row has exactly one
 * non-zero per position, so the matrix is always binary.
 */
export class SequenceEncoder {
  private pendingText = '';
  private lineNumber = 0;
  private sequenceLength = 0;
  private firstSequenceLine = 0;
  private readonly colIndex = new GrowableArray((length) => new Uint32Array(length));
  private readonly labelCodes = new GrowableArray((length) => new Uint32Array(length));
  private readonly classCodes = new Map<string, number>();

  /** @param source how messages name the input, such as `sequence file splice.data` */
  constructor(private readonly source: string) {}

  /** Adds text that may end within a line; the rest of that line comes with a later call. */
  addText(text: string): void {
    const lines = (this.pendingText + text).split('\n');
    this.pendingText = lines.pop() ?? '';
    for (const line of lines) this.addLine(line);
    if (this.pendingText.length > MAX_LINE_LENGTH) {
      this.lineNumber += 1;
      this.fail(
        'invalid-file',
        `is longer than ${MAX_LINE_LENGTH} characters; is this a sequence file in the ` +
          'UCI splice layout (class, instance name, sequence on each line)?',
      );
    }
  }

  /** Encodes the last line and returns the data set; throws `InputError` if the text contains no sequence. */
  finish(): EncodedSequences {
    if (this.pendingText !== '') this.addLine(this.pendingText);
    this.pendingText = '';
    const rows = this.labelCodes.length;
    if (rows === 0) throw new InputError('invalid-file', `${this.source} contains no sequences`);

    const rowStart = new Uint32Array(rows + 1);
    for (let row = 0; row <= rows; row++) rowStart[row] = row * this.sequenceLength;
    const cols = this.sequenceLength * LETTER_COUNT;
    return {
      features: { kind: 'binary', rows, cols, rowStart, colIndex: this.colIndex.trimmed() },
      featureNames: sequenceFeatureNames(this.sequenceLength),
      classLabels: [...this.classCodes.keys()],
      labelCodes: this.labelCodes.trimmed(),
    };
  }

  private addLine(line: string): void {
    this.lineNumber += 1;
    if (line.trim() === '') return;
    if (this.lineNumber === 1 && NPY_MAGIC.test(line)) {
      this.fail('invalid-file', 'starts like a NumPy .npy file; open .npy files as a pair instead');
    }

    const fields = line.split(',').map((field) => field.trim());
    if (fields.length !== 3) {
      this.fail(
        'invalid-file',
        `has ${fields.length} fields but needs 3 (class, instance name, sequence)`,
      );
    }
    const [label, , sequence] = fields;
    if (label === '') this.fail('invalid-file', 'has an empty class');
    this.checkLength(sequence);

    this.encodeLetters(sequence);
    this.labelCodes.push(this.classCode(label));
  }

  private checkLength(sequence: string): void {
    if (sequence === '') this.fail('invalid-file', 'has an empty sequence');
    if (this.sequenceLength === 0) {
      this.sequenceLength = sequence.length;
      this.firstSequenceLine = this.lineNumber;
    } else if (sequence.length !== this.sequenceLength) {
      this.fail(
        'invalid-file',
        `has a sequence of ${sequence.length} letters but line ${this.firstSequenceLine} has ` +
          `${this.sequenceLength}; all sequences must have the same length`,
      );
    }
  }

  private encodeLetters(sequence: string): void {
    for (let position = 0; position < sequence.length; position++) {
      const code = sequence.charCodeAt(position);
      const column = code < LETTER_COLUMN.length ? LETTER_COLUMN[code] : NOT_A_LETTER;
      if (column === NOT_A_LETTER) {
        this.fail(
          'invalid-value',
          `has unknown letter '${sequence[position]}' at position ${position + 1}; ` +
            `expected one of ${SEQUENCE_LETTERS.join(' ')}`,
        );
      }
      this.colIndex.push(position * LETTER_COUNT + column);
    }
  }

  private classCode(label: string): number {
    let code = this.classCodes.get(label);
    if (code === undefined) {
      code = this.classCodes.size;
      this.classCodes.set(label, code);
    }
    return code;
  }

  private fail(code: 'invalid-file' | 'invalid-value', problem: string): never {
    throw new InputError(code, `${this.source}: line ${this.lineNumber} ${problem}`);
  }
}
