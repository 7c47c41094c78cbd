import { z } from "zod";
import { KPI_NAMES, TIME_SERIES_KPIS, type TimeSeriesKpi } from "../metrics/replicate-kpis.js";
import { COUNT_KPIS } from "./replicate-result-schema.js";

const finite = z.number();
const interval = z.tuple([finite, finite]).nullable();

const summarySchema = z.object({
  mean: finite,
  ci95: interval,
  sd: finite.nullable(),
  n: z.number().int().min(1),
  perSeed: z.array(finite).min(1),
});

const pairedSchema = z.object({ meanDiff: finite, ci95: interval, n: z.number().int().min(1) });

const kpisSchema = z.object(Object.fromEntries(KPI_NAMES.map((kpi) => [kpi, summarySchema])) as Record<(typeof KPI_NAMES)[number], typeof summarySchema>);

const policySchema = z.object({
  policy: z.string().min(1),
  description: z.string(),
  kpis: kpisSchema,
  segments: z.record(z.string(), kpisSchema),
  series: z.array(z.record(z.string(), finite)),
  programs: z.record(z.string(), z.record(z.string(), finite)),
  paired: z.object({ reference: z.string(), kpis: z.record(z.string(), pairedSchema) }).nullable(),
  regretVsOracle: pairedSchema.nullable().optional(),
  timeSeries: z
    .object({
      bucketDays: z.number().int().min(1),
      startDay: z.array(z.number().int().min(0)),
      perSeed: z.array(z.object(Object.fromEntries(TIME_SERIES_KPIS.map((kpi) => [kpi, z.array(finite)])) as Record<TimeSeriesKpi, z.ZodArray<typeof finite>>)),
    })
    .optional(),
  learningCurve: z
    .object({ xLabel: z.string(), yLabel: z.string(), x: z.array(finite), y: z.array(finite), parts: z.array(z.string()).optional() })
    .nullable()
    .optional(),
  upliftAudit: z
    .object({
      treatment: z.string(),
      qini: summarySchema,
      pairs: z.number().int().min(0),
      share: z.array(finite),
      model: z.array(finite),
      perfect: z.array(finite),
      meanTrue: finite,
      meanEstimate: finite,
    })
    .optional(),
});

/**
 * The parts of results.json that `report`, `compare` and `check` read (build-results.ts writes
 * it). Unknown fields are allowed, so a newer file with extra fields still reads.
 */
export const resultsFileSchema = z.object({
  schemaVersion: z.literal(1),
  meta: z.record(z.string(), z.unknown()),
  scenario: z.object({
    name: z.string(),
    description: z.string(),
    hash: z.string(),
    file: z.string(),
    currency: z.string().regex(/^[A-Z]{3}$/, "currency must be an ISO 4217 code of three capital letters").optional(),
    events: z
      .array(z.object({ type: z.string(), label: z.string(), startDay: z.number().int().min(0), endDay: z.number().int().min(0), region: z.union([z.literal("all"), z.number().int().min(0)]) }))
      .optional(),
  }),
  config: z.object({
    rootSeed: z.number().int(),
    seeds: z.number().int().min(1),
    replicates: z.array(z.number().int()),
    subscribers: z.number().int(),
    days: z.number().int(),
    warmupDays: z.number().int(),
    policies: z.array(z.string()),
    reference: z.string().nullable(),
  }),
  policies: z.array(policySchema).min(1),
  failures: z.array(z.unknown()),
}).superRefine((results, ctx) => {
  const { config } = results;
  const seen = new Map<string, number>();
  results.policies.forEach((entry, index) => {
    const first = seen.get(entry.policy);
    if (first !== undefined) ctx.addIssue({ code: "custom", path: ["policies", index, "policy"], message: `policy must be unique, got "${entry.policy}" again (first at policies[${first}])` });
    else seen.set(entry.policy, index);
    const series = entry.timeSeries;
    if (series && series.perSeed.length !== config.seeds) {
      ctx.addIssue({ code: "custom", path: ["policies", index, "timeSeries", "perSeed"], message: `perSeed must hold one series per seed (config.seeds: ${config.seeds}), got ${series.perSeed.length}` });
    }
    series?.perSeed.forEach((values, seed) => {
      for (const kpi of TIME_SERIES_KPIS) {
        if (values[kpi].length !== series.startDay.length) {
          ctx.addIssue({ code: "custom", path: ["policies", index, "timeSeries", "perSeed", seed, kpi], message: `${kpi} must hold one value per bucket (startDay has ${series.startDay.length}), got ${values[kpi].length}` });
        }
      }
    });
    for (const kpi of KPI_NAMES) {
      const summary = entry.kpis[kpi];
      if (summary.perSeed.length !== config.seeds) {
        ctx.addIssue({ code: "custom", path: ["policies", index, "kpis", kpi, "perSeed"], message: `perSeed must hold one value per seed (config.seeds: ${config.seeds}), got ${summary.perSeed.length}` });
      }
      if (COUNT_KPIS.includes(kpi) && summary.perSeed.some((value) => value < 0)) {
        ctx.addIssue({ code: "custom", path: ["policies", index, "kpis", kpi, "perSeed"], message: `perSeed must hold counts >= 0, got ${JSON.stringify(summary.perSeed)}` });
      }
    }
  });
  if (config.reference !== null && !results.policies.some((entry) => entry.policy === config.reference)) {
    ctx.addIssue({ code: "custom", path: ["config", "reference"], message: `reference must be null or one of the policies (${results.policies.map((entry) => entry.policy).join(", ")}), got "${config.reference}"` });
  }
});
