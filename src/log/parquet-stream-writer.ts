import { closeSync, openSync, writeSync } from "node:fs";
import { endianness } from "node:os";
import { ByteWriter } from "hyparquet-writer";
import { writePageHeader } from "hyparquet-writer/src/datapage.js";
import { writeMetadata } from "hyparquet-writer/src/metadata.js";
import type { LogColumnValues } from "./decision-log-columns.js";
import { encodeColumnPage } from "./parquet-page.js";

// hyparquet-writer's own hyparquet types (it pins a version of its own).
type PageHeader = Parameters<typeof writePageHeader>[1];
type FileMetaData = Parameters<typeof writeMetadata>[1];
type SchemaElement = FileMetaData["schema"][number];
type RowGroup = FileMetaData["row_groups"][number];
type ColumnChunk = RowGroup["columns"][number];
type Encoding = NonNullable<PageHeader["data_page_header"]>["encoding"];
export type CompressionCodec = NonNullable<ColumnChunk["meta_data"]>["codec"];

/** One flat, required column of the file: its name and Parquet physical type. */
export interface ParquetColumnSpec {
  readonly name: string;
  readonly type: "BYTE_ARRAY" | "INT32" | "INT64" | "FLOAT" | "DOUBLE" | "BOOLEAN";
  /** Marks a BYTE_ARRAY column as UTF-8 text. */
  readonly text?: boolean;
}

/** A page compressor: the whole page in, the compressed page out (a codec's format). */
export type PageCompressor = (page: Uint8Array) => Uint8Array;

export interface ParquetStream {
  /** Appends one row group: one value set per column, in schema order, all of the same length. */
  writeRowGroup(columns: readonly LogColumnValues[]): void;
  /** Writes the footer and closes the file. */
  finish(): void;
  /** Closes the file without a footer (the caller removes it); nothing once closed. */
  close(): void;
}

const MAGIC = Uint8Array.of(0x50, 0x41, 0x52, 0x31); // "PAR1"

/**
 * A Parquet writer for flat, required columns that are already typed arrays, row group by row
 * group straight to a file descriptor: each column chunk is one data page (v1), PLAIN for
 * booleans and for numbers with many distinct values, a dictionary page and RLE_DICTIONARY
 * indexes for text and for numbers with few (parquet-page.ts), compressed by
 * `compress` under `codec`. PLAIN page bodies are views of the caller's arrays; only the page
 * headers and the footer go through hyparquet-writer's Thrift encoder. Nothing is held between
 * row groups but their metadata.
 */
export function openParquetStream(file: string, columns: readonly ParquetColumnSpec[], codec: CompressionCodec, compress: PageCompressor | null): ParquetStream {
  if (endianness() !== "LE") throw new Error("the Parquet log writer needs a little-endian machine");
  const fd = openSync(file, "w");
  let open = true;
  let offset = 0;
  const append = (bytes: Uint8Array) => {
    writeSync(fd, bytes);
    offset += bytes.length;
  };
  const header = new ByteWriter(256);
  /** Writes a page: its header, then its (compressed) body; returns [uncompressed, written] bytes. */
  const page = (type: "DATA_PAGE" | "DICTIONARY_PAGE", body: Uint8Array, values: number, encoding: Encoding): [number, number] => {
    const stored = compress ? compress(body) : body;
    header.index = 0;
    header.offset = 0;
    writePageHeader(header, {
      type,
      uncompressed_page_size: body.length,
      compressed_page_size: stored.length,
      ...(type === "DATA_PAGE"
        ? { data_page_header: { num_values: values, encoding, definition_level_encoding: "RLE", repetition_level_encoding: "RLE" } }
        : { dictionary_page_header: { num_values: values, encoding: "PLAIN" } }),
    });
    const headerBytes = header.getBytes();
    append(headerBytes);
    append(stored);
    return [headerBytes.length + body.length, headerBytes.length + stored.length];
  };
  const schema: SchemaElement[] = [
    { name: "root", num_children: columns.length },
    ...columns.map((column) => ({ name: column.name, type: column.type, repetition_type: "REQUIRED" as const, ...(column.text ? { converted_type: "UTF8" as const } : {}) })),
  ];
  const rowGroups: RowGroup[] = [];
  let totalRows = 0n;
  append(MAGIC);
  return {
    writeRowGroup(values) {
      const rows = values[0]?.values.length ?? 0;
      const groupStart = offset;
      const chunks: ColumnChunk[] = [];
      let uncompressedBytes = 0;
      values.forEach((value, c) => {
        const spec = columns[c];
        if (value.values.length !== rows) throw new Error(`column ${spec.name} has ${value.values.length} values, the row group ${rows}`);
        const chunkStart = offset;
        const encoded = encodeColumnPage(value);
        let uncompressed = 0;
        let dictionaryOffset: bigint | undefined;
        if (encoded.dictionary) {
          dictionaryOffset = BigInt(offset);
          uncompressed += page("DICTIONARY_PAGE", encoded.dictionary.bytes, encoded.dictionary.count, "PLAIN")[0];
        }
        const dataOffset = BigInt(offset);
        uncompressed += page("DATA_PAGE", encoded.body, rows, encoded.encoding)[0];
        uncompressedBytes += uncompressed;
        chunks.push({
          file_offset: BigInt(chunkStart),
          meta_data: {
            type: spec.type,
            encodings: encoded.dictionary ? ["PLAIN", "RLE", "RLE_DICTIONARY"] : ["PLAIN", "RLE"],
            path_in_schema: [spec.name],
            codec,
            num_values: BigInt(rows),
            total_uncompressed_size: BigInt(uncompressed),
            total_compressed_size: BigInt(offset - chunkStart),
            data_page_offset: dataOffset,
            dictionary_page_offset: dictionaryOffset,
          },
        });
      });
      rowGroups.push({ columns: chunks, total_byte_size: BigInt(uncompressedBytes), num_rows: BigInt(rows), file_offset: BigInt(groupStart), total_compressed_size: BigInt(offset - groupStart) });
      totalRows += BigInt(rows);
    },
    finish() {
      const footer = new ByteWriter(1 << 16);
      writeMetadata(footer, { version: 1, schema, num_rows: totalRows, row_groups: rowGroups, metadata_length: 0, created_by: "offersim" });
      footer.appendBytes(MAGIC);
      append(footer.getBytes());
      this.close();
    },
    close() {
      if (open) closeSync(fd);
      open = false;
    },
  };
}
