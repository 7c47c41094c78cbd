import os from "node:os";
import type { Scenario } from "../scenario/scenario-schema.js";
import type { ReplicateResult } from "../results/replicate-result.js";
import type { LearningCurve } from "../results/learning-curve.js";
import type { EventWindow, TimeSeriesBySeed } from "../results/time-series.js";
import type { PolicyDescription } from "../results/policy-description.js";
import { GROUPS } from "../metrics/metric-groups.js";
import { KPI_NAMES, type KpiName } from "../metrics/replicate-kpis.js";
import { pairedDifference, summarizeReplicates, type PairedDifference, type ReplicateSummary } from "../metrics/summarize-replicates.js";
import { OFFERSIM_VERSION } from "../version.js";
import type { TaskFailure } from "../results/task-outcome.js";
import type { AgainstBaseline } from "./what-if-effect.js";
import { learningTime, LEARNING_TIME_REFERENCE, type LearningTime } from "./learning-time.js";

export const RESULTS_SCHEMA_VERSION = 1;
/** The upper reference: every other policy's regret is measured against it. */
const ORACLE = "oracle";

export type KpiSummaries = Record<KpiName, ReplicateSummary>;

export interface PolicyResults {
  policy: string;
  description: string;
  kpis: KpiSummaries;
  segments: Record<string, KpiSummaries>;
  /** Whole-base KPIs per 30-day period, mean over replicates. */
  series: Record<string, number>[];
  /**
   * The same KPIs seed by seed, in buckets chosen from the scenario's events (daily or weekly
   * where they are short): the report's bands over time are intervals over these. Absent in
   * results.json written before offersim had it.
   */
  timeSeries?: TimeSeriesBySeed;
  /** Contacts, acceptances, costs and saves per CVM program, mean over replicates. */
  programs: Record<string, Record<string, number>>;
  /** `series` of each seed, in replicate order (the tidy series.csv). Absent in files written before it. */
  seriesPerSeed?: Record<string, number>[][];
  /** `programs` of each seed, in replicate order (the tidy programs.csv). Absent in files written before it. */
  programsPerSeed?: Record<string, Record<string, number>>[];
  /** This policy minus the reference policy, seed by seed (common random numbers). */
  paired: { reference: string; kpis: Record<KpiName, PairedDifference> } | null;
  /** Oracle's net value per subscriber minus this policy's, seed by seed; null when oracle did not run (and for oracle). */
  regretVsOracle: PairedDifference | null;
  /** How a learning policy improved: offline training (x = epoch or episode) or online (x = day); null for policies that do not learn. */
  learningCurve: LearningCurve | null;
  /** Decisions the policy made (rows of its decision log, `--log-decisions`): the total and per seed. */
  decisions: { total: number; perSeed: number[] };
  /** For a learning policy (it trained before the run or reports a learning curve) when rules-nba ran: the experience after which it first beats rules-nba (learning-time.ts). */
  learningTime?: LearningTime | null;
  /** Only for a policy with an uplift model: its ranking against the world's true uplift (Qini curve, means over seeds). */
  upliftAudit?: UpliftAuditSummary;
}

/** A policy's uplift audit over the seeds: the Qini coefficient per seed with its interval, the curves averaged. */
export interface UpliftAuditSummary {
  treatment: string;
  qini: ReplicateSummary;
  /** Audited decisions, all seeds together. */
  pairs: number;
  share: number[];
  model: number[];
  perfect: number[];
  meanTrue: number;
  meanEstimate: number;
}


export interface ExperimentResults {
  schemaVersion: number;
  meta: Record<string, unknown>;
  scenario: {
    name: string;
    description: string;
    hash: string;
    file: string;
    /** ISO 4217 code of every amount (economics.currency); absent in results.json written before offersim had it. */
    currency?: string;
    /** The scheduled events' windows, shaded in the charts over time; absent in results.json written before offersim had it. */
    events?: EventWindow[];
    /** The scenario as run, after `extends` and a sweep's `--set` (before --days and --subscribers: see config); its hash is `hash`. `run --from` reruns it. */
    definition?: Scenario;
  };
  config: {
    rootSeed: number;
    seeds: number;
    replicates: number[];
    subscribers: number;
    days: number;
    warmupDays: number;
    policies: string[];
    reference: string | null;
    /** How each policy of `policies` was found: a built-in name, or a policy module's absolute path (`run --from`). */
    policySources?: string[];
    /** A sweep's variant: the `--set` values it ran with, path -> value. */
    set?: Record<string, string | number | boolean>;
    /** Only in results merged from shards (offersim merge): how many. */
    shard?: { count: number; merged: true };
  };
  policies: PolicyResults[];
  failures: TaskFailure[];
  /** `offersim run WHATIF --against BASELINE`: the what-if's effect per policy against the baseline world. */
  againstBaseline?: AgainstBaseline;
}

/** What results.json needs of the scenario: a whole Scenario will do. */
export type ScenarioOutline = Pick<Scenario, "name" | "description" | "horizonDays" | "warmupDays"> & {
  population: Pick<Scenario["population"], "size">;
  /**
   * economics.currency (undefined for a partial.json written before offersim had it: then left
   * out of results.json) and economics.marginShare (for the learning time, net cash per period;
   * without it learningTime is left out).
   */
  economics?: Partial<Pick<Scenario["economics"], "currency" | "marginShare">>;
  /** The scheduled events; undefined as economics. */
  events?: readonly EventWindow[];
};

export interface BuildResultsInput {
  scenario: ScenarioOutline;
  scenarioFile: string;
  scenarioHash: string;
  rootSeed: number;
  replicates: number;
  policies: readonly PolicyDescription[];
  /** One result per (policy, replicate), in any order. */
  results: readonly ReplicateResult[];
  startedAt: Date;
  durationSeconds: number;
  workers: number;
  /** The policy every other is compared with, seed by seed; null for none. */
  reference: string | null;
  /** Tasks that failed; their policies are left out of `policies`. */
  failures: readonly TaskFailure[];
  /** Results merged from this many shards (offersim merge); undefined for a single run. */
  mergedShards?: number;
  /** The scenario as run, before the run's overrides (results.json `scenario.definition`). */
  scenarioDefinition?: Scenario;
  /** A built-in name or a module's absolute path per policy, in order. */
  policySources?: readonly string[];
  /** A sweep variant's `--set` values. */
  set?: Readonly<Record<string, string | number | boolean>>;
  /** Identifies the run in meta and in the tidy CSVs (`run_id`); the decision log's run_id when the run logs. */
  runId?: string;
}

/**
 * Assembles results.json: everything but `meta` depends only on the command's inputs, so the
 * same command gives the same bytes outside `meta`.
 */
export function buildResults(input: BuildResultsInput): ExperimentResults {
  const byPolicy = (name: string) =>
    input.results.filter((result) => result.policy === name).sort((a, b) => a.replicate - b.replicate);
  return {
    schemaVersion: RESULTS_SCHEMA_VERSION,
    meta: {
      ...(input.runId === undefined ? {} : { runId: input.runId }),
      offersimVersion: OFFERSIM_VERSION,
      createdAt: input.startedAt.toISOString(),
      durationSeconds: round(input.durationSeconds, 3),
      host: os.hostname(),
      platform: `${process.platform}-${process.arch}`,
      node: process.version,
      cpus: os.cpus().length,
      workers: input.workers,
      taskSeconds: input.results.map((result) => ({ policy: result.policy, replicate: result.replicate, seconds: round(result.wallSeconds, 3) })),
    },
    scenario: {
      name: input.scenario.name,
      description: input.scenario.description,
      hash: input.scenarioHash,
      file: input.scenarioFile,
      ...(input.scenario.economics === undefined ? {} : { currency: input.scenario.economics.currency }),
      ...(input.scenario.events === undefined ? {} : { events: input.scenario.events.map(eventWindow) }),
      ...(input.scenarioDefinition === undefined ? {} : { definition: input.scenarioDefinition }),
    },
    config: {
      rootSeed: input.rootSeed,
      seeds: input.replicates,
      replicates: Array.from({ length: input.replicates }, (_, r) => r),
      subscribers: input.scenario.population.size,
      days: input.scenario.horizonDays,
      warmupDays: input.scenario.warmupDays,
      policies: input.policies.map((policy) => policy.name),
      reference: input.reference,
      ...(input.policySources === undefined ? {} : { policySources: [...input.policySources] }),
      ...(input.set === undefined ? {} : { set: { ...input.set } }),
      ...(input.mergedShards === undefined ? {} : { shard: { count: input.mergedShards, merged: true as const } }),
    },
    policies: input.policies.map((policy) => {
      const entry = policyResults(policy, byPolicy(policy.name));
      entry.paired = input.reference === null ? null : pairedWith(input.reference, entry, byPolicy(input.reference));
      const oracleRuns = byPolicy(ORACLE);
      if (policy.name !== ORACLE && oracleRuns.length > 0) {
        entry.regretVsOracle = pairedDifference(oracleRuns.map((run) => run.groups.all.netValuePerSub), entry.kpis.netValuePerSub.perSeed);
      }
      const runs = byPolicy(policy.name);
      const learns = runs.some((run) => run.learningCurve !== null || (run.trainingExperience ?? null) !== null);
      const referenceRuns = byPolicy(LEARNING_TIME_REFERENCE);
      if (learns && policy.name !== LEARNING_TIME_REFERENCE && referenceRuns.length > 0 && input.scenario.economics?.marginShare !== undefined) {
        entry.learningTime = learningTime(runs, referenceRuns, input.scenario.economics.marginShare, input.scenario.horizonDays);
      }
      return entry;
    }),
    failures: [...input.failures],
  };
}

/** KPI differences from the reference policy, per seed, with a t-interval over seeds. */
function pairedWith(reference: string, entry: PolicyResults, referenceRuns: readonly ReplicateResult[]): PolicyResults["paired"] {
  const kpis = Object.fromEntries(
    KPI_NAMES.map((kpi) => [kpi, pairedDifference(entry.kpis[kpi].perSeed, referenceRuns.map((run) => run.groups.all[kpi]))]),
  ) as Record<KpiName, PairedDifference>;
  return { reference, kpis };
}

function policyResults(policy: PolicyDescription, runs: readonly ReplicateResult[]): PolicyResults {
  const summaries = (group: (typeof GROUPS)[number]) =>
    Object.fromEntries(KPI_NAMES.map((kpi) => [kpi, summarizeReplicates(runs.map((run) => run.groups[group][kpi]))])) as KpiSummaries;
  const segments: Record<string, KpiSummaries> = {};
  for (const group of GROUPS) if (group !== "all") segments[group] = summaries(group);
  return {
    policy: policy.name,
    description: policy.description,
    kpis: summaries("all"),
    segments,
    series: meanOfRecords(runs.map((run) => run.series)),
    ...timeSeriesBySeed(runs),
    programs: Object.fromEntries(
      Object.keys(runs[0].programs).map((program) => [program, meanOfRecord(runs.map((run) => run.programs[program]))]),
    ),
    seriesPerSeed: runs.map((run) => run.series.map((record) => ({ ...record }))),
    programsPerSeed: runs.map((run) => Object.fromEntries(Object.entries(run.programs).map(([program, counters]) => [program, { ...counters }]))),
    paired: null,
    regretVsOracle: null,
    learningCurve: meanCurve(runs),
    decisions: { total: runs.reduce((sum, run) => sum + (run.decisions ?? 0), 0), perSeed: runs.map((run) => run.decisions ?? 0) },
    ...upliftAuditOf(runs),
  };
}

/** The seeds' uplift audits summarised; nothing when the policy has no uplift model. */
function upliftAuditOf(runs: readonly ReplicateResult[]): { upliftAudit?: UpliftAuditSummary } {
  const audits = runs.map((run) => run.upliftAudit).filter((audit) => audit !== null && audit !== undefined);
  if (audits.length === 0) return {};
  const mean = (pick: (audit: (typeof audits)[number]) => number) => audits.reduce((sum, audit) => sum + pick(audit), 0) / audits.length;
  const meanCurve = (pick: (audit: (typeof audits)[number]) => number[]) => pick(audits[0]).map((_, k) => mean((audit) => pick(audit)[k]));
  return {
    upliftAudit: {
      treatment: audits[0].treatment,
      qini: summarizeReplicates(audits.map((audit) => audit.coefficient)),
      pairs: audits.reduce((sum, audit) => sum + audit.pairs, 0),
      share: [...audits[0].share],
      model: meanCurve((audit) => audit.model),
      perfect: meanCurve((audit) => audit.perfect),
      meanTrue: mean((audit) => audit.meanTrue),
      meanEstimate: mean((audit) => audit.meanEstimate),
    },
  };
}

/** The replicates' series over time side by side (they share buckets); nothing when a run lacks one (a shard written before offersim had it). */
function timeSeriesBySeed(runs: readonly ReplicateResult[]): { timeSeries?: TimeSeriesBySeed } {
  const series = runs.map((run) => run.timeSeries);
  if (series.some((one) => one === undefined)) return {};
  const [first] = series;
  return { timeSeries: { bucketDays: first.bucketDays, startDay: first.startDay, perSeed: series.map((one) => one.values) } };
}

/** The window of a scheduled event, as results.json keeps it (a Scenario's event has more). */
function eventWindow(event: EventWindow): EventWindow {
  return { type: event.type, label: event.label, startDay: event.startDay, endDay: event.endDay, region: event.region };
}

/** The replicates' learning curves averaged point by point (they share x); null when none learns. */
function meanCurve(runs: readonly ReplicateResult[]): LearningCurve | null {
  const curves = runs.map((run) => run.learningCurve).filter((curve) => curve !== null);
  if (curves.length === 0) return null;
  const length = Math.min(...curves.map((curve) => curve.x.length));
  const x = curves[0].x.slice(0, length);
  const y = x.map((_, k) => curves.reduce((sum, curve) => sum + curve.y[k], 0) / curves.length);
  return { xLabel: curves[0].xLabel, yLabel: curves[0].yLabel, x, y, ...(curves[0].parts ? { parts: curves[0].parts } : {}) };
}

function meanOfRecords(rows: readonly (readonly Record<string, number>[])[]): Record<string, number>[] {
  return rows[0].map((_, index) => meanOfRecord(rows.map((row) => row[index])));
}

function meanOfRecord(records: readonly Record<string, number>[]): Record<string, number> {
  return Object.fromEntries(Object.keys(records[0]).map((key) => [key, records.reduce((sum, record) => sum + record[key], 0) / records.length]));
}

function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
