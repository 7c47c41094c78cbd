import type { LogColumnValues } from "./decision-log-columns.js";
import { numberDictionary } from "./number-dictionary.js";

/** The body of one column chunk's data page, and the dictionary page's body for text. */
export interface EncodedColumn {
  readonly body: Uint8Array;
  readonly encoding: "PLAIN" | "RLE_DICTIONARY";
  readonly dictionary?: { readonly bytes: Uint8Array; readonly count: number };
}

const dictionaries = new WeakMap<readonly string[], Uint8Array>();

/**
 * Encodes one column's values as a Parquet page body: numbers with at most 256 distinct values
 * in the row group as a dictionary (numberDictionary), other numbers PLAIN (little-endian, the
 * typed array's own bytes, no copy), booleans PLAIN (bit-packed, first row in the lowest bit),
 * text as a PLAIN dictionary of `names` and RLE_DICTIONARY indexes (one bit-packed run, the
 * codes being the indexes). The returned body may be a view of a buffer the next call reuses.
 */
export function encodeColumnPage(column: LogColumnValues): EncodedColumn {
  if (column.kind === "numbers") {
    const { values } = column;
    const dictionary = numberDictionary(values);
    if (dictionary) return { body: dictionaryIndexes(dictionary.indexes, dictionary.count), encoding: "RLE_DICTIONARY", dictionary: { bytes: dictionary.entries, count: dictionary.count } };
    return { body: new Uint8Array(values.buffer, values.byteOffset, values.byteLength), encoding: "PLAIN" };
  }
  if (column.kind === "flags") return { body: packBits(column.values, 1, 0), encoding: "PLAIN" };
  const { names, values } = column;
  return { body: dictionaryIndexes(values, names.length), encoding: "RLE_DICTIONARY", dictionary: { bytes: dictionaryBytes(names), count: names.length } };
}

/** An RLE_DICTIONARY page body: the bit width, then the indexes as one bit-packed run. */
function dictionaryIndexes(indexes: ArrayLike<number>, entries: number): Uint8Array {
  const bitWidth = Math.max(1, Math.ceil(Math.log2(entries)));
  const groups = Math.ceil(indexes.length / 8);
  const prefix = [bitWidth, ...varint((groups << 1) | 1)];
  const body = packBits(indexes, bitWidth, prefix.length);
  body.set(prefix, 0);
  return body;
}

let scratch = new Uint8Array(0);

/** Packs `values` at `bitWidth` bits each, lowest bit first, after `skip` bytes; groups of 8 values padded with zeros. */
function packBits(values: ArrayLike<number>, bitWidth: number, skip: number): Uint8Array {
  const bytes = skip + Math.ceil(values.length / 8) * bitWidth;
  if (scratch.length < bytes) scratch = new Uint8Array(Math.max(bytes, scratch.length * 2));
  const out = scratch.subarray(0, bytes);
  out.fill(0);
  const count = values.length;
  if (bitWidth === 1) {
    for (let k = 0; k < count; k++) out[skip + (k >> 3)] |= (values[k] & 1) << (k & 7);
    return out;
  }
  for (let k = 0, bit = skip * 8; k < count; k++, bit += bitWidth) {
    const value = values[k];
    const at = bit >> 3;
    const shift = bit & 7;
    out[at] |= (value << shift) & 0xff;
    if (shift + bitWidth > 8) out[at + 1] |= (value >> (8 - shift)) & 0xff;
    if (shift + bitWidth > 16) out[at + 2] |= (value >> (16 - shift)) & 0xff;
  }
  return out;
}

/** PLAIN BYTE_ARRAY: per name a 4-byte little-endian length and its UTF-8 bytes. */
function dictionaryBytes(names: readonly string[]): Uint8Array {
  const cached = dictionaries.get(names);
  if (cached) return cached;
  const encoder = new TextEncoder();
  const encoded = names.map((name) => encoder.encode(name));
  const out = new Uint8Array(encoded.reduce((sum, bytes) => sum + 4 + bytes.length, 0));
  const view = new DataView(out.buffer);
  let at = 0;
  for (const bytes of encoded) {
    view.setUint32(at, bytes.length, true);
    out.set(bytes, at + 4);
    at += 4 + bytes.length;
  }
  dictionaries.set(names, out);
  return out;
}

function varint(value: number): number[] {
  const out: number[] = [];
  while (value > 0x7f) {
    out.push((value & 0x7f) | 0x80);
    value >>>= 7;
  }
  out.push(value);
  return out;
}
