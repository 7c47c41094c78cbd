import { readFileSync } from "node:fs";
import path from "node:path";
import { parseDocument } from "yaml";
import { describeValue } from "./format-issues.js";
import { mergeScenarioInputs, type RawScenario } from "./merge-scenario-inputs.js";
import { parseScenarioObject } from "./parse-scenario-object.js";
import { ScenarioError } from "./scenario-error.js";
import { scenarioHash } from "./scenario-hash.js";
import type { Scenario } from "./scenario-schema.js";

/** A validated scenario and where it came from. */
export interface LoadedScenario {
  /** The file as the user named it. */
  file: string;
  /** The validated scenario, every default filled in. */
  scenario: Scenario;
  /** {@link scenarioHash} of the scenario: the same content gives the same hash. */
  hash: string;
  /** Every file that contributed: the named file first, then its parent, its grandparent, ... */
  chain: string[];
}

/**
 * Reads a YAML scenario, resolves its `extends` chain (each parent path relative to the file
 * that names it; see {@link mergeScenarioInputs}) and validates the result.
 * Problems of a file of the chain (missing, bad YAML, not a mapping, a cycle) are reported
 * against that file; validation problems of the merged scenario against the named file.
 *
 * @throws {ScenarioError} listing every problem found, one line each.
 * @example
 * const { scenario, hash } = loadScenario("scenarios/baseline.yaml");
 */
export function loadScenario(file: string): LoadedScenario {
  const { raw, chain } = loadScenarioInput(file);
  const scenario = parseScenarioObject(file, raw);
  return { file, scenario, hash: scenarioHash(scenario), chain };
}

/**
 * The first half of {@link loadScenario}: reads the file and its `extends` chain and merges
 * them, without validating (a sweep changes fields of this raw scenario, then validates it).
 *
 * @throws {ScenarioError} for a missing file, bad YAML or a broken `extends` chain.
 */
export function loadScenarioInput(file: string): { raw: RawScenario; chain: string[] } {
  return loadChain(file, []);
}

function loadChain(file: string, children: string[]): { raw: RawScenario; chain: string[] } {
  const raw = readMapping(file, children.at(-1));
  const parentRef = raw.extends;
  if (parentRef === undefined) return { raw, chain: [file] };
  if (typeof parentRef !== "string" || parentRef.trim() === "") {
    throw new ScenarioError([`${file}: extends must be the path of a scenario file, got ${describeValue(parentRef)}`]);
  }
  const parentFile = path.isAbsolute(parentRef) ? parentRef : path.join(path.dirname(file), parentRef);
  const visited = [...children, file];
  if (visited.some((seen) => path.resolve(seen) === path.resolve(parentFile))) {
    throw new ScenarioError([`${file}: extends cycle: ${[...visited, parentFile].join(" -> ")}`]);
  }
  const parent = loadChain(parentFile, visited);
  return { raw: mergeScenarioInputs(parent.raw, raw), chain: [file, ...parent.chain] };
}

function readMapping(file: string, extendedBy: string | undefined): RawScenario {
  const value = parseYaml(file, readText(file, extendedBy));
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new ScenarioError([`${file}: the top level must be a mapping, got ${describeValue(value ?? undefined)}`]);
  }
  return value as RawScenario;
}

function readText(file: string, extendedBy: string | undefined): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "file not found" : `cannot read the file (${code ?? String(error)})`;
    throw new ScenarioError([`${file}: ${reason}${extendedBy ? ` (extended by ${extendedBy})` : ""}`]);
  }
}

function parseYaml(file: string, text: string): unknown {
  const document = parseDocument(text);
  if (document.errors.length > 0) {
    throw new ScenarioError(
      document.errors.map((error) => {
        const position = error.linePos?.[0];
        const where = position ? ` at line ${position.line}, column ${position.col}` : "";
        const short = error.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
        return `${file}: YAML syntax error${where}: ${short}`;
      }),
    );
  }
  try {
    return document.toJS();
  } catch (error) {
    throw new ScenarioError([`${file}: YAML error: ${(error as Error).message}`]);
  }
}
