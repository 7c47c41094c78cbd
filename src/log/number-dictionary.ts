/** A column's distinct values (their bytes, in order of first appearance) and each row's index into them. */
export interface NumberDictionary {
  /** One index per row (valid until the next call: a reused buffer). */
  readonly indexes: Uint8Array;
  /** The distinct values' little-endian bytes, as a PLAIN dictionary page holds them. */
  readonly entries: Uint8Array;
  readonly count: number;
}

/** At most this many distinct values: indexes then fit a byte, and pay against 4 or 8 bytes a value. */
export const MAX_DICTIONARY_ENTRIES = 256;

const TABLE_SIZE = 1024; // power of two, four times the entries: short probes
const table = new Int16Array(TABLE_SIZE);
let indexes = new Uint8Array(0);
const entryWords = new Uint32Array(MAX_DICTIONARY_ENTRIES * 2);

/**
 * The dictionary of a numeric column when it has at most MAX_DICTIONARY_ENTRIES distinct values
 * (compared bit for bit: NaN equals NaN, -0 differs from 0), else null, found as soon as one
 * value too many appears. Many logged columns are flags or small counts kept as numbers (plan
 * flags, the bias feature, the action, the day within a row group): their dictionary indexes
 * are a byte or less where PLAIN takes 4 or 8, which also leaves the compressor less to do.
 */
export function numberDictionary(values: Int32Array | Float32Array | Float64Array | BigInt64Array): NumberDictionary | null {
  const width = values.BYTES_PER_ELEMENT >> 2; // 32-bit words per value: 1 or 2
  const words = new Uint32Array(values.buffer, values.byteOffset, values.length * width);
  const rows = values.length;
  if (indexes.length < rows) indexes = new Uint8Array(rows);
  table.fill(-1);
  let count = 0;
  for (let k = 0; k < rows; k++) {
    const low = words[k * width];
    const high = width === 2 ? words[k * width + 1] : 0;
    let slot = (Math.imul(low ^ Math.imul(high, 0x9e3779b1), 0x85ebca6b) >>> 22) & (TABLE_SIZE - 1);
    let entry = table[slot];
    while (entry >= 0 && (entryWords[entry * 2] !== low || entryWords[entry * 2 + 1] !== high)) {
      slot = (slot + 1) & (TABLE_SIZE - 1);
      entry = table[slot];
    }
    if (entry < 0) {
      if (count === MAX_DICTIONARY_ENTRIES) return null;
      entry = count++;
      table[slot] = entry;
      entryWords[entry * 2] = low;
      entryWords[entry * 2 + 1] = high;
    }
    indexes[k] = entry;
  }
  const entries = new Uint32Array(count * width);
  for (let e = 0; e < count; e++) {
    entries[e * width] = entryWords[e * 2];
    if (width === 2) entries[e * width + 1] = entryWords[e * 2 + 1];
  }
  return { indexes: indexes.subarray(0, rows), entries: new Uint8Array(entries.buffer), count };
}
