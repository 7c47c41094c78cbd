import { describeValue } from "./format-issues.js";
import type { RawScenario } from "./merge-scenario-inputs.js";

/** One step of a scenario path: a mapping key, a list index, or the first list item whose `key` is `value`. */
export type PathStep =
  | { kind: "key"; key: string }
  | { kind: "index"; index: number }
  | { kind: "match"; key: string; value: string };

const SEGMENT = /^([A-Za-z_$][\w$-]*)((?:\[[^\][]+\])*)$/;
const BRACKET = /\[([^\][]+)\]/g;

/**
 * Parses a dotted scenario path: keys separated by dots, each optionally followed by list
 * selectors, `[3]` (an index) or `[id=retention-discount-call]` (the first item whose field has
 * that value). Returns null when the text is not such a path.
 *
 * @example
 * parseScenarioPath("offers[id=data-boost-sms].price");
 * // [{ kind: "key", key: "offers" }, { kind: "match", key: "id", value: "data-boost-sms" }, { kind: "key", key: "price" }]
 */
export function parseScenarioPath(text: string): PathStep[] | null {
  const steps: PathStep[] = [];
  for (const segment of text.split(".")) {
    const match = SEGMENT.exec(segment);
    if (!match) return null;
    steps.push({ kind: "key", key: match[1] });
    for (const [, inside] of match[2].matchAll(BRACKET)) {
      const equals = inside.indexOf("=");
      if (equals < 0) {
        if (!/^\d+$/.test(inside)) return null;
        steps.push({ kind: "index", index: Number(inside) });
      } else {
        const key = inside.slice(0, equals).trim();
        const value = inside.slice(equals + 1).trim();
        if (!/^[A-Za-z_$][\w$-]*$/.test(key) || value === "") return null;
        steps.push({ kind: "match", key, value });
      }
    }
  }
  return steps;
}

/**
 * A copy of the raw (merged, not yet validated) scenario with the value at `steps` replaced.
 * Missing mappings on the way are created (a section the file leaves to its defaults); lists
 * must exist and the selected item must be there. Validation of the result is the caller's.
 *
 * @returns the new scenario, or a problem (`no item of offers has id "x" (ids: a, b, ...)`).
 */
export function setScenarioPath(raw: RawScenario, steps: readonly PathStep[], value: unknown): { scenario: RawScenario } | { problem: string } {
  const root = structuredClone(raw);
  let container: unknown = root;
  let where = "";
  for (let s = 0; s < steps.length; s++) {
    const step = steps[s];
    const last = s === steps.length - 1;
    if (step.kind === "key") {
      if (!isMapping(container)) return { problem: `${where || "the top level"} is not a mapping, got ${describeValue(container)}` };
      where = where ? `${where}.${step.key}` : step.key;
      if (last) {
        setOwn(container, step.key, value);
        break;
      }
      if (!Object.hasOwn(container, step.key) || container[step.key] === undefined) {
        if (steps[s + 1].kind !== "key") return { problem: `${where} is not a list in this scenario, got nothing` };
        setOwn(container, step.key, {});
      }
      container = container[step.key];
      continue;
    }
    if (!Array.isArray(container)) return { problem: `${where} is not a list, got ${describeValue(container)}` };
    const index = step.kind === "index" ? step.index : container.findIndex((item) => isMapping(item) && String(item[step.key]) === step.value);
    if (step.kind === "index" && index >= container.length) {
      return { problem: `${where}[${index}] is out of range: ${where} has ${container.length} item${container.length === 1 ? "" : "s"}` };
    }
    if (index < 0 && step.kind === "match") {
      const known = container.filter(isMapping).map((item) => String(item[step.key])).filter((text) => text !== "undefined");
      const hint = known.length > 0 ? ` (${step.key}s: ${known.slice(0, 12).join(", ")}${known.length > 12 ? ", ..." : ""})` : "";
      return { problem: `no item of ${where} has ${step.key} "${step.value}"${hint}` };
    }
    where = `${where}[${index}]`;
    if (last) {
      container[index] = value;
      break;
    }
    container = container[index];
  }
  return { scenario: root };
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
