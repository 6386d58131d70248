/**
 * The element types of npy files this program reads, from numpy's array-protocol type strings
 * such as `<f8`: a byte-order character, a kind letter and the size in bytes (in characters for
 * `U` strings).
 */
import { InputError } from '../../shared/errors';

export type NpyKind = 'bool' | 'int' | 'uint' | 'float' | 'unicode';

export interface NpyDtype {
  /** The type string as the header gives it, such as `>i8`. */
  descr: string;
  kind: NpyKind;
  /** numpy's name for the type: `float64`, `uint8`, `bool`; `U12` for strings. */
  name: string;
  itemSize: number;
  /** True when multi-byte elements are stored most significant byte first. */
  bigEndian: boolean;
  /** The same type as npyjs 1.2 spells it without a byte order: `f8`, `i2`, `U12`. */
  npyjsCode: string;
}

const KINDS: Record<string, { kind: NpyKind; sizes: number[] }> = {
  b: { kind: 'bool', sizes: [1] },
  i: { kind: 'int', sizes: [1, 2, 4, 8] },
  u: { kind: 'uint', sizes: [1, 2, 4, 8] },
  f: { kind: 'float', sizes: [2, 4, 8] },
};

/** Reasons, for error messages, why other numpy kind letters are not supported. */
const UNSUPPORTED_KINDS: Record<string, string> = {
  c: 'complex numbers',
  O: 'Python objects',
  V: 'raw or structured records',
  S: 'byte strings',
  a: 'byte strings',
  M: 'dates and times',
  m: 'time differences',
};

/**
 * Parses a header's `descr` value; throws `InputError` 'unsupported-dtype' for anything but bool,
 * integers, floats of 2, 4 or 8 bytes, and unicode strings. `file` names the file in messages.
 */
export function parseNpyDtype(descr: unknown, file: string): NpyDtype {
  if (typeof descr !== 'string') {
    throw unsupported(file, 'a structured dtype (records with named fields)');
  }
  const match = /^([<>|=]?)([a-zA-Z])(\d*)(\[\w+\])?$/.exec(descr);
  if (!match) throw unsupported(file, `dtype '${descr}'`);
  const [, order, letter, digits, unit] = match;
  const size = Number(digits);

  if (letter === 'U' && size > 0 && !unit) return unicodeDtype(descr, order, size);
  const known = KINDS[letter];
  if (!known || !known.sizes.includes(size) || unit) {
    const reason =
      UNSUPPORTED_KINDS[letter] ?? (letter === 'f' ? 'extended-precision floats' : null);
    throw unsupported(file, `dtype '${descr}'${reason ? ` (${reason})` : ''}`);
  }
  const name = known.kind === 'bool' ? 'bool' : `${known.kind}${size * 8}`;
  const bigEndian = order === '>' && size > 1;
  return { descr, kind: known.kind, name, itemSize: size, bigEndian, npyjsCode: letter + size };
}

function unicodeDtype(descr: string, order: string, length: number): NpyDtype {
  const name = `U${length}`;
  return {
    descr,
    kind: 'unicode',
    name,
    itemSize: 4 * length,
    bigEndian: order === '>',
    npyjsCode: name,
  };
}

function unsupported(file: string, description: string): InputError {
  return new InputError(
    'unsupported-dtype',
    `${file} has ${description}, which this program cannot read; convert it to a numeric dtype first`,
  );
}
