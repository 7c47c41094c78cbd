import { z } from "zod";
import type { TaskOutcome } from "../results/task-outcome.js";
import type { Shard } from "../results/shard.js";
import { formatIssues } from "../scenario/format-issues.js";
import { InputError } from "../input-error.js";
import type { ExperimentDescription } from "./experiment-description.js";
import { replicateResultSchema } from "./replicate-result-schema.js";

export const PARTIAL_FORMAT = "offersim-partial-results";
export const PARTIAL_SCHEMA_VERSION = 1;
export const PARTIAL_FILE = "partial.json";

/**
 * DIR/partial.json of `offersim run --shard i/n`: the experiment, which shard, and the raw
 * outcome of each of the shard's tasks (its ReplicateResult, or why it failed), in planned
 * order. `offersim merge` rebuilds results.json from the partials of every shard.
 */
export interface PartialResults {
  readonly format: typeof PARTIAL_FORMAT;
  readonly schemaVersion: number;
  readonly meta: Record<string, unknown>;
  readonly experiment: ExperimentDescription;
  readonly shard: Shard;
  readonly outcomes: readonly TaskOutcome[];
}

const NUMBER_KEY = "$number";

/**
 * The partial as JSON. JSON has no NaN, ±Infinity or -0, and a merged result must equal a
 * single run's bit for bit, so those numbers are written as {"$number": "NaN"} and so on; every
 * other number round-trips exactly (JSON prints the shortest text that reads back the same double).
 */
export function serializePartialResults(partial: PartialResults): string {
  return JSON.stringify(partial, (_key, value: unknown) => {
    if (typeof value === "number" && (!Number.isFinite(value) || Object.is(value, -0))) return { [NUMBER_KEY]: Object.is(value, -0) ? "-0" : String(value) };
    return value;
  }) + "\n";
}

const taskKey = { policy: z.string(), replicate: z.number().int().min(0) };
const partialSchema = z.object({
  format: z.literal(PARTIAL_FORMAT),
  schemaVersion: z.literal(PARTIAL_SCHEMA_VERSION),
  meta: z.record(z.string(), z.unknown()),
  experiment: z.object({
    scenario: z.object({ name: z.string(), description: z.string(), hash: z.string(), file: z.string() }),
    rootSeed: z.number().int().min(0),
    seeds: z.number().int().min(1),
    subscribers: z.number().int().min(1),
    days: z.number().int().min(1),
    warmupDays: z.number().int().min(0),
    policies: z.array(z.object({ name: z.string(), description: z.string() })).min(1),
    reference: z.string().nullable(),
    marginShare: z.number().optional(),
  }).superRefine((experiment, ctx) => {
    const names = experiment.policies.map((policy) => policy.name);
    names.forEach((name, index) => {
      if (names.indexOf(name) !== index) ctx.addIssue({ code: "custom", path: ["policies", index, "name"], message: `name must be unique, got "${name}" again (first at policies[${names.indexOf(name)}])` });
    });
    if (experiment.reference !== null && !names.includes(experiment.reference)) {
      ctx.addIssue({ code: "custom", path: ["reference"], message: `reference must be null or one of the policies (${names.join(", ")}), got "${experiment.reference}"` });
    }
  }),
  shard: z.object({ index: z.number().int().min(1), count: z.number().int().min(1) }).refine((shard) => shard.index <= shard.count, "index must be at most count"),
  outcomes: z.array(
    z.discriminatedUnion("ok", [
      z.object({ ok: z.literal(true), result: replicateResultSchema }),
      z.object({ ok: z.literal(false), failure: z.object({ ...taskKey, error: z.string() }) }),
    ]),
  ),
});

/** Parses and checks a partial.json; problems are InputErrors naming `file` and the field. */
export function parsePartialResults(file: string, text: string): PartialResults {
  let raw: unknown;
  try {
    raw = JSON.parse(text, (_key, value: unknown) => (isEncodedNumber(value) ? Number(value[NUMBER_KEY]) : value));
  } catch (error) {
    throw new InputError(`${file}: not a partial result (invalid JSON: ${error instanceof Error ? error.message : String(error)})`);
  }
  const format = (raw as { format?: unknown } | null)?.format;
  if (format !== PARTIAL_FORMAT) {
    throw new InputError(`${file}: format must be "${PARTIAL_FORMAT}" (written by offersim run --shard i/n), got ${JSON.stringify(format ?? null)}`);
  }
  const parsed = partialSchema.safeParse(raw);
  if (!parsed.success) throw new InputError(formatIssues(file, parsed.error.issues, raw, partialSchema));
  return raw as PartialResults;
}

function isEncodedNumber(value: unknown): value is { [NUMBER_KEY]: string } {
  if (typeof value !== "object" || value === null) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] === NUMBER_KEY && typeof (value as Record<string, unknown>)[NUMBER_KEY] === "string";
}
