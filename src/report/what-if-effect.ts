import type { Scenario } from "../scenario/scenario-schema.js";
import type { KpiName } from "../metrics/replicate-kpis.js";
import type { PairedDifference } from "../metrics/summarize-replicates.js";

/** One KPI of one policy: its mean in both worlds, and what-if - baseline with its 95 % interval. */
export interface WhatIfEffect extends PairedDifference {
  readonly whatIf: number;
  readonly baseline: number;
  /** The Welch interval of the same difference, as if the worlds were unrelated: for comparison. */
  readonly welchCi95: [number, number] | null;
}

/** `againstBaseline` in results.json: the what-if's effect on each policy against the baseline world. */
export interface AgainstBaseline {
  /** The baseline world's scenario; `definition` as results.json `scenario.definition` (`run --from` reruns it). */
  readonly scenario: { name: string; hash: string; file: string; definition?: Scenario };
  /** "paired" (seed by seed) or "welch". */
  readonly method: "paired" | "welch";
  /** Which method and why, in one sentence. */
  readonly reason: string;
  readonly kpis: readonly KpiName[];
  /** Policy -> KPI -> effect; policies of both runs only. */
  readonly policies: Record<string, Partial<Record<KpiName, WhatIfEffect>>>;
}
