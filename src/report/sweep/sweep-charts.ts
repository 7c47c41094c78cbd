import type { KpiName } from "../../metrics/replicate-kpis.js";
import type { SweepResults } from "../../sweep/sweep-results.js";
import { KPI_DISPLAY } from "../kpi-format.js";

/** KPIs charted against the swept parameter, in this order. */
export const SWEEP_CHART_KPIS: readonly KpiName[] = [
  "churnRateMonthly",
  "netValuePerSub",
  "revenuePerSub",
  "arpu",
  "clv",
  "contactsPerSubMonth",
  "acceptRate",
  "annoyance",
  "complaintRate",
  "offerCost",
];

/** One line of a chart: a policy's KPI at each value of the swept parameter. */
export interface SweepTrace {
  policy: string;
  x: (string | number | boolean)[];
  y: (number | null)[];
  /** Distances from y to the ends of the 95 % interval (0 with one seed). */
  errorPlus: number[];
  errorMinus: number[];
}

/** One chart: a KPI against the first parameter, for one value of each of the other parameters. */
export interface SweepChart {
  kpi: KpiName;
  title: string;
  xTitle: string;
  yTitle: string;
  /** True when every x value is a number (a numeric axis); else the values are categories. */
  numericX: boolean;
  caption: string;
  traces: SweepTrace[];
}

/**
 * The charts of a sweep report: for each KPI, the KPI against the first swept parameter with one
 * line per policy and 95 % intervals as error bars; with more parameters, one chart per
 * combination of the others' values (facets). Rates are shown in percent.
 */
export function sweepCharts(sweep: SweepResults): SweepChart[] {
  const [xParameter, ...facetParameters] = sweep.parameters;
  const facets = combinations(facetParameters.map((parameter) => parameter.values));
  const numericX = xParameter.values.every((value) => typeof value === "number");
  return SWEEP_CHART_KPIS.flatMap((kpi) =>
    facets.map((facet) => {
      const variants = xParameter.values.map((x) =>
        sweep.variants.find(
          (variant) => variant.values[xParameter.path] === x && facetParameters.every((parameter, f) => variant.values[parameter.path] === facet[f]),
        ),
      );
      const { label } = KPI_DISPLAY[kpi];
      const scale = label.includes("%") ? 100 : 1;
      const traces = sweep.config.policies.map((policy) => {
        const summaries = variants.map((variant) => variant?.policies[policy]?.[kpi]);
        return {
          policy,
          x: xParameter.values,
          y: summaries.map((summary) => (summary ? summary.mean * scale : null)),
          errorPlus: summaries.map((summary) => (summary?.ci95 ? (summary.ci95[1] - summary.mean) * scale : 0)),
          errorMinus: summaries.map((summary) => (summary?.ci95 ? (summary.mean - summary.ci95[0]) * scale : 0)),
        };
      });
      const facetText = facetParameters.map((parameter, f) => `${parameter.path} = ${String(facet[f])}`).join(", ");
      return {
        kpi,
        title: facetText ? `${label} (${facetText})` : label,
        xTitle: xParameter.path,
        yTitle: label,
        numericX,
        caption: caption(label, xParameter.path, facetText, sweep.config.seeds, traces, KPI_DISPLAY[kpi].format, scale),
        traces,
      };
    }),
  );
}

/** One sentence: what the chart shows and where the KPI is lowest and highest. */
function caption(label: string, xPath: string, facetText: string, seeds: number, traces: readonly SweepTrace[], format: (value: number) => string, scale: number): string {
  const points = traces.flatMap((trace) =>
    trace.y.flatMap((value, index) => (value === null ? [] : [{ value, at: `${trace.policy} at ${String(trace.x[index])}` }])),
  );
  const where = facetText ? ` with ${facetText}` : "";
  const intervals = seeds > 1 ? `bars are 95 % intervals over ${seeds} seeds` : "one seed, so no intervals";
  let range = "";
  if (points.length > 0) {
    const low = points.reduce((best, point) => (point.value < best.value ? point : best));
    const high = points.reduce((best, point) => (point.value > best.value ? point : best));
    range = `; it runs from ${format(low.value / scale)} (${low.at}) to ${format(high.value / scale)} (${high.at})`;
  }
  return `${label} against ${xPath}${where}, one line per policy (${intervals})${range}.`;
}

function combinations<T>(lists: readonly (readonly T[])[]): T[][] {
  return lists.reduce<T[][]>((all, values) => all.flatMap((combination) => values.map((value) => [...combination, value])), [[]]);
}
