import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SCENARIO_SCHEMA_ID, scenarioJsonSchema, scenarioJsonSchemaText } from "../../src/scenario/index.js";

const SCHEMA_FILE = new URL("../../scenarios/schema.json", import.meta.url);

describe("scenario JSON Schema", () => {
  it("scenarios/schema.json is up to date with the zod schema", () => {
    const committed = readFileSync(SCHEMA_FILE, "utf8");
    expect(
      committed === scenarioJsonSchemaText(),
      "scenarios/schema.json is stale: run `npx tsc -p tsconfig.build.json && node dist/src/scenario/write-json-schema.js`",
    ).toBe(true);
  });

  it("describes the input side: fields with defaults are optional", () => {
    const schema = scenarioJsonSchema() as { $id: string; properties: Record<string, { default?: unknown }>; else: { required: string[] } };
    expect(schema.$id).toBe(SCENARIO_SCHEMA_ID);
    expect(schema.properties.seed.default).toBe(1);
    expect(schema.else.required).toEqual(["name"]);
  });
});
