import type { KpiName } from "../metrics/replicate-kpis.js";
import { pairedDifference, type MeanDifference } from "../metrics/summarize-replicates.js";
import type { ExperimentResults, PolicyResults } from "./build-results.js";
import { groupThousands } from "./group-thousands.js";
import { formatDifference, MONEY_KPIS } from "./kpi-format.js";
import { moneyAmount, runCurrency } from "./currency.js";
import { significance } from "./significance.js";

/** The KPI policies are ranked on (docs/kpis.md). */
const OBJECTIVE: KpiName = "netValuePerSub";
/** The upper reference, left out of the ranking: it sees what no deployable policy can. */
const ORACLE = "oracle";
/** Side effects a strategy lead weighs against value, in the order they are reported. */
const SIDE_EFFECTS: readonly { kpi: KpiName; unit: string; name: string }[] = [
  { kpi: "churnRateMonthly", unit: " percentage points a month", name: "churn" },
  { kpi: "annoyance", unit: "", name: "annoyance" },
  { kpi: "complaintRate", unit: " percentage points", name: "complaints" },
  { kpi: "optOutRate", unit: " percentage points", name: "opt-outs" },
];

/**
 * The answer first, in plain sentences a strategy lead can paste into a slide: the best policy on
 * net value per customer with its paired margin over the reference and over the runner-up, its
 * significant side effects, the policy with the least churn when it is another, and the failed
 * tasks. Every margin is a paired difference, seed by seed, with its 95 % interval.
 */
export function reportSummary(results: ExperimentResults): string[] {
  const currency = runCurrency(results);
  const value = (entry: PolicyResults) => moneyAmount(groupThousands(entry.kpis[OBJECTIVE].mean.toFixed(1)), currency);
  const difference = (kpi: KpiName, paired: MeanDifference) => differenceText(kpi, paired, currency);
  const margin = (a: PolicyResults, b: PolicyResults, kpi: KpiName) => marginText(a, b, kpi, currency);
  const reference = results.policies.find((entry) => entry.policy === results.config.reference) ?? null;
  const ranked = results.policies.filter((entry) => entry.policy !== ORACLE).sort((a, b) => b.kpis[OBJECTIVE].mean - a.kpis[OBJECTIVE].mean);
  const lines: string[] = [];
  const [best, runnerUp] = ranked;
  if (best) {
    const versus = [
      reference && best !== reference ? margin(best, reference, OBJECTIVE) : null,
      runnerUp ? margin(best, runnerUp, OBJECTIVE) : null,
    ].filter((text): text is string => text !== null);
    lines.push(`${best.policy} has the most net value per customer, ${value(best)}${versus.length > 0 ? `: ${versus.join("; ")}` : ""}.`);
    if (best.regretVsOracle) lines.push(`The oracle, which sees what no real policy can, gets ${difference(OBJECTIVE, best.regretVsOracle)} per customer more than ${best.policy}.`);
    if (reference && best !== reference) lines.push(sideEffects(best, reference, currency));
  }
  const leastChurn = [...ranked].sort((a, b) => a.kpis.churnRateMonthly.mean - b.kpis.churnRateMonthly.mean)[0];
  if (reference && leastChurn && best && leastChurn !== best && leastChurn !== reference) {
    lines.push(`${leastChurn.policy} has the least churn, ${margin(leastChurn, reference, "churnRateMonthly")} percentage points a month, at ${margin(leastChurn, best, OBJECTIVE)} in net value per customer.`);
  }
  const failed = [...new Set(results.failures.map((failure) => failure.policy))];
  lines.push(
    failed.length === 0
      ? "Every task finished."
      : `${results.failures.length} task(s) failed, so ${failed.join(", ")} ${failed.length === 1 ? "is" : "are"} left out of every chart and table (see "Scenario, seeds and version").`,
  );
  return lines;
}

/** "+12.3 ± 4.5 more than no-contact, a real difference" for a − b on `kpi`, seed by seed. */
function marginText(a: PolicyResults, b: PolicyResults, kpi: KpiName, currency: string | null): string {
  const paired = pairedOf(a, b, kpi);
  const verdict = paired.ci95 === null ? "one seed, no interval" : significance(kpi, paired) ? "a real difference" : "within the noise";
  return `${differenceText(kpi, paired, currency)} against ${b.policy} (${verdict})`;
}

function pairedOf(a: PolicyResults, b: PolicyResults, kpi: KpiName): MeanDifference {
  if (a.paired && a.paired.reference === b.policy) return a.paired.kpis[kpi];
  return pairedDifference(a.kpis[kpi].perSeed, b.kpis[kpi].perSeed);
}

/** "+12.3 ± 4.5", with the currency on a money KPI: "+12.3 ± 4.5 EUR". */
function differenceText(kpi: KpiName, paired: MeanDifference, currency: string | null): string {
  const text = groupThousands(formatDifference(kpi, paired.meanDiff, paired.ci95));
  return MONEY_KPIS.has(kpi) ? moneyAmount(text, currency) : text;
}

function sideEffects(best: PolicyResults, reference: PolicyResults, currency: string | null): string {
  const changes = SIDE_EFFECTS.flatMap(({ kpi, unit, name }) => {
    const paired = pairedOf(best, reference, kpi);
    const mark = significance(kpi, paired);
    return mark ? [{ mark, text: `${name} ${differenceText(kpi, paired, currency)}${unit}` }] : [];
  });
  const worse = changes.filter((change) => change.mark === "worse").map((change) => change.text);
  const better = changes.filter((change) => change.mark === "better").map((change) => change.text);
  if (worse.length === 0 && better.length === 0) return `Against ${reference.policy} it changes churn, annoyance, complaints and opt-outs by no more than the noise.`;
  const parts = [worse.length > 0 ? `the price is ${worse.join(", ")}` : `it costs nothing in churn, annoyance, complaints or opt-outs`];
  if (better.length > 0) parts.push(`it also improves ${better.join(", ")}`);
  return `Against ${reference.policy}, ${parts.join("; ")}.`;
}
