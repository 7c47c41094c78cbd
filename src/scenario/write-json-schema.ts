import { writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { scenarioJsonSchemaText } from "./json-schema.js";

/** Where the scenario JSON Schema is kept, relative to the package root. */
export const SCENARIO_SCHEMA_FILE = "scenarios/schema.json";

/**
 * Writes the scenario JSON Schema to `file`. Run from the package root after a build:
 * `node dist/src/scenario/write-json-schema.js [file]` (default `scenarios/schema.json`).
 */
export function writeJsonSchema(file: string = SCENARIO_SCHEMA_FILE): void {
  writeFileSync(file, scenarioJsonSchemaText());
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const file = process.argv[2] ?? SCENARIO_SCHEMA_FILE;
  writeJsonSchema(file);
  console.log(`wrote ${file}`);
}
