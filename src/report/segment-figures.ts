import { VALUE_SEGMENTS } from "../scenario/vocabulary.js";
import { moneyLabel, runCurrency } from "./currency.js";
import { MONEY_KPIS } from "./kpi-format.js";
import type { KpiName } from "../metrics/replicate-kpis.js";
import { pairedDifference } from "../metrics/summarize-replicates.js";
import type { ExperimentResults, PolicyResults } from "./build-results.js";
import { runPolicyColours } from "./policy-colours.js";
import { baseLayout, type ReportFigure } from "./report-figure.js";

/** Segments in report order: the value segments first (strategic, the high-value customers, leading), then plan types. */
export function segmentOrder(results: ExperimentResults): string[] {
  const present = Object.keys(results.policies[0]?.segments ?? {});
  const valueFirst = VALUE_SEGMENTS.filter((segment) => present.includes(segment));
  return [...valueFirst, ...present.filter((segment) => !valueFirst.includes(segment as (typeof VALUE_SEGMENTS)[number]))];
}

const CHARTS: readonly { kpi: KpiName; title: string; yTitle: string; better: string; scale: number }[] = [
  { kpi: "netValuePerSub", title: "Net value per customer by segment", yTitle: "net value per customer", better: "higher is better", scale: 1 },
  { kpi: "churnRateMonthly", title: "Churn by segment", yTitle: "churn, % a month", better: "lower is better", scale: 100 },
];

interface Bar {
  mean: number;
  ci95: [number, number] | null;
}

/**
 * Per-segment bars, strategic customers first. With a reference policy each bar is a policy's
 * paired difference from it in that segment, seed by seed (the reference is the zero line);
 * without one, each policy's level, with 95 % intervals either way.
 */
export function segmentFigures(results: ExperimentResults): ReportFigure[] {
  const segments = segmentOrder(results);
  const colours = runPolicyColours(results);
  const reference = results.policies.find((entry) => entry.policy === results.config.reference);
  const shown = reference ? results.policies.filter((entry) => entry !== reference) : results.policies;
  return CHARTS.map((chart) => {
    const bar = (entry: PolicyResults, segment: string): Bar => {
      const summary = entry.segments[segment][chart.kpi];
      if (!reference) return summary;
      const difference = pairedDifference(summary.perSeed, reference.segments[segment][chart.kpi].perSeed);
      return { mean: difference.meanDiff, ci95: difference.ci95 };
    };
    const money = MONEY_KPIS.has(chart.kpi) ? runCurrency(results) : null;
    const yTitle = `${moneyLabel(`${reference ? "Δ " : ""}${chart.yTitle}`, money)} (${chart.better})`;
    const layout = baseLayout("segment (strategic = the high-value fifth of the base at the start)", yTitle);
    return {
      id: `segments-${chart.kpi}`,
      title: reference ? `${chart.title}: change from ${reference.policy}, seed by seed` : chart.title,
      data: shown.map((entry) => {
        const bars = segments.map((segment) => bar(entry, segment));
        return {
          type: "bar",
          name: entry.policy,
          marker: { color: colours.get(entry.policy) },
          x: segments,
          y: bars.map((b) => b.mean * chart.scale),
          error_y: {
            type: "data",
            symmetric: false,
            array: bars.map((b) => (b.ci95 ? (b.ci95[1] - b.mean) * chart.scale : 0)),
            arrayminus: bars.map((b) => (b.ci95 ? (b.mean - b.ci95[0]) * chart.scale : 0)),
            visible: bars.some((b) => b.ci95 !== null),
          },
        };
      }),
      // The segment names are long enough to slant, which pushes the x axis title down: the legend goes lower, off its line.
      layout: { ...layout, barmode: "group", yaxis: { ...(layout.yaxis as object), zeroline: !!reference, zerolinewidth: 2 }, legend: { ...(layout.legend as object), y: -0.34 } },
      caption: reference
        ? `Compare the bars within a segment, strategic (high-value) customers first: each bar is one policy's ${chart.yTitle} minus ${reference.policy}'s in that segment, computed seed by seed, with its 95 % paired interval, so a bar whose interval does not cross zero differs from ${reference.policy} there.`
        : `Compare the bars within a segment, strategic (high-value) customers first: each bar is one policy's ${chart.yTitle} in that segment, with its 95 % interval over seeds.`,
    };
  });
}
