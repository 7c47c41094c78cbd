import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { parseScenarioObject } from "../../src/scenario/index.js";
import { InputError } from "../../src/input-error.js";
import { makeTempDir, REPO_ROOT, runCli, writeTempFile } from "./run-cli.js";

/** The part of a JSON Schema node the generator reads. */
interface SchemaNode {
  type?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
}

type FieldPath = (string | number)[];

const SCHEMA = JSON.parse(readFileSync(path.join(REPO_ROOT, "scenarios", "schema.json"), "utf8")) as SchemaNode;

/** Every leaf field of the scenario schema (lists through their first item). */
function leaves(node: SchemaNode, at: FieldPath = []): { path: FieldPath; node: SchemaNode }[] {
  if (node.properties) return Object.entries(node.properties).flatMap(([key, child]) => leaves(child, [...at, key]));
  if (node.type === "array" && node.items?.properties) return leaves(node.items, [...at, 0]);
  return [{ path: at, node }];
}

const FIELDS = leaves(SCHEMA).filter((field) => field.path[0] !== "$schema");

/** A value the field's own schema allows (roughly): most mutations should reach the run. */
function plausible(node: SchemaNode): fc.Arbitrary<unknown> {
  if (node.enum) return fc.constantFrom(...node.enum);
  const min = node.minimum ?? node.exclusiveMinimum ?? -1000;
  const max = Math.min(node.maximum ?? 1000, 1000);
  if (node.type === "integer") return fc.integer({ min: Math.ceil(min), max: Math.max(Math.ceil(min), Math.floor(max)) });
  if (node.type === "number") return fc.double({ min, max: Math.max(min, max), noNaN: true });
  if (node.type === "boolean") return fc.boolean();
  if (node.type === "array") return fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 });
  return fc.string({ maxLength: 12 });
}

/** A value no careful user would write. */
const hostile: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.string({ maxLength: 20 }),
  fc.double(),
  fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }),
  fc.constant([]),
  fc.constant({}),
  fc.constant(1e308),
  fc.constant("2026-02-30"),
);

type Mutation = { kind: "set"; path: FieldPath; value: unknown } | { kind: "unknown"; path: FieldPath } | { kind: "delete"; path: FieldPath };

const mutation: fc.Arbitrary<Mutation> = fc.constantFrom(...FIELDS).chain((field) =>
  fc.oneof(
    { weight: 5, arbitrary: plausible(field.node).map((value): Mutation => ({ kind: "set", path: field.path, value })) },
    { weight: 3, arbitrary: hostile.map((value): Mutation => ({ kind: "set", path: field.path, value })) },
    { weight: 1, arbitrary: fc.constant<Mutation>({ kind: "unknown", path: [...field.path.slice(0, -1), "fuzzField"] }) },
    { weight: 1, arbitrary: fc.constant<Mutation>({ kind: "delete", path: field.path }) },
  ),
);

/** A small scenario with the mutations laid over it (lists and mappings created on the way). */
function documentWith(mutations: readonly Mutation[]): Record<string, unknown> {
  const document: Record<string, unknown> = { name: "fuzz", horizonDays: 10, warmupDays: 5, population: { size: 200 } };
  for (const change of mutations) {
    let target = document as Record<string | number, unknown>;
    for (const [index, key] of change.path.slice(0, -1).entries()) {
      const next = change.path[index + 1];
      if (typeof target[key] !== "object" || target[key] === null) target[key] = typeof next === "number" ? [] : {};
      target = target[key] as Record<string | number, unknown>;
    }
    const last = change.path[change.path.length - 1];
    if (change.kind === "delete") delete target[last];
    else target[last] = change.kind === "set" ? change.value : 1;
  }
  return document;
}

const documents = fc.array(mutation, { minLength: 1, maxLength: 4 }).map(documentWith);

/** One line naming a field: `FILE: offers[0].price must ...`, `FILE: x is not a known field`, `FILE: the top level ...`. */
const FIELD_LINE = /^(the top level|\[|[A-Za-z$_][\w$-]*)[^\n]*( must | is not a known field|: )/;

describe("fuzzed scenario documents (fast-check, from scenarios/schema.json)", () => {
  it("validation accepts a document or names a field on one line per problem, never crashes", () => {
    fc.assert(
      fc.property(documents, (document) => {
        try {
          parseScenarioObject("fuzz.yaml", document);
        } catch (error) {
          if (!(error instanceof InputError)) throw error;
          for (const problem of error.problems) {
            expect(problem.startsWith("fuzz.yaml: ")).toBe(true);
            expect(problem.slice("fuzz.yaml: ".length)).toMatch(FIELD_LINE);
          }
        }
      }),
      { numRuns: 300, seed: 20261202 },
    );
  });

  it("offersim run exits 0 with results or 2 with field-naming lines and no files, no stack trace, within the time bound", () => {
    fc.assert(
      fc.property(documents, (document) => {
        const dir = makeTempDir("offersim-fuzz-");
        const file = writeTempFile(dir, "fuzz.yaml", stringify(document));
        const out = path.join(dir, "out");
        const started = Date.now();
        const result = runCli(["run", file, "--subscribers", "200", "--days", "10", "--seeds", "1", "--policies", "no-contact", "--workers", "1", "--quiet", "--out", out]);
        expect(Date.now() - started).toBeLessThan(30_000);
        expect(result.stderr).not.toMatch(/^\s+at /m);
        expect([0, 2]).toContain(result.status);
        if (result.status === 0) {
          expect(existsSync(path.join(out, "results.json"))).toBe(true);
          return;
        }
        expect(readdirSync(dir)).toEqual(["fuzz.yaml"]);
        for (const line of result.stderr.trimEnd().split("\n")) {
          expect(line.startsWith(`offersim: ${file}: `)).toBe(true);
          expect(line.slice(`offersim: ${file}: `.length)).toMatch(FIELD_LINE);
        }
      }),
      { numRuns: 8, seed: 20261202 },
    );
  }, 120_000);
});
