import { closeSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import type { DecisionLog } from "./decision-log.js";
import type { DecisionLogSink } from "./decision-log-sink.js";
import type { LogColumn, LogColumnValues } from "./decision-log-columns.js";

/**
 * Writes a decision log as CSV (RFC 4180: a header row, text quoted when it holds a comma, a
 * quote or a line break), appended group by group. Booleans are written true/false, NaN as
 * NaN. Written to `file + ".tmp"` and renamed by `close`.
 */
export function csvDecisionSink(file: string, columns: readonly LogColumn[]): DecisionLogSink {
  const partial = `${file}.tmp`;
  const fd = openSync(partial, "w");
  writeSync(fd, columns.map((column) => csvField(column.name)).join(",") + "\n");
  return {
    write(log: DecisionLog, rows: number) {
      const values = columns.map((column) => column.values(log, rows));
      const lines: string[] = new Array(rows);
      for (let k = 0; k < rows; k++) lines[k] = values.map((column) => csvField(cell(column, k))).join(",");
      writeSync(fd, lines.join("\n") + "\n");
    },
    close() {
      closeSync(fd);
      renameSync(partial, file);
    },
    abort() {
      closeSync(fd);
      rmSync(partial, { force: true });
    },
  };
}

/** Row k of a column as a JavaScript value: a number, a boolean or a string. */
function cell(column: LogColumnValues, k: number): unknown {
  if (column.kind === "flags") return column.values[k] === 1;
  if (column.kind === "codes") return column.names[column.values[k]];
  return column.values[k];
}

/** One CSV field. */
export function csvField(value: unknown): string {
  const text = String(value);
  return typeof value === "string" && /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
