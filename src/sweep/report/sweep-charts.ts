import type { KpiName } from "../../metrics/replicate-kpis.js";
import { SWEEP_PAIRED_KPIS, type SweepResults, type SweepVariantResults } from "../sweep-results.js";
import { KPI_DISPLAY, kpiLabel } from "../../report/kpi-format.js";

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

/**
 * What a chart's y axis shows: the KPI itself (95 % interval of each policy's mean over seeds),
 * its difference from the reference policy, or its change from the parameter's first value
 * (both paired seed by seed on common random numbers, so their intervals are the ones to read
 * a difference from).
 */
export type SweepChartKind = "level" | "vsReference" | "vsFirstValue";

/** One line of a facet: a policy's KPI at each value of the first swept parameter. */
export interface SweepTrace {
  policy: string;
  x: (string | number | boolean)[];
  y: (number | null)[];
  /** Distances from y to the ends of the 95 % interval (0 with one seed). */
  errorPlus: number[];
  errorMinus: number[];
}

/** One panel of a chart: the other parameters at one combination of their values. */
export interface SweepFacet {
  /** "price = 5, region = 2"; "" when only one parameter is swept. */
  label: string;
  traces: SweepTrace[];
}

/** One chart per KPI and view: the KPI against the first parameter, one panel (facet) per combination of the others' values. */
export interface SweepChart {
  kpi: KpiName;
  kind: SweepChartKind;
  title: string;
  xTitle: string;
  yTitle: string;
  /** True when every x value is a number (a numeric axis); else the values are categories. */
  numericX: boolean;
  caption: string;
  facets: SweepFacet[];
}

/**
 * The charts of a sweep report, one per KPI and view: for each KPI, the KPI against the first
 * swept parameter with one line per policy and 95 % intervals as error bars; for the paired
 * KPIs, also the difference from the reference policy and the change from the parameter's first
 * value, with paired intervals. With more parameters, each chart has one panel per combination
 * of the others' values (small multiples on a shared y axis), never one chart per combination.
 * Rates are shown in percent; money carries the sweep's currency.
 */
export function sweepCharts(sweep: SweepResults): SweepChart[] {
  const [xParameter, ...facetParameters] = sweep.parameters;
  const combinations = valueCombinations(facetParameters.map((parameter) => parameter.values));
  const numericX = xParameter.values.every((value) => typeof value === "number");
  const reference = sweep.config.reference;
  const currency = sweep.config.currency ?? null;
  const chartOf = (kpi: KpiName, kind: SweepChartKind): SweepChart => {
    const label = kpiLabel(kpi, currency);
    const scale = KPI_DISPLAY[kpi].label.includes("%") ? 100 : 1;
    const policies = kind === "vsReference" ? sweep.config.policies.filter((policy) => policy !== reference) : sweep.config.policies;
    const facets = combinations.map((combination) => {
      const variants = xParameter.values.map((x) =>
        sweep.variants.find(
          (variant) => variant.values[xParameter.path] === x && facetParameters.every((parameter, f) => variant.values[parameter.path] === combination[f]),
        ),
      );
      const traces = policies.map((policy) => {
        const points = variants.map((variant) => point(variant, policy, kpi, kind));
        return {
          policy,
          x: xParameter.values,
          y: points.map((p) => (p ? p.mean * scale : null)),
          errorPlus: points.map((p) => (p?.ci95 ? (p.ci95[1] - p.mean) * scale : 0)),
          errorMinus: points.map((p) => (p?.ci95 ? (p.mean - p.ci95[0]) * scale : 0)),
        };
      });
      return { label: facetParameters.map((parameter, f) => `${parameter.path} = ${String(combination[f])}`).join(", "), traces };
    });
    const what = kind === "level" ? label : kind === "vsReference" ? `${label}: difference from ${String(reference)}` : `${label}: change from ${xParameter.path} = ${String(xParameter.values[0])}`;
    return {
      kpi,
      kind,
      title: what,
      xTitle: xParameter.path,
      yTitle: kind === "level" ? label : `difference in ${label}`,
      numericX,
      caption: caption(what, kind, xParameter.path, facetParameters.map((parameter) => parameter.path), sweep.config.seeds, facets, KPI_DISPLAY[kpi].format, scale),
      facets,
    };
  };
  return [
    ...(reference ? SWEEP_PAIRED_KPIS.map((kpi) => chartOf(kpi, "vsReference")) : []),
    ...SWEEP_PAIRED_KPIS.map((kpi) => chartOf(kpi, "vsFirstValue")),
    ...SWEEP_CHART_KPIS.map((kpi) => chartOf(kpi, "level")),
  ];
}

/** A chart point: the mean and its interval, or undefined where the policy failed. */
function point(variant: SweepVariantResults | undefined, policy: string, kpi: KpiName, kind: SweepChartKind): { mean: number; ci95: [number, number] | null } | undefined {
  if (kind === "level") return variant?.policies[policy]?.[kpi];
  const difference = kind === "vsReference" ? variant?.paired[policy]?.[kpi] : variant?.vsFirstValue[policy]?.[kpi];
  return difference && { mean: difference.meanDiff, ci95: difference.ci95 };
}

/** One sentence: what the chart shows, its panels, and where the KPI is lowest and highest. */
function caption(
  what: string,
  kind: SweepChartKind,
  xPath: string,
  facetPaths: readonly string[],
  seeds: number,
  facets: readonly SweepFacet[],
  format: (value: number) => string,
  scale: number,
): string {
  const points = facets.flatMap((facet) =>
    facet.traces.flatMap((trace) =>
      trace.y.flatMap((value, index) => (value === null ? [] : [{ value, at: `${trace.policy} at ${String(trace.x[index])}${facet.label ? ` with ${facet.label}` : ""}` }])),
    ),
  );
  const panels = facetPaths.length > 0 ? `, one panel per value of ${facetPaths.join(" and ")} on a shared y axis` : "";
  const paired = kind === "level" ? "" : " of the seed-by-seed differences (common random numbers)";
  const intervals = seeds > 1 ? `bars are 95 % intervals${paired} over ${seeds} seeds` : "one seed, so no intervals";
  let range = "";
  if (points.length > 0) {
    const low = points.reduce((best, point) => (point.value < best.value ? point : best));
    const high = points.reduce((best, point) => (point.value > best.value ? point : best));
    range = `; it runs from ${format(low.value / scale)} (${low.at}) to ${format(high.value / scale)} (${high.at})`;
  }
  return `${what} against ${xPath}${panels}, one line per policy (${intervals})${range}.`;
}

function valueCombinations<T>(lists: readonly (readonly T[])[]): T[][] {
  return lists.reduce<T[][]>((all, values) => all.flatMap((combination) => values.map((value) => [...combination, value])), [[]]);
}
