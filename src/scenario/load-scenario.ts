import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parseDocument } from "yaml";
import { describeValue } from "./format-issues.js";
import { mergeScenarioInputs, type RawScenario } from "./merge-scenario-inputs.js";
import { parseScenarioObject } from "./parse-scenario-object.js";
import { InputError } from "../input-error.js";
import { scenarioHash } from "./scenario-hash.js";
import { scenarioSchema, type Scenario } from "./scenario-schema.js";

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
 * @throws {InputError} listing every problem found, one line each.
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
 * @throws {InputError} for a missing file, bad YAML or a broken `extends` chain.
 */
export function loadScenarioInput(file: string): { raw: RawScenario; chain: string[] } {
  return loadChain(file, []);
}

/** Largest scenario file read (the shipped ones are under 10 KB): a bigger one is refused before it is parsed. */
export const MAX_SCENARIO_BYTES = 1024 * 1024;
const SCENARIO_EXTENSION = /\.ya?ml$/i;
/** The top-level fields of a scenario: a parent with others is not quoted back (it may be any file). */
const SCENARIO_FIELDS = new Set(Object.keys(scenarioSchema.shape));

function loadChain(file: string, children: string[]): { raw: RawScenario; chain: string[] } {
  const raw = readMapping(file, children.at(-1));
  checkUniqueOfferIds(file, raw);
  const parentRef = raw.extends;
  if (parentRef === undefined) return { raw, chain: [file] };
  if (typeof parentRef !== "string" || parentRef.trim() === "" || !SCENARIO_EXTENSION.test(parentRef)) {
    throw new InputError([`${file}: extends must be the path of a scenario file (.yaml or .yml), got ${describeValue(parentRef)}`]);
  }
  const parentFile = path.isAbsolute(parentRef) ? parentRef : path.join(path.dirname(file), parentRef);
  const visited = [...children, file];
  if (visited.some((seen) => path.resolve(seen) === path.resolve(parentFile))) {
    throw new InputError([`${file}: extends cycle: ${[...visited, parentFile].join(" -> ")}`]);
  }
  const parent = loadChain(parentFile, visited);
  return { raw: mergeScenarioInputs(parent.raw, raw), chain: [file, ...parent.chain] };
}

/**
 * A file of the chain as a raw mapping. What is not a mapping is described by its kind only for a
 * parent (a file named by `extends` may be anything on disk: its content is never echoed), with a
 * short escaped excerpt for the file the user named.
 */
function readMapping(file: string, extendedBy: string | undefined): RawScenario {
  const value = parseYaml(file, readText(file, extendedBy));
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    const found = extendedBy === undefined ? describeValue(value ?? undefined) : describeKind(value);
    throw new InputError([`${file}: the top level must be a mapping${extendedBy ? ` (extended by ${extendedBy})` : ""}, got ${found}`]);
  }
  const unknown = extendedBy === undefined ? [] : Object.keys(value).filter((key) => !SCENARIO_FIELDS.has(key));
  if (unknown.length > 0) {
    throw new InputError([
      `${file}: the top level must hold only scenario fields (extended by ${extendedBy}), got ${unknown.length} other field${unknown.length === 1 ? "" : "s"}; offersim validate ${file} names them`,
    ]);
  }
  return value as RawScenario;
}

function describeKind(value: unknown): string {
  if (value === null || value === undefined) return "nothing";
  if (Array.isArray(value)) return "a list";
  return typeof value === "string" ? "text" : `a ${typeof value}`;
}

/** Only regular files of at most MAX_SCENARIO_BYTES: never a device, a FIFO or /proc's endless files. */
function readText(file: string, extendedBy: string | undefined): string {
  const by = extendedBy ? ` (extended by ${extendedBy})` : "";
  try {
    const stats = statSync(file);
    if (!stats.isFile()) throw new InputError([`${file}: a scenario must be a regular file${by}, got ${stats.isDirectory() ? "a folder" : "a device or other special file"}`]);
    const tooBig = (bytes: number) => new InputError([`${file}: a scenario file must be at most ${MAX_SCENARIO_BYTES} bytes${by}, got ${bytes}`]);
    if (stats.size > MAX_SCENARIO_BYTES) throw tooBig(stats.size);
    // Some files (/proc's) report size 0 whatever they hold: checked again once read.
    const text = readFileSync(file, "utf8");
    if (Buffer.byteLength(text) > MAX_SCENARIO_BYTES) throw tooBig(Buffer.byteLength(text));
    return text;
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "file not found" : `cannot read the file (${code ?? String(error)})`;
    throw new InputError([`${file}: ${reason}${by}`]);
  }
}

/**
 * Within one file an offer id may appear once: `extends` merges a child's offer onto the parent's
 * of the same id, which would otherwise silently merge two offers of the same file too.
 */
function checkUniqueOfferIds(file: string, raw: RawScenario): void {
  if (!Array.isArray(raw.offers)) return;
  const first = new Map<unknown, number>();
  const problems: string[] = [];
  raw.offers.forEach((offer: unknown, index) => {
    const id = typeof offer === "object" && offer !== null ? (offer as Record<string, unknown>).id : undefined;
    if (typeof id !== "string") return;
    const seen = first.get(id);
    if (seen !== undefined) problems.push(`${file}: offers[${index}].id must be unique, got ${JSON.stringify(id)} again (first at offers[${seen}])`);
    else first.set(id, index);
  });
  if (problems.length > 0) throw new InputError(problems);
}

function parseYaml(file: string, text: string): unknown {
  const document = parseDocument(text);
  if (document.errors.length > 0) {
    throw new InputError(
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
    throw new InputError([`${file}: YAML error: ${(error as Error).message}`]);
  }
}
