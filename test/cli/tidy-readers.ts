import { spawnSync } from "node:child_process";
import { DuckDBInstance } from "@duckdb/node-api";

/** Runs one SQL query in an in-memory DuckDB and returns its rows as objects. */
export async function query(sql: string): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    return (await connection.runAndReadAll(sql)).getRowObjects();
  } finally {
    connection.closeSync();
  }
}

/** Column name -> DuckDB type of a CSV as `read_csv` (auto-detection, one call) reads it. */
export async function csvColumnTypes(file: string): Promise<Record<string, string>> {
  const columns = await query(`describe select * from read_csv('${file}')`);
  return Object.fromEntries(columns.map((column) => [String(column.column_name), String(column.column_type)]));
}

/** Whether python3 with pandas is on this machine (the pandas checks are skipped when not). */
export const HAS_PANDAS = spawnSync("python3", ["-c", "import pandas"], { encoding: "utf8" }).status === 0;

/** What pandas' default `read_csv` makes of a file: rows, columns, dtypes, and the given column's values. */
export interface PandasView {
  rows: number;
  columns: string[];
  dtypes: Record<string, string>;
  values: unknown[];
}

/** Reads `file` with `pandas.read_csv(file)` (no options) and reports what it found. */
export function readWithPandas(file: string, column: string): PandasView {
  const script = [
    "import json, sys, pandas",
    "frame = pandas.read_csv(sys.argv[1])",
    "print(json.dumps({'rows': len(frame), 'columns': list(frame.columns), 'dtypes': {c: str(t) for c, t in frame.dtypes.items()}, 'values': frame[sys.argv[2]].tolist()}, default=str))",
  ].join("\n");
  const result = spawnSync("python3", ["-c", script, file, column], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`pandas could not read ${file}: ${result.stderr}`);
  return JSON.parse(result.stdout) as PandasView;
}
