import { parse as parseYamlValue } from "yaml";
import { InputError } from "../input-error.js";
import type { RawScenario } from "../scenario/merge-scenario-inputs.js";
import { parseScenarioObject } from "../scenario/parse-scenario-object.js";
import { parseScenarioPath, setScenarioPath, type PathStep } from "../scenario/scenario-path.js";
import { scenarioHash } from "../scenario/scenario-hash.js";
import type { Scenario } from "../scenario/scenario-schema.js";

/** One swept parameter: a `--set PATH=V1,V2,...` flag. */
export interface SweepParameter {
  /** The flag as typed, for messages: `--set contactPolicy.maxContactsPerWeek=1,2,3`. */
  flag: string;
  path: string;
  steps: PathStep[];
  /** The values in the order given, each parsed as a YAML scalar (`2` a number, `true` a boolean, `all` a string). */
  values: (string | number | boolean)[];
}

/** One point of the grid: a validated scenario with one value of every parameter. */
export interface SweepVariant {
  /** Folder-safe and unique: `maxContactsPerWeek=1_price=5`. */
  name: string;
  /** Path -> value of this variant, in parameter order. */
  values: Record<string, string | number | boolean>;
  scenario: Scenario;
  hash: string;
}

/** At most this many variants: a sweep is run in full before anything is written. */
export const MAX_VARIANTS = 200;

/** Paths a --set cannot change, with the flag that does it instead. */
const RESERVED: Record<string, string> = {
  policies: "--policies",
  extends: "a different scenario file",
  name: "nothing (variants are named after their values)",
};

/**
 * Parses `--set` flags: `PATH=V1,V2,...`, where PATH is a dotted scenario path with list
 * selectors (`offers[id=retention-discount-call].price`, `events[0].intensity`).
 *
 * @throws {InputError} one line per bad flag, naming it, what was expected and what was found.
 */
export function parseSetFlags(texts: readonly string[]): SweepParameter[] {
  if (texts.length === 0) throw new InputError("--set must be given at least once, as --set PATH=V1,V2 (e.g. --set contactPolicy.maxContactsPerWeek=1,2,3)");
  const problems: string[] = [];
  const parameters: SweepParameter[] = [];
  for (const text of texts) {
    const flag = `--set ${text}`;
    const equals = text.indexOf("=", text.lastIndexOf("]") + 1);
    if (equals <= 0) {
      problems.push(`${flag}: must be PATH=V1,V2,... (a dotted scenario path, then the values), got no "=" after the path`);
      continue;
    }
    const path = text.slice(0, equals).trim();
    const steps = parseScenarioPath(path);
    if (steps === null) {
      problems.push(`${flag}: PATH must be dotted keys with optional [index] or [key=value] selectors (e.g. offers[id=data-boost-sms].price), got "${path}"`);
      continue;
    }
    const reserved = RESERVED[path.split(/[.[]/)[0]];
    if (reserved) {
      problems.push(`${flag}: ${path} cannot be swept; use ${reserved}`);
      continue;
    }
    const texts = text.slice(equals + 1).split(",").map((value) => value.trim());
    if (texts.some((value) => value === "")) {
      problems.push(`${flag}: values must be a comma-separated list without empty items, got "${text.slice(equals + 1)}"`);
      continue;
    }
    const values = texts.map(parseValue);
    const notFinite = texts.find((_, index) => typeof values[index] === "number" && !Number.isFinite(values[index]));
    if (notFinite !== undefined) {
      problems.push(`${flag}: values must be finite numbers, true/false or text, got ${JSON.stringify(notFinite)}`);
      continue;
    }
    const duplicate = values.find((value, index) => values.indexOf(value) !== index);
    if (duplicate !== undefined) {
      problems.push(`${flag}: each value must appear once, got ${JSON.stringify(duplicate)} twice`);
      continue;
    }
    if (parameters.some((parameter) => parameter.path === path)) {
      problems.push(`${flag}: ${path} is already swept by an earlier --set`);
      continue;
    }
    parameters.push({ flag, path, steps, values });
  }
  if (problems.length > 0) throw new InputError(problems);
  return parameters;
}

function parseValue(text: string): string | number | boolean {
  try {
    const value: unknown = parseYamlValue(text);
    if (typeof value === "number" || typeof value === "boolean" || typeof value === "string") return value;
  } catch {
    // not a YAML scalar: keep the text
  }
  return text;
}

/**
 * Every combination of the parameters' values (the first parameter varies slowest), each laid
 * over the raw scenario and validated with the scenario schema. Nothing runs until every variant
 * is valid.
 *
 * @throws {InputError} naming the --set flag, the path and what was expected, for every bad value.
 */
export function buildSweepVariants(file: string, raw: RawScenario, parameters: readonly SweepParameter[]): SweepVariant[] {
  const total = parameters.reduce((product, parameter) => product * parameter.values.length, 1);
  if (total > MAX_VARIANTS) {
    throw new InputError(`--set: the grid must have at most ${MAX_VARIANTS} variants, got ${parameters.map((p) => p.values.length).join(" x ")} = ${total}`);
  }
  const names = variantKeys(parameters);
  const problems = new ProblemsByValue(parameters);
  const variants: SweepVariant[] = [];
  for (const combination of grid(parameters.map((parameter) => parameter.values))) {
    let scenario: RawScenario = raw;
    let broken = false;
    parameters.forEach((parameter, p) => {
      if (broken) return;
      const result = setScenarioPath(scenario, parameter.steps, combination[p]);
      if ("problem" in result) {
        problems.add(`${parameter.flag}: ${result.problem}`);
        broken = true;
      } else scenario = result.scenario;
    });
    if (broken) continue;
    try {
      const validated = parseScenarioObject(file, scenario);
      variants.push({
        name: parameters.map((_, p) => `${names[p]}=${folderSafe(String(combination[p]))}`).join("_"),
        values: Object.fromEntries(parameters.map((parameter, p) => [parameter.path, combination[p]])),
        scenario: validated,
        hash: scenarioHash(validated),
      });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      for (const problem of error.problems) problems.blame(problem.startsWith(`${file}: `) ? problem.slice(file.length + 2) : problem, combination);
    }
  }
  if (problems.size > 0) throw new InputError(problems.lines());
  return distinctNames(variants);
}

/**
 * Values that clean up to the same folder name (1.5 and "1 5", say) would write one variant over
 * the other: each gets its place in the grid appended instead (`#2`, `#3`, ... as `-v2`).
 */
function distinctNames(variants: SweepVariant[]): SweepVariant[] {
  const counts = new Map<string, number>();
  for (const variant of variants) counts.set(variant.name, (counts.get(variant.name) ?? 0) + 1);
  return variants.map((variant, index) => ((counts.get(variant.name) ?? 0) > 1 ? { ...variant, name: `${variant.name}-v${index + 1}` } : variant));
}

/**
 * The variants' validation problems, each put on the --set flag whose path it is about (else on
 * the scenario) and said once: a problem that every value of a flag has (a mistyped path) is one
 * line naming the flag; one that only some values have names them.
 */
class ProblemsByValue {
  /** "flag\0problem" or a whole line -> the values that have it, in grid order. */
  private readonly byProblem = new Map<string, { line: (values: readonly unknown[]) => string; values: unknown[]; all: readonly unknown[] }>();

  constructor(private readonly parameters: readonly SweepParameter[]) {}

  get size(): number {
    return this.byProblem.size;
  }

  /** A problem of a setting a --set flag makes (not a variant: the flag's path cannot be set). */
  add(line: string): void {
    if (!this.byProblem.has(line)) this.byProblem.set(line, { line: () => line, values: [], all: [] });
  }

  /** A validation problem of one variant (the values of `combination`). */
  blame(problem: string, combination: readonly unknown[]): void {
    const p = this.parameters.findIndex((parameter) => problem.includes(canonicalPath(parameter.path)) || problem.includes(parameter.path));
    if (p < 0) {
      const values = this.parameters.map((parameter, index) => `${parameter.path}=${JSON.stringify(combination[index])}`).join(", ");
      this.add(`--set (variant ${values}): ${problem}`);
      return;
    }
    const { flag, values: all } = this.parameters[p];
    const key = `${flag}\u0000${problem}`;
    const entry = this.byProblem.get(key) ?? { line: (values: readonly unknown[]) => `${flag}: ${valuesText(values, all)}${problem}`, values: [], all };
    if (!entry.values.some((value) => Object.is(value, combination[p]))) entry.values.push(combination[p]);
    this.byProblem.set(key, entry);
  }

  lines(): string[] {
    return [...this.byProblem.values()].map((entry) => entry.line(entry.values));
  }
}

/** "value -2: " or "values 1, 3: ", or nothing when every value of the flag has the problem. */
function valuesText(values: readonly unknown[], all: readonly unknown[]): string {
  if (all.length > 1 && values.length === all.length) return "";
  return `${values.length > 1 ? "values" : "value"} ${values.map((value) => JSON.stringify(value)).join(", ")}: `;
}

/** `offers[id=x].price` as validation messages write it is `offers[N].price`: compare the prefix before the first selector. */
function canonicalPath(path: string): string {
  const bracket = path.indexOf("[");
  return bracket < 0 ? path : path.slice(0, bracket);
}

/** Short names for the parameters in folder names: the last key, or the whole path when two share it. */
function variantKeys(parameters: readonly SweepParameter[]): string[] {
  const last = parameters.map((parameter) => {
    const keys = parameter.steps.filter((step) => step.kind === "key");
    return keys.length > 0 ? (keys[keys.length - 1] as { key: string }).key : parameter.path;
  });
  return last.map((key, p) => (last.indexOf(key) !== last.lastIndexOf(key) ? folderSafe(parameters[p].path.replace(/\[(?:[^\]=]*=)?([^\]]*)\]/g, ".$1")) : key));
}

function folderSafe(text: string): string {
  return text.replace(/[^A-Za-z0-9.+-]+/g, "-").replace(/^[.-]+|-+$/g, "");
}

function grid<T>(lists: readonly (readonly T[])[]): T[][] {
  return lists.reduce<T[][]>((combinations, values) => combinations.flatMap((combination) => values.map((value) => [...combination, value])), [[]]);
}
