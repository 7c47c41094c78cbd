import { stringify } from "csv-stringify/sync";
import type { ExperimentResults } from "./build-results.js";
import { spreadsheetSafe } from "./spreadsheet-safe.js";
import { tidyTables, type TidyCell, type TidyTable } from "./tidy-tables.js";

/** The tidy CSV files of a run folder, beside summary.csv (docs/kpis.md#tidy-csv-files). */
export const TIDY_CSV_FILES = ["kpis.csv", "paired.csv", "series.csv", "programs.csv"] as const;

/** A run's tidy tables as CSV text, by file name. */
export function tidyCsvFiles(results: ExperimentResults): Record<string, string> {
  return Object.fromEntries(Object.entries(tidyTables(results)).map(([name, table]) => [name, tidyCsv(table)]));
}

/**
 * A tidy table as RFC 4180 CSV, written by csv-stringify: a header row, `\n` between records,
 * a field quoted when it holds a comma, a quote or a line break. Text cells are made
 * spreadsheet-safe (no formula from a policy called "=..."); numbers are written as JavaScript
 * prints them (the shortest text that reads back the same double), booleans as true/false.
 */
export function tidyCsv(table: TidyTable): string {
  const cell = (value: TidyCell) => (typeof value === "string" ? spreadsheetSafe(value) : typeof value === "boolean" ? String(value) : value);
  return stringify([table.header.map((name) => spreadsheetSafe(name)), ...table.rows.map((row) => row.map(cell))], { record_delimiter: "\n" });
}
