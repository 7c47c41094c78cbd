import type { ExperimentResults } from "../report/build-results.js";
import { formatDifference, formatWithInterval, HEADLINE_KPIS, kpiLabel } from "../report/kpi-format.js";
import { markdownTable } from "../report/text-table.js";
import type { TaskFailure } from "../results/task-outcome.js";
import { pairedDifference, type PairedDifference, type ReplicateSummary } from "../metrics/summarize-replicates.js";
import type { KpiName } from "../metrics/replicate-kpis.js";
import { OFFERSIM_VERSION } from "../version.js";
import type { SweepParameter, SweepVariant } from "./sweep-grid.js";

export const SWEEP_SCHEMA_VERSION = 1;

/** KPIs also charted as paired differences: against the reference policy, and against the first value of the parameter. */
export const SWEEP_PAIRED_KPIS: readonly KpiName[] = ["netValuePerSub", "churnRateMonthly", "contactsPerSubMonth"];

/** sweep.json: the grid, and per variant and policy the KPI summaries of its results.json. */
export interface SweepResults {
  schemaVersion: number;
  meta: { offersimVersion: string; createdAt: string; durationSeconds: number };
  scenario: { name: string; file: string; hash: string };
  config: {
    rootSeed: number;
    seeds: number;
    subscribers: number;
    days: number;
    policies: string[];
    reference: string | null;
    /** The currency of every amount (the first variant's economics.currency); absent in a sweep.json written before offersim had it. */
    currency?: string;
  };
  parameters: { path: string; flag: string; values: (string | number | boolean)[] }[];
  variants: SweepVariantResults[];
  /** Failed (variant, policy, seed) tasks; their policies are missing from that variant. */
  failures: (TaskFailure & { variant: string })[];
}

export interface SweepVariantResults {
  name: string;
  /** The variant's folder, relative to the sweep folder. */
  dir: string;
  values: Record<string, string | number | boolean>;
  scenarioHash: string;
  /** Policy -> KPI -> summary over seeds (mean, ci95, sd, n, perSeed). */
  policies: Record<string, Record<KpiName, ReplicateSummary>>;
  /** Policy -> KPI -> difference from the reference policy, seed by seed; absent without a reference. */
  paired: Record<string, Record<KpiName, PairedDifference>>;
  /**
   * Policy -> KPI -> change from the variant with the first parameter at its first value (the
   * other parameters as here), same policy, seed by seed: all variants share the root seed, so
   * these are paired differences on common random numbers. Zero for that variant itself; empty
   * when a sweep of `seed` gave the two variants different root seeds.
   */
  vsFirstValue: Record<string, Record<KpiName, PairedDifference>>;
}

export interface BuildSweepInput {
  scenario: { name: string; file: string; hash: string };
  parameters: readonly SweepParameter[];
  variants: readonly { variant: SweepVariant; results: ExperimentResults; failures: readonly TaskFailure[] }[];
  startedAt: Date;
  durationSeconds: number;
}

/** Assembles sweep.json from the variants' results, in grid order. */
export function buildSweepResults(input: BuildSweepInput): SweepResults {
  const first = input.variants[0].results;
  return {
    schemaVersion: SWEEP_SCHEMA_VERSION,
    meta: {
      offersimVersion: OFFERSIM_VERSION,
      createdAt: input.startedAt.toISOString(),
      durationSeconds: Math.round(input.durationSeconds * 1000) / 1000,
    },
    scenario: input.scenario,
    config: {
      rootSeed: first.config.rootSeed,
      seeds: first.config.seeds,
      subscribers: first.config.subscribers,
      days: first.config.days,
      policies: first.config.policies,
      reference: first.config.reference,
      ...(first.scenario.currency === undefined ? {} : { currency: first.scenario.currency }),
    },
    parameters: input.parameters.map(({ path, flag, values }) => ({ path, flag, values })),
    variants: withChangeFromFirstValue(
      input.parameters,
      input.variants.map(({ results }) => results.config.rootSeed),
      input.variants.map(({ variant, results }) => ({
        name: variant.name,
        dir: `variants/${variant.name}`,
        values: variant.values,
        scenarioHash: variant.hash,
        policies: Object.fromEntries(results.policies.map((entry) => [entry.policy, entry.kpis])),
        paired: Object.fromEntries(results.policies.flatMap((entry) => (entry.paired && entry.policy !== entry.paired.reference ? [[entry.policy, entry.paired.kpis]] : []))),
      })),
    ),
    failures: input.variants.flatMap(({ variant, failures }) => failures.map((failure) => ({ variant: variant.name, ...failure }))),
  };
}

/**
 * Adds `vsFirstValue` to each variant. A policy missing from either variant (failed) is left out,
 * and so is every policy when the two variants ran on different root seeds (a sweep of `seed`):
 * then seed k of one is not seed k of the other, and a seed-by-seed difference means nothing.
 */
function withChangeFromFirstValue(
  parameters: readonly SweepParameter[],
  rootSeeds: readonly number[],
  variants: Omit<SweepVariantResults, "vsFirstValue">[],
): SweepVariantResults[] {
  const [first, ...others] = parameters;
  return variants.map((variant, index) => {
    const baseIndex = variants.findIndex(
      (candidate) => candidate.values[first.path] === first.values[0] && others.every((parameter) => candidate.values[parameter.path] === variant.values[parameter.path]),
    );
    const base = baseIndex >= 0 && rootSeeds[baseIndex] === rootSeeds[index] ? variants[baseIndex] : undefined;
    const vsFirstValue: SweepVariantResults["vsFirstValue"] = {};
    for (const [policy, kpis] of Object.entries(variant.policies)) {
      const baseKpis = base?.policies[policy];
      if (!baseKpis) continue;
      vsFirstValue[policy] = Object.fromEntries(
        Object.entries(kpis).map(([kpi, summary]) => [kpi, pairedDifference(summary.perSeed, baseKpis[kpi as KpiName].perSeed)]),
      ) as Record<KpiName, PairedDifference>;
    }
    return { ...variant, vsFirstValue };
  });
}

/** summary.md: per headline KPI, a table of variants (rows) by policies (columns), mean ± half-width of the 95 % interval. */
export function sweepSummaryMarkdown(sweep: SweepResults): string {
  const policies = sweep.config.policies;
  const lines = [
    `# Sweep of ${sweep.scenario.name}`,
    "",
    `Scenario \`${sweep.scenario.file}\` (hash ${sweep.scenario.hash}), root seed ${sweep.config.rootSeed} for every variant (common random numbers), ` +
      `${sweep.config.seeds} seed(s), ${sweep.config.subscribers} subscribers, ${sweep.config.days} days, offersim ${sweep.meta.offersimVersion}.`,
    "",
    ...sweep.parameters.map((parameter) => `- \`${parameter.path}\`: ${parameter.values.map((value) => JSON.stringify(value)).join(", ")}`),
    "",
    "Mean ± half-width of the 95 % interval over seeds. Differences are paired seed by seed (every variant and policy share the root seed), so their intervals, not the overlap of two means' intervals, say whether a change is real. Each variant's full results are in `variants/<variant>/results.json`; charts in report.html.",
  ];
  for (const kpi of HEADLINE_KPIS) {
    lines.push("", `## ${kpiLabel(kpi, sweep.config.currency ?? null)}`, "");
    const rows = sweep.variants.map((variant) => [
      variantLabel(variant),
      ...policies.map((policy) => {
        const summary = variant.policies[policy]?.[kpi];
        return summary ? formatWithInterval(kpi, summary.mean, summary.ci95) : "failed";
      }),
    ]);
    lines.push(markdownTable(["variant", ...policies], rows));
  }
  const first = sweep.parameters[0];
  for (const kpi of SWEEP_PAIRED_KPIS) {
    const label = kpiLabel(kpi, sweep.config.currency ?? null);
    const sections: [string, string[], (variant: SweepVariantResults, policy: string) => PairedDifference | undefined][] = [
      [`${label}: change from ${first.path} = ${String(first.values[0])}, same policy, seed by seed`, policies, (variant, policy) => variant.vsFirstValue[policy]?.[kpi]],
    ];
    const reference = sweep.config.reference;
    if (reference) {
      sections.unshift([`${label}: difference from ${reference}, seed by seed`, policies.filter((policy) => policy !== reference), (variant, policy) => variant.paired[policy]?.[kpi]]);
    }
    for (const [title, columns, differenceOf] of sections) {
      lines.push("", `## ${title}`, "");
      const rows = sweep.variants.map((variant) => [
        variantLabel(variant),
        ...columns.map((policy) => {
          const difference = differenceOf(variant, policy);
          return difference ? formatDifference(kpi, difference.meanDiff, difference.ci95) : "failed";
        }),
      ]);
      lines.push(markdownTable(["variant", ...columns], rows));
    }
  }
  if (sweep.failures.length > 0) {
    lines.push("", "## Failed tasks", "", ...sweep.failures.map((failure) => `- ${failure.variant}: ${failure.policy}, seed ${failure.replicate}: ${failure.error}`));
  }
  return lines.join("\n") + "\n";
}

function variantLabel(variant: SweepVariantResults): string {
  return Object.entries(variant.values)
    .map(([path, value]) => `${path}=${String(value)}`)
    .join(", ");
}
