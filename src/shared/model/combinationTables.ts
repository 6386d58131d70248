/**
 * Tables of summed weights for one-hot rows. A one-hot row's logit is the bias plus one weight
 * per group. When two groups are paired, the sum of the two weights is computed once per epoch
 * for every pair of columns that occurs in the data, and each row then reads one sum instead of
 * two weights. Pairing repeats on the pairs while it pays: a pairing saves one read per row and
 * one addition per training row in the gradient, but adds table entries that are rebuilt and
 * walked back every epoch.
 *
 * Table layout: entries 0 to cols - 1 are the weights; each later entry e is the sum of the two
 * entries `pairs[2k]` and `pairs[2k + 1]` with k = e - cols, which always come before e. For the
 * gradient the table is walked backwards: the sum gathered on an entry is added to both halves.
 */
import type { OneHotGroups } from './oneHotStructure';

/** Codes of every row into a table of summed weights. */
export interface CombinationTables {
  cols: number;
  /** Entries in the table, weights included. */
  tableLength: number;
  /** The two entries summed into each entry past the weights, two per entry. */
  pairs: Uint32Array;
  /** Table entries per row. */
  units: number;
  /** Row r's logit minus the bias is the sum of entries `codes[r * units]` to `+ units - 1`. */
  codes: Uint32Array;
}

/**
 * Relative costs in one epoch of the WebAssembly kernels: reading an entry for a row's logit,
 * adding a training row's residual to an entry, and building one entry plus spreading its sum.
 * On the splice data (Node 20, AMD EPYC at 2.6 GHz) these took about 0.4, 0.5 and 1.6 ns.
 * Entry costs from 2.5 to 8 gave 14 or 15 units there, in the same time within the noise.
 */
export const PAIRING_COSTS = { read: 1, scatter: 1.2, entry: 4 };

/** Pairs of units whose codes span more combinations than this stay apart. */
const MAX_KEY = 2 ** 31 - 1;

/** Pairs with at most this many combinations look their entries up in a plain array. */
const DIRECT_KEYS = 1 << 16;

/**
 * The codes of one level, unit by unit: unit u's code for row r is `codes[u * rows + r]`, so
 * that pairing two units reads and writes whole arrays in order. The codes of unit u lie in
 * `base[u]` to `base[u] + count[u] - 1`.
 */
interface Level {
  units: number;
  codes: Uint32Array;
  base: number[];
  count: number[];
}

/** The entries that pairing two units creates, and each row's entry among them. */
interface Pairing {
  entries: number;
  /** Per row, the row's entry counted from the first entry of this pairing. */
  rowEntry: Uint32Array;
  /** The two codes of each entry. */
  halves: Uint32Array;
}

/**
 * Builds the tables for one-hot rows. `columns` contains each row's column in each group, group
 * by group: the column of row r in group k is `columns[k * rows + r]`, for the training rows
 * and then the test rows. It is overwritten. `trainRows` counts the training rows, whose
 * residuals the gradient adds up.
 */
export function buildCombinationTables(
  columns: Uint32Array,
  groups: OneHotGroups,
  cols: number,
  trainRows: number,
): CombinationTables {
  const rows = columns.length / groups.groups;
  const saving = rows * PAIRING_COSTS.read + trainRows * PAIRING_COSTS.scatter;
  const maxEntries = Math.max(0, Math.ceil(saving / PAIRING_COSTS.entry) - 1);
  const lookup = new PairLookup(Math.min(maxEntries, rows));
  const halves: Uint32Array[] = [];
  let tableLength = cols;
  let level = firstLevel(columns, groups);

  for (;;) {
    const pairedFrom = halves.length;
    level = pairLevel(level, rows, maxEntries, lookup, (pairing) => {
      halves.push(pairing.halves);
      tableLength += pairing.entries;
      return tableLength - pairing.entries;
    });
    if (halves.length === pairedFrom) break;
  }
  return {
    cols,
    tableLength,
    pairs: concatenate(halves, 2 * (tableLength - cols)),
    units: level.units,
    codes: toRowMajor(level, rows),
  };
}

function firstLevel(columns: Uint32Array, groups: OneHotGroups): Level {
  const base = Array.from(groups.groupStart);
  const count = base.map((start, k) => groups.groupEnd[k] - start + 1);
  return { units: groups.groups, codes: columns, base, count };
}

/**
 * Pairs neighbouring units (0 with 1, 2 with 3, ...) wherever that creates at most `maxEntries`
 * entries, and returns the next level. The next level is written over the codes of this one,
 * because a unit's codes move only to the place of a unit that has already been read.
 * `addEntries` appends a pairing's entries to the table and returns the number of the first.
 */
function pairLevel(
  level: Level,
  rows: number,
  maxEntries: number,
  lookup: PairLookup,
  addEntries: (pairing: Pairing) => number,
): Level {
  const next: Level = { units: 0, codes: level.codes, base: [], count: [] };
  for (let unit = 0; unit < level.units; unit += 2) {
    const paired = unit + 1 < level.units;
    const pairing = paired ? pairUnits(level, unit, rows, maxEntries, lookup) : null;
    if (pairing) {
      const firstEntry = addEntries(pairing);
      writePairedUnit(next, rows, firstEntry, pairing);
    } else {
      moveUnits(level, unit, paired ? 2 : 1, next, rows);
    }
  }
  return next;
}

/**
 * Numbers the pairs of codes of units `unit` and `unit + 1` in the order rows first show them.
 * Returns null when there would be more than `maxEntries` of them.
 */
function pairUnits(
  level: Level,
  unit: number,
  rows: number,
  maxEntries: number,
  lookup: PairLookup,
): Pairing | null {
  const { codes } = level;
  const baseA = level.base[unit];
  const baseB = level.base[unit + 1];
  const countB = level.count[unit + 1];
  const keyCount = level.count[unit] * countB;
  if (keyCount > MAX_KEY) return null;
  lookup.begin(keyCount);

  const codesA = codes.subarray(unit * rows, (unit + 1) * rows);
  const codesB = codes.subarray((unit + 1) * rows, (unit + 2) * rows);
  const rowEntry = new Uint32Array(rows);
  const halves = new Uint32Array(2 * Math.min(maxEntries, rows));
  let entries = 0;
  let row = 0;
  for (; row < rows; row++) {
    const a = codesA[row];
    const b = codesB[row];
    let entry = lookup.findOrAdd((a - baseA) * countB + (b - baseB), entries);
    if (entry < 0) {
      if (entries === maxEntries) break;
      entry = entries++;
      halves[2 * entry] = a;
      halves[2 * entry + 1] = b;
    }
    rowEntry[row] = entry;
  }
  lookup.clear();
  if (row < rows) return null;
  return { entries, rowEntry, halves: halves.subarray(0, 2 * entries) };
}

function writePairedUnit(next: Level, rows: number, firstEntry: number, pairing: Pairing): void {
  const out = next.codes.subarray(next.units * rows, (next.units + 1) * rows);
  for (let row = 0; row < rows; row++) out[row] = firstEntry + pairing.rowEntry[row];
  next.base.push(firstEntry);
  next.count.push(pairing.entries);
  next.units++;
}

/** Moves `count` units from `unit` on, unchanged, to the next free slots of `next`. */
function moveUnits(level: Level, unit: number, count: number, next: Level, rows: number): void {
  if (next.units !== unit) {
    level.codes.copyWithin(next.units * rows, unit * rows, (unit + count) * rows);
  }
  for (let k = 0; k < count; k++) {
    next.base.push(level.base[unit + k]);
    next.count.push(level.count[unit + k]);
  }
  next.units += count;
}

/** Returns the codes row by row, as the kernels read them: row r's start at `r * units`. */
function toRowMajor(level: Level, rows: number): Uint32Array {
  const { codes, units } = level;
  const byRow = new Uint32Array(rows * units);
  for (let unit = 0; unit < units; unit++) {
    const unitCodes = codes.subarray(unit * rows, (unit + 1) * rows);
    for (let row = 0; row < rows; row++) byRow[row * units + unit] = unitCodes[row];
  }
  return byRow;
}

function concatenate(chunks: Uint32Array[], length: number): Uint32Array {
  const joined = new Uint32Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.length;
  }
  return joined;
}

/**
 * A map from non-negative 31-bit keys to entry numbers, reused for every pair of units: keys
 * below 2^16 index an array directly, larger ones go through an open-addressing hash table.
 * `clear` empties only the slots in use.
 */
class PairLookup {
  private readonly direct = new Int32Array(DIRECT_KEYS).fill(-1);
  private readonly keys: Int32Array;
  private readonly values: Int32Array;
  private readonly used: Int32Array;
  private usedCount = 0;
  private readonly mask: number;
  private readonly shift: number;
  private hashed = false;

  /** @param capacity most keys held at once */
  constructor(capacity: number) {
    const bits = Math.max(4, Math.ceil(Math.log2(2 * capacity + 2)));
    this.keys = new Int32Array(2 ** bits).fill(-1);
    this.values = new Int32Array(2 ** bits);
    this.used = new Int32Array(capacity + 1);
    this.mask = 2 ** bits - 1;
    this.shift = 32 - bits;
  }

  /** Prepares for keys below `keyCount`. */
  begin(keyCount: number): void {
    this.hashed = keyCount > DIRECT_KEYS;
  }

  /** Returns the value of `key`; when absent, stores `value` for it and returns -1. */
  findOrAdd(key: number, value: number): number {
    if (this.hashed) return this.findOrAddHashed(key, value);
    const found = this.direct[key];
    if (found >= 0 || this.usedCount === this.used.length) return found;
    this.direct[key] = value;
    this.used[this.usedCount++] = key;
    return -1;
  }

  private findOrAddHashed(key: number, value: number): number {
    // Fibonacci hashing: the top bits of key times 2^32 / golden ratio spread nearby keys apart.
    let slot = Math.imul(key, 0x9e3779b1) >>> this.shift;
    for (; this.keys[slot] !== -1; slot = (slot + 1) & this.mask) {
      if (this.keys[slot] === key) return this.values[slot];
    }
    if (this.usedCount === this.used.length) return -1;
    this.keys[slot] = key;
    this.values[slot] = value;
    this.used[this.usedCount++] = slot;
    return -1;
  }

  clear(): void {
    const table = this.hashed ? this.keys : this.direct;
    for (let k = 0; k < this.usedCount; k++) table[this.used[k]] = -1;
    this.usedCount = 0;
  }
}
