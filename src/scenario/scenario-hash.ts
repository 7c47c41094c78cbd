import { createHash } from "node:crypto";
import type { Scenario } from "./scenario-schema.js";

/**
 * A short fingerprint of a validated scenario: the first 16 hex digits of the SHA-256 of its
 * canonical JSON (object keys sorted at every depth). Key order, comments, YAML layout and how
 * the content was split over `extends` files do not change it; any value does. `$schema` (an
 * editor hint) is left out.
 *
 * @example
 * scenarioHash(loadScenario("scenarios/baseline.yaml").scenario); // "3f9a0c2d41b7e865"
 */
export function scenarioHash(scenario: Scenario): string {
  const { $schema: _editorHint, ...content } = scenario;
  return createHash("sha256").update(canonicalJson(content)).digest("hex").slice(0, 16);
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}
