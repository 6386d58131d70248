import { describe, expect, it } from 'vitest';
import { parseNpyDtype } from '../../src/main/data/npyDtype';
import { formatShape, parseNpyHeader, parseNpyPreamble } from '../../src/main/data/npyHeader';
import { MAX_LITERAL_DEPTH, parsePythonLiteral } from '../../src/main/data/pythonLiteral';
import { expectInputError } from './fixtures/expectInputError';

const FILE = 'features file x.npy';

/** The bytes of a version 1.0 npy header around `dict`, as numpy writes it. */
function npyHeaderBytes(dict: string, major = 1): Uint8Array {
  const preambleLength = major === 1 ? 10 : 12;
  const padded =
    dict.padEnd(64 * Math.ceil((preambleLength + dict.length + 1) / 64) - preambleLength - 1) +
    '\n';
  const bytes = new Uint8Array(preambleLength + padded.length);
  bytes.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, major, 0]);
  const view = new DataView(bytes.buffer);
  if (major === 1) view.setUint16(8, padded.length, true);
  else view.setUint32(8, padded.length, true);
  bytes.set(new TextEncoder().encode(padded), preambleLength);
  return bytes;
}

function parseHeader(dict: string, major = 1) {
  const bytes = npyHeaderBytes(dict, major);
  const preamble = parseNpyPreamble(bytes, FILE);
  return parseNpyHeader(preamble, bytes.subarray(preamble.headerOffset), FILE);
}

describe('parsePythonLiteral', () => {
  it('parses a numpy header dict', () => {
    expect(
      parsePythonLiteral("{'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }"),
    ).toEqual({
      descr: '<f8',
      fortran_order: false,
      shape: [3, 4],
    });
  });

  it('parses one-element and empty tuples', () => {
    expect(parsePythonLiteral('(7,)')).toEqual([7]);
    expect(parsePythonLiteral('()')).toEqual([]);
  });

  it('parses Python 2 long integers', () => {
    expect(parsePythonLiteral('(3L, 4L)')).toEqual([3, 4]);
  });

  it('parses lists, None and escapes', () => {
    expect(parsePythonLiteral(`[('a', "<f4"), None, True, 'it\\'s']`)).toEqual([
      ['a', '<f4'],
      null,
      true,
      "it's",
    ]);
  });

  it('rejects what is not a literal', () => {
    expect(() => parsePythonLiteral("{'a': 1")).toThrow(SyntaxError);
    expect(() => parsePythonLiteral("{'a': os.system('x')}")).toThrow(
      /expected a value at offset 6/,
    );
    expect(() => parsePythonLiteral('(1, 2) 3')).toThrow(/expected the end/);
    expect(() => parsePythonLiteral("'open")).toThrow(/unterminated string/);
  });

  it('keeps a __proto__ key as an own key', () => {
    const dict = parsePythonLiteral("{'__proto__': {'descr': '<f8'}}") as Record<string, unknown>;
    expect(Object.getPrototypeOf(dict)).toBe(Object.prototype);
    expect(Object.keys(dict)).toEqual(['__proto__']);
    expect(dict.descr).toBeUndefined();
  });

  it('limits nesting depth', () => {
    const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
    expect(() => parsePythonLiteral(nested(MAX_LITERAL_DEPTH))).not.toThrow();
    expect(() => parsePythonLiteral(nested(MAX_LITERAL_DEPTH + 1))).toThrow(
      new SyntaxError(
        `nesting deeper than ${MAX_LITERAL_DEPTH} levels at offset ${MAX_LITERAL_DEPTH}`,
      ),
    );
  });
});

describe('parseNpyDtype', () => {
  it('names every numeric dtype as numpy does', () => {
    const names = ['b1', 'i1', 'i2', 'i4', 'i8', 'u1', 'u2', 'u4', 'u8', 'f2', 'f4', 'f8'].map(
      (code) => parseNpyDtype(`<${code}`, FILE).name,
    );
    expect(names).toEqual([
      'bool',
      'int8',
      'int16',
      'int32',
      'int64',
      'uint8',
      'uint16',
      'uint32',
      'uint64',
      'float16',
      'float32',
      'float64',
    ]);
  });

  it('reads byte order', () => {
    expect(parseNpyDtype('>f8', FILE).bigEndian).toBe(true);
    expect(parseNpyDtype('<f8', FILE).bigEndian).toBe(false);
    expect(parseNpyDtype('|u1', FILE).bigEndian).toBe(false);
    expect(parseNpyDtype('>U3', FILE)).toMatchObject({
      kind: 'unicode',
      itemSize: 12,
      bigEndian: true,
    });
  });

  it('rejects other dtypes with a reason', () => {
    const cases: [unknown, RegExp][] = [
      ['<c16', /dtype '<c16' \(complex numbers\)/],
      ['|O', /dtype '\|O' \(Python objects\)/],
      ['|S2', /dtype '\|S2' \(byte strings\)/],
      ['<M8[D]', /dtype '<M8\[D\]' \(dates and times\)/],
      ['<f16', /dtype '<f16' \(extended-precision floats\)/],
      [[['a', '<f4']], /a structured dtype/],
    ];
    for (const [descr, message] of cases) {
      expectInputError(() => parseNpyDtype(descr, FILE), 'unsupported-dtype', message);
    }
  });
});

describe('parseNpyHeader', () => {
  it('reads version 1.0', () => {
    const header = parseHeader("{'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }");
    expect(header.shape).toEqual([3, 4]);
    expect(header.fortranOrder).toBe(false);
    expect(header.dtype.name).toBe('float64');
    // 10 preamble bytes and the dict padded so that the data starts at a multiple of 64.
    expect(header.dataOffset).toBe(128);
    expect(header.dataBytes).toBe(3 * 4 * 8);
  });

  it('reads versions 2.0 and 3.0', () => {
    for (const major of [2, 3]) {
      const header = parseHeader("{'descr': '<i2', 'fortran_order': True, 'shape': (5,), }", major);
      expect(header.shape).toEqual([5]);
      expect(header.fortranOrder).toBe(true);
      expect(header.dataOffset).toBe(128);
    }
  });

  it('rejects a file without the magic string', () => {
    expectInputError(
      () => parseNpyPreamble(new TextEncoder().encode('col1,col2\n1,2\n'), FILE),
      'invalid-file',
      /^features file x\.npy is not an npy file: it does not start with \\x93NUMPY$/,
    );
  });

  it('rejects an unknown version', () => {
    const bytes = npyHeaderBytes("{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }");
    bytes[6] = 4;
    expectInputError(
      () => parseNpyPreamble(bytes, FILE),
      'invalid-file',
      /npy format version 4\.0/,
    );
  });

  it('rejects a version 2.0 preamble cut short', () => {
    const bytes = npyHeaderBytes("{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }", 2);
    expectInputError(
      () => parseNpyPreamble(bytes.subarray(0, 11), FILE),
      'invalid-file',
      /^features file x\.npy is truncated: it ends within its header$/,
    );
  });

  it('rejects an oversized header length', () => {
    const bytes = npyHeaderBytes("{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }", 2);
    new DataView(bytes.buffer).setUint32(8, 1 << 20, true);
    expectInputError(() => parseNpyPreamble(bytes, FILE), 'invalid-file', /over 65536$/);
  });

  it('rejects malformed header dicts', () => {
    const cases: [string, RegExp][] = [
      ["{'descr': '<f8', 'shape': (1,), }", /'fortran_order' is not True or False/],
      ["{'fortran_order': False, 'shape': (1,), }", /'descr' is missing/],
      ["{'descr': '<f8', 'fortran_order': False, 'shape': (-1,), }", /'shape' is not a tuple/],
      ["{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3}", /not a Python literal/],
      ["('<f8', False, (1,))", /it is not a dict/],
    ];
    for (const [dict, message] of cases) {
      expectInputError(() => parseHeader(dict), 'invalid-file', message);
    }
  });

  it('finds no key through a __proto__ key', () => {
    // Assigned rather than defined, the key would make the inner dict the prototype, and the
    // header would read as float64 of shape (2, 3).
    const dict = "{'__proto__': {'descr': '<f8', 'fortran_order': False, 'shape': (2, 3)}}";
    expectInputError(() => parseHeader(dict), 'invalid-file', /'descr' is missing/);
  });

  it('rejects deep nesting naming the file', () => {
    const dict = `{'descr': ${'('.repeat(20_000)}${')'.repeat(20_000)}}`;
    expectInputError(
      () => parseHeader(dict),
      'invalid-file',
      /^features file x\.npy has a malformed npy header: .*nesting deeper than 64 levels/,
    );
  });

  it('formats shapes as Python does', () => {
    expect(formatShape([3190, 480])).toBe('(3190, 480)');
    expect(formatShape([3190])).toBe('(3190,)');
    expect(formatShape([])).toBe('()');
  });
});
