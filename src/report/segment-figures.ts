import { VALUE_SEGMENTS } from "../scenario/vocabulary.js";
import type { KpiName } from "../metrics/replicate-kpis.js";
import type { ExperimentResults } from "./build-results.js";
import { baseLayout, policyColour, type ReportFigure } from "./report-figure.js";

/** Segments in report order: the value segments first (strategic, the high-value customers, leading), then plan types. */
export function segmentOrder(results: ExperimentResults): string[] {
  const present = Object.keys(results.policies[0]?.segments ?? {});
  const valueFirst = VALUE_SEGMENTS.filter((segment) => present.includes(segment));
  return [...valueFirst, ...present.filter((segment) => !valueFirst.includes(segment as (typeof VALUE_SEGMENTS)[number]))];
}

const CHARTS: readonly { kpi: KpiName; title: string; yTitle: string; scale: number }[] = [
  { kpi: "netValuePerSub", title: "Net value per customer by segment", yTitle: "net value per customer (higher is better)", scale: 1 },
  { kpi: "churnRateMonthly", title: "Churn by segment", yTitle: "churn, % per month (lower is better)", scale: 100 },
];

/** Per-segment bars, one per policy, with 95 % intervals; strategic customers first. */
export function segmentFigures(results: ExperimentResults): ReportFigure[] {
  const segments = segmentOrder(results);
  return CHARTS.map((chart) => ({
    id: `segments-${chart.kpi}`,
    data: results.policies.map((entry, index) => {
      const summaries = segments.map((segment) => entry.segments[segment][chart.kpi]);
      return {
        type: "bar",
        name: entry.policy,
        marker: { color: policyColour(index) },
        x: segments,
        y: summaries.map((summary) => summary.mean * chart.scale),
        error_y: {
          type: "data",
          symmetric: false,
          array: summaries.map((summary) => (summary.ci95 ? (summary.ci95[1] - summary.mean) * chart.scale : 0)),
          arrayminus: summaries.map((summary) => (summary.ci95 ? (summary.mean - summary.ci95[0]) * chart.scale : 0)),
          visible: summaries.some((summary) => summary.ci95 !== null),
        },
      };
    }),
    layout: { ...baseLayout(chart.title, "segment (strategic = the high-value fifth of the base at the start)", chart.yTitle), barmode: "group" },
    caption: `Compare the bars within a segment, strategic (high-value) customers first: each bar is one policy's ${chart.yTitle.replace(/ \(.*\)$/, "")} in that segment, with its 95 % interval over seeds.`,
  }));
}
