/**
 * A parser for the Python literals that an npy header is written in: a dict of strings, booleans,
 * integers, tuples and lists, as Python's `repr` prints them. It evaluates nothing.
 */

export type PythonValue =
  string | number | boolean | null | PythonValue[] | { [key: string]: PythonValue };

/** Parses one literal; throws `SyntaxError` naming the offset of the first unexpected text. */
export function parsePythonLiteral(text: string): PythonValue {
  const parser = new LiteralParser(text);
  const value = parser.parseValue();
  parser.expectEnd();
  return value;
}

const CLOSING: Record<string, string> = { '(': ')', '[': ']' };

/**
 * Maximum nesting of dicts, tuples and lists. numpy's headers nest a few levels. The limit keeps a
 * hostile header from overflowing the stack, which would surface as a RangeError naming no file.
 */
export const MAX_LITERAL_DEPTH = 64;

class LiteralParser {
  private offset = 0;
  private depth = 0;

  constructor(private readonly text: string) {}

  parseValue(): PythonValue {
    this.skipSpace();
    const char = this.text[this.offset];
    if (char === '{') return this.parseDict();
    if (char === '(' || char === '[') return this.parseSequence(CLOSING[char]);
    if (char === "'" || char === '"') return this.parseString(char);
    return this.parseWord();
  }

  expectEnd(): void {
    this.skipSpace();
    if (this.offset < this.text.length) this.fail('expected the end of the literal');
  }

  private parseDict(): { [key: string]: PythonValue } {
    const dict: { [key: string]: PythonValue } = {};
    this.enter();
    while (!this.consumeClosing('}')) {
      const key = this.parseValue();
      if (typeof key !== 'string') this.fail('expected a string key');
      this.expect(':');
      // Defined rather than assigned, so that a key '__proto__' stays an own key and cannot
      // replace the dict's prototype, through which absent keys would then be found.
      Object.defineProperty(dict, key, {
        value: this.parseValue(),
        enumerable: true,
        writable: true,
        configurable: true,
      });
      this.consumeSeparator('}');
    }
    this.depth -= 1;
    return dict;
  }

  /** Parses a tuple or a list; both become arrays. */
  private parseSequence(closing: string): PythonValue[] {
    const items: PythonValue[] = [];
    this.enter();
    while (!this.consumeClosing(closing)) {
      items.push(this.parseValue());
      this.consumeSeparator(closing);
    }
    this.depth -= 1;
    return items;
  }

  private parseString(quote: string): string {
    let value = '';
    this.offset += 1;
    while (this.text[this.offset] !== quote) {
      if (this.offset >= this.text.length) this.fail('unterminated string');
      if (this.text[this.offset] === '\\') this.offset += 1;
      value += this.text[this.offset];
      this.offset += 1;
    }
    this.offset += 1;
    return value;
  }

  /** Parses True, False, None or an integer; Python 2 wrote long integers with an L suffix. */
  private parseWord(): PythonValue {
    const match = /^(True|False|None|-?\d+L?)/.exec(this.text.slice(this.offset));
    if (!match) this.fail('expected a value');
    this.offset += match[0].length;
    if (match[0] === 'True') return true;
    if (match[0] === 'False') return false;
    if (match[0] === 'None') return null;
    return Number(match[0].replace('L', ''));
  }

  /** Steps past an opening bracket, one level deeper. */
  private enter(): void {
    this.depth += 1;
    if (this.depth > MAX_LITERAL_DEPTH) {
      this.fail(`nesting deeper than ${MAX_LITERAL_DEPTH} levels`);
    }
    this.offset += 1;
  }

  private consumeClosing(closing: string): boolean {
    this.skipSpace();
    if (this.text[this.offset] !== closing) return false;
    this.offset += 1;
    return true;
  }

  /** Accepts the comma after an item, or nothing when the closing bracket follows. */
  private consumeSeparator(closing: string): void {
    this.skipSpace();
    if (this.text[this.offset] === ',') this.offset += 1;
    else if (this.text[this.offset] !== closing) this.fail(`expected ',' or '${closing}'`);
  }

  private expect(char: string): void {
    this.skipSpace();
    if (this.text[this.offset] !== char) this.fail(`expected '${char}'`);
    this.offset += 1;
  }

  private skipSpace(): void {
    while (/\s/.test(this.text[this.offset] ?? '')) this.offset += 1;
  }

  private fail(problem: string): never {
    throw new SyntaxError(`${problem} at offset ${this.offset}`);
  }
}
