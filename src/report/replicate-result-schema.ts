import { z } from "zod";
import { KPI_NAMES, TIME_SERIES_KPIS, type KpiName, type TimeSeriesKpi } from "../metrics/replicate-kpis.js";

/** KPIs that count people or events: never negative. */
export const COUNT_KPIS: readonly KpiName[] = ["churned", "contacts", "accepts", "saves", "returned"];
/** Rates and shares of a population: never negative either. */
const NON_NEGATIVE_KPIS: readonly KpiName[] = [...COUNT_KPIS, "churnRateMonthly", "acceptRate", "contactsPerSubMonth", "complaintRate", "optOutRate"];

/** One KPI value: finite, and >= 0 for counts and rates. */
export function kpiValueSchema(kpi: KpiName): z.ZodNumber {
  const finite = z.number().finite();
  return NON_NEGATIVE_KPIS.includes(kpi) ? finite.min(0) : finite;
}

/** Any number, NaN and infinities included (zod's number() refuses them). */
const anyNumber = z.custom<number>((value) => typeof value === "number", "must be a number");

const groupKpisSchema = z.looseObject(Object.fromEntries(KPI_NAMES.map((kpi) => [kpi, kpiValueSchema(kpi)])) as Record<KpiName, z.ZodNumber>);

/**
 * The result of one (policy, seed) task as a shard's partial.json holds it (ReplicateResult):
 * what `offersim merge` reads, checked field by field, so that a hand-edited file is bad input
 * naming the field rather than an internal failure half-way through the merge.
 */
export const replicateResultSchema = z.looseObject({
  policy: z.string().min(1),
  replicate: z.number().int().min(0),
  groups: z.record(z.string(), groupKpisSchema).refine((groups) => Object.hasOwn(groups, "all"), "groups must hold the whole base (all)"),
  // Series and programs may hold NaN (a day with nothing to rate), written as {"$number": "NaN"}.
  series: z.array(z.record(z.string(), anyNumber)),
  programs: z.record(z.string(), z.record(z.string(), anyNumber)),
  subscriberDays: z.number().min(0),
  wallSeconds: z.number().min(0),
  learningCurve: z.object({ xLabel: z.string(), yLabel: z.string(), x: z.array(anyNumber), y: z.array(anyNumber) }).nullable(),
  timeSeries: z
    .object({
      bucketDays: z.number().int().min(1),
      startDay: z.array(z.number().int().min(0)),
      values: z.object(Object.fromEntries(TIME_SERIES_KPIS.map((kpi) => [kpi, z.array(anyNumber)])) as Record<TimeSeriesKpi, z.ZodArray<typeof anyNumber>>),
    })
    .optional(),
});
