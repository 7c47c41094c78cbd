import { z } from "zod";
import { scenarioSchema } from "./scenario-schema.js";

/** The `$id` of the scenario JSON Schema. */
export const SCENARIO_SCHEMA_ID = "urn:offersim:scenario";

type JsonObject = Record<string, unknown>;

/**
 * The JSON Schema (draft 2020-12) of a scenario file as people write it: the input side of the
 * zod schema, so fields with defaults are optional. A file with `extends` is a partial scenario:
 * it may leave out `name`, and its offers need only an `id` (to override a parent's offer).
 * Checks JSON Schema cannot express (plan shares summing to 1, unique offer ids, ...) are left
 * to the loader. Editors pick it up through the `$schema` field.
 */
export function scenarioJsonSchema(): JsonObject {
  const { $schema, ...generated } = z.toJSONSchema(scenarioSchema, { io: "input", unrepresentable: "any" }) as JsonObject;
  const schema: JsonObject = {
    $schema,
    $id: SCENARIO_SCHEMA_ID,
    title: "offersim scenario",
    description: "A simulated telecom world, its offer catalogue and its scheduled events.",
    ...generated,
  };
  relaxRequiredForChildren(schema);
  return schema;
}

/** {@link scenarioJsonSchema} as the text of `scenarios/schema.json`: 2-space JSON and a final newline. */
export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}

/** Moves what only a complete scenario must have under `if extends ... else required`. */
function relaxRequiredForChildren(schema: JsonObject): void {
  const offerItems = ((schema.properties as JsonObject).offers as JsonObject).items as JsonObject;
  const offerRequired = offerItems.required;
  const scenarioRequired = schema.required;
  offerItems.required = ["id"];
  delete schema.required;
  schema.if = { required: ["extends"] };
  schema.else = { required: scenarioRequired, properties: { offers: { items: { required: offerRequired } } } };
}
