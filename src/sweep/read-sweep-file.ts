import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { InputError } from "../input-error.js";
import { formatIssues } from "../scenario/format-issues.js";
import { SWEEP_SCHEMA_VERSION, type SweepResults } from "./sweep-results.js";

const finite = z.number();
const interval = z.tuple([finite, finite]).nullable();
const summary = z.object({ mean: finite, ci95: interval, sd: finite.nullable(), n: z.number().int().min(1), perSeed: z.array(finite).min(1) });
const difference = z.object({ meanDiff: finite, ci95: interval, n: z.number().int().min(1) });
const value = z.union([z.string(), z.number(), z.boolean()]);

/** The parts of sweep.json that the sweep's report reads (sweep-results.ts writes it); unknown fields are allowed. */
const sweepFileSchema = z.object({
  schemaVersion: z.literal(SWEEP_SCHEMA_VERSION),
  meta: z.object({ offersimVersion: z.string(), createdAt: z.string(), durationSeconds: finite }),
  scenario: z.object({ name: z.string(), file: z.string(), hash: z.string() }),
  config: z.object({
    rootSeed: z.number().int(),
    seeds: z.number().int().min(1),
    subscribers: z.number().int(),
    days: z.number().int(),
    policies: z.array(z.string()),
    reference: z.string().nullable(),
    currency: z.string().regex(/^[A-Z]{3}$/, "currency must be an ISO 4217 code of three capital letters").optional(),
  }),
  parameters: z.array(z.object({ path: z.string(), flag: z.string(), values: z.array(value).min(1) })).min(1),
  variants: z
    .array(
      z.object({
        name: z.string(),
        dir: z.string(),
        values: z.record(z.string(), value),
        scenarioHash: z.string(),
        policies: z.record(z.string(), z.record(z.string(), summary)),
        paired: z.record(z.string(), z.record(z.string(), difference)),
        vsFirstValue: z.record(z.string(), z.record(z.string(), difference)),
      }),
    )
    .min(1),
  failures: z.array(z.unknown()),
});

/** The folder's sweep.json, when it is a sweep's folder (or names a sweep.json); null otherwise. */
export function sweepFileIn(dirOrFile: string): string | null {
  if (!existsSync(dirOrFile)) return null;
  if (statSync(dirOrFile).isDirectory()) {
    const file = path.join(dirOrFile, "sweep.json");
    return existsSync(file) && !existsSync(path.join(dirOrFile, "results.json")) ? file : null;
  }
  return path.basename(dirOrFile) === "sweep.json" ? dirOrFile : null;
}

/**
 * Reads and checks a sweep.json: every problem is an InputError naming the file and the field
 * (`sweeps/a/sweep.json: variants[0].policies.random.churned.mean must be a number, got "x"`).
 */
export function readSweepFile(file: string): SweepResults {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new InputError(`${file}: must be JSON (a sweep.json written by offersim sweep), got a parse error: ${(error as Error).message}`);
  }
  const parsed = sweepFileSchema.safeParse(raw);
  if (!parsed.success) throw new InputError(formatIssues(file, parsed.error.issues, raw, sweepFileSchema).slice(0, 10));
  return raw as SweepResults;
}
