import { z } from "zod";
import { scenarioSchema } from "./scenario-schema.js";

type Issue = z.core.$ZodIssue;
type SchemaNode = z.core.$ZodType;
type Path = readonly PropertyKey[];

/** The parts of a zod definition this file reads; zod's own def types are a wide union. */
interface LooseDef {
  type: string;
  innerType?: SchemaNode;
  in?: SchemaNode;
  shape?: Record<string, SchemaNode>;
  element?: SchemaNode;
  keyType?: SchemaNode;
  valueType?: SchemaNode;
  entries?: Record<string, string | number>;
  values?: unknown[];
  options?: SchemaNode[];
  checks?: z.core.$ZodCheck[];
}

interface LooseCheckDef {
  check: string;
  value?: number | bigint;
  inclusive?: boolean;
  format?: string;
}

const WRAPPERS = new Set(["default", "prefault", "optional", "nullable", "nonoptional", "readonly", "catch"]);
const INTEGER_FORMATS = new Set(["safeint", "int32", "uint32"]);

/**
 * Turns zod issues into one readable line each, prefixed with the file:
 * `scenarios/x.yaml: offers[3].price must be a number >= 0, got "ten"`. The value found is looked
 * up in the raw `input` by the issue's path; number rules and known field names come from
 * `schema` (the scenario schema unless given). Every scenario validation message is written here.
 *
 * @example
 * const result = scenarioSchema.safeParse(raw);
 * if (!result.success) throw new InputError(formatIssues("x.yaml", result.error.issues, raw));
 */
export function formatIssues(
  file: string,
  issues: readonly Issue[],
  input: unknown,
  schema: SchemaNode = scenarioSchema,
): string[] {
  // Two checks of one rule (min(0) then min(1)) would print the same line twice.
  return [...new Set(issues.flatMap((issue) => formatIssue(issue, input, schema).map((line) => `${file}: ${line}`)))];
}

function formatIssue(issue: Issue, input: unknown, schema: SchemaNode): string[] {
  const where = fieldPath(issue.path);
  const found = describeValue(valueAt(input, issue.path));
  const node = schemaAt(schema, issue.path);
  if (issue.code === "unrecognized_keys") {
    const known = knownKeys(node);
    const hint = known.length > 0 ? ` (known: ${known.join(", ")})` : "";
    return issue.keys.map((key) => `${fieldPath([...issue.path, key])} is not a known field${hint}`);
  }
  if (issue.code === "custom") return [customLine(issue.path, issue.message, found)];
  const rule = expectation(issue, node);
  return [rule === undefined ? `${where}: ${issue.message}, got ${found}` : `${where} must ${rule}, got ${found}`];
}

/** What the value should be, as a predicate after "must": "be a number >= 0", "have at least 1 item". */
function expectation(issue: Issue, node: SchemaNode | undefined): string | undefined {
  if (node && defOf(node).type === "union") return unionRule(node);
  switch (issue.code) {
    case "invalid_type":
      return `be ${numberRule(node) ?? typeName(issue.expected)}`;
    case "too_small":
    case "too_big":
      return sizeRule(issue, node);
    case "invalid_value":
      return issue.values.length === 1
        ? `be ${JSON.stringify(issue.values[0])}`
        : `be one of ${issue.values.map(String).join(", ")}`;
    case "invalid_format":
      if (!issue.message.startsWith("Invalid")) return `be ${issue.message}`;
      return issue.format === "regex" && issue.pattern ? `match ${issue.pattern}` : `be a valid ${issue.format}`;
    case "not_multiple_of":
      return `be a multiple of ${issue.divisor}`;
    default:
      return undefined;
  }
}

function sizeRule(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig, node: SchemaNode | undefined): string {
  const small = issue.code === "too_small";
  const limit = Number(small ? issue.minimum : issue.maximum);
  if (issue.origin === "number" || issue.origin === "int" || issue.origin === "bigint") {
    const noun = issue.origin === "int" ? "an integer" : "a number";
    const operator = (small ? ">" : "<") + (issue.inclusive ? "=" : "");
    const rule = numberRule(node);
    // "a positive integer" leaves out the upper bound that was broken.
    if (!small && rule === "a positive integer") return `be a positive integer up to ${limit}`;
    return `be ${rule ?? `${noun} ${operator} ${limit}`}`;
  }
  if (issue.origin === "string" && small && limit === 1) return "not be empty";
  const unit = issue.origin === "string" ? "character" : "item";
  const amount = issue.exact ? "exactly" : small ? "at least" : "at most";
  return `have ${amount} ${limit} ${unit}${limit === 1 ? "" : "s"}`;
}

/** Every form a union accepts: `"all" or an integer >= 0`. */
function unionRule(node: SchemaNode): string | undefined {
  const forms = (defOf(node).options ?? []).map((option) => {
    const def = defOf(unwrap(option) ?? option);
    if (def.type === "literal") return def.values?.map((value) => JSON.stringify(value)).join(" or ");
    if (def.type === "enum") return Object.values(def.entries ?? {}).map((value) => JSON.stringify(value)).join(" or ");
    return numberRule(unwrap(option)) ?? typeName(def.type);
  });
  return forms.length > 0 ? `be ${forms.join(" or ")}` : undefined;
}

/** The whole rule of a number schema: "a positive integer", "a number from 0 to 1", "a number > 0". */
function numberRule(node: SchemaNode | undefined): string | undefined {
  const def = node && defOf(node);
  if (def?.type !== "number") return undefined;
  const checks = (def.checks ?? []).map((check) => check._zod.def as unknown as LooseCheckDef);
  const integer = checks.some((check) => check.check === "number_format" && INTEGER_FORMATS.has(check.format ?? ""));
  // The tightest bounds when a rule is narrowed twice (count(...).min(1): >= 0, then >= 1).
  const min = checks.filter((check) => check.check === "greater_than").reduce<LooseCheckDef | undefined>((a, b) => (a === undefined || Number(b.value) >= Number(a.value) ? b : a), undefined);
  const max = checks.filter((check) => check.check === "less_than").reduce<LooseCheckDef | undefined>((a, b) => (a === undefined || Number(b.value) <= Number(a.value) ? b : a), undefined);
  const noun = integer ? "an integer" : "a number";
  const positiveMin = min !== undefined && Number(min.value) === (min.inclusive ? 1 : 0);
  // gt(0) reads "a positive integer" even with an upper bound (which sizeRule adds when broken).
  if (integer && positiveMin && (!max || !min.inclusive)) {
    return "a positive integer";
  }
  if (min?.inclusive && max?.inclusive) return `${noun} from ${min.value} to ${max.value}`;
  const bounds = [
    min && `${min.inclusive ? ">=" : ">"} ${min.value}`,
    max && `${max.inclusive ? "<=" : "<"} ${max.value}`,
  ].filter((bound) => bound !== undefined);
  return [noun, bounds.join(" and ")].filter(Boolean).join(" ");
}

function typeName(expected: string): string {
  const names: Record<string, string> = {
    number: "a number",
    int: "an integer",
    string: "a string",
    boolean: "true or false",
    object: "a mapping",
    record: "a mapping",
    array: "a list",
    null: "null",
  };
  return names[expected] ?? `a ${expected}`;
}

/**
 * A refinement's own message. Messages that start with the field's name ("id must be unique")
 * get the full path in its place; others follow the path after a colon.
 */
function customLine(path: Path, message: string, found: string): string {
  const last = path.at(-1);
  const got = /\bgot\b/.test(message) ? "" : `, got ${found}`;
  if (path.length === 0) return message;
  if (typeof last === "string" && message.startsWith(`${last} `)) {
    return `${fieldPath(path)}${message.slice(last.length)}${got}`;
  }
  return `${fieldPath(path)}: ${message}`;
}

/** `offers[3].price`; the empty path is "the top level". */
function fieldPath(path: Path): string {
  if (path.length === 0) return "the top level";
  return path
    .map((key, index) => (typeof key === "number" ? `[${key}]` : PLAIN_KEY.test(String(key)) ? `${index === 0 ? "" : "."}${String(key)}` : `[${quotedKey(String(key))}]`))
    .join("");
}

/** A key printed as it is: a short name, nothing a terminal could take for a control sequence. */
const PLAIN_KEY = /^[A-Za-z_$][\w$-]{0,39}$/;
const MAX_KEY_CHARACTERS = 40;

/** Any other key, quoted, escaped and cut short. */
function quotedKey(key: string): string {
  return quotedText(key.length > MAX_KEY_CHARACTERS ? `${key.slice(0, MAX_KEY_CHARACTERS - 3)}...` : key);
}

/** JSON-quoted, with every control character escaped (JSON.stringify leaves DEL and the C1 controls as they are). */
export function quotedText(text: string): string {
  return JSON.stringify(text).replace(/[\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

function valueAt(input: unknown, path: Path): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== "object" || value === null || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** A short description of a raw value: `"ten"`, `-5`, `nothing`, `a list of 2 items`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (typeof value === "string") return quotedText(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (Array.isArray(value)) {
    return value.length === 0 ? "an empty list" : `a list of ${value.length} item${value.length === 1 ? "" : "s"}`;
  }
  if (typeof value === "object" && value !== null) {
    const keys = Object.keys(value);
    if (keys.length === 0) return "an empty mapping";
    return `a mapping (${keys.slice(0, 3).join(", ")}${keys.length > 3 ? ", ..." : ""})`;
  }
  return String(value);
}

function defOf(node: SchemaNode): LooseDef {
  return node._zod.def as unknown as LooseDef;
}

function unwrap(node: SchemaNode | undefined): SchemaNode | undefined {
  let current = node;
  while (current) {
    const def = defOf(current);
    if (WRAPPERS.has(def.type)) current = def.innerType;
    else if (def.type === "pipe") current = def.in;
    else return current;
  }
  return current;
}

function schemaAt(schema: SchemaNode, path: Path): SchemaNode | undefined {
  let node = unwrap(schema);
  for (const key of path) {
    const def = node && defOf(node);
    if (def?.type === "object") node = unwrap(def.shape?.[String(key)]);
    else if (def?.type === "array") node = unwrap(def.element);
    else if (def?.type === "record") node = unwrap(def.valueType);
    else return undefined;
  }
  return node;
}

/** Field names of an object schema, or the allowed keys of a record keyed by an enum. */
function knownKeys(node: SchemaNode | undefined): string[] {
  const def = node && defOf(node);
  if (def?.type === "object") return Object.keys(def.shape ?? {});
  const keyDef = def?.type === "record" && def.keyType ? defOf(def.keyType) : undefined;
  return keyDef?.type === "enum" ? Object.values(keyDef.entries ?? {}).map(String) : [];
}
