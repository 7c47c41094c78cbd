import { summarizeReplicates } from "../metrics/summarize-replicates.js";
import type { TimeSeriesKpi } from "../metrics/replicate-kpis.js";
import type { TimeSeriesBySeed } from "../results/time-series.js";
import { DAYS_PER_MONTH } from "../world/params/world-params.js";
import type { ExperimentResults } from "./build-results.js";
import { moneyLabel, runCurrency } from "./currency.js";
import { eventShapes, eventsSentence } from "./event-shading.js";
import { runPolicyColours } from "./policy-colours.js";
import type { ReportFigure } from "./report-figure.js";

/** One panel of the chart over time: a KPI per bucket, from one seed's columns. */
interface SeriesPanel {
  name: string;
  yTitle: (currency: string | null) => string;
  value: (values: Readonly<Record<TimeSeriesKpi, readonly number[]>>, bucket: number, days: number) => number;
}

const PANELS: readonly SeriesPanel[] = [
  { name: "churn", yTitle: () => "churn, %/month", value: (values, k) => values.churnRateMonthly[k] * 100 },
  {
    name: "revenue",
    yTitle: (currency) => moneyLabel("revenue/active sub-month", currency),
    value: (values, k, days) => (values.activeSubscribers[k] > 0 ? values.revenue[k] / (values.activeSubscribers[k] * (days / DAYS_PER_MONTH)) : 0),
  },
  { name: "contacts", yTitle: () => "contacts/sub-month", value: (values, k) => values.contactsPerSubMonth[k] },
  { name: "annoyance", yTitle: () => "mean annoyance at end", value: (values, k) => values.annoyance[k] },
];

/** Gap between two panels, as a share of the plot's height. */
const PANEL_GAP = 0.04;
/** Band fill: the policy's colour, this opaque. */
const BAND_OPACITY = "26";

/**
 * KPIs over time in one chart of four panels sharing the day axis and one legend: churn, revenue
 * per active subscriber-month, contacts and annoyance per bucket (daily, weekly or 30-day, from
 * the scenario's events: results.json `timeSeries`), one line per policy (its mean over seeds)
 * in a band (the 95 % t-interval over seeds, bucket by bucket), and the scheduled events'
 * windows shaded. A results.json without per-seed series (written before offersim had them)
 * gives the 30-day means without bands.
 */
export function seriesFigures(results: ExperimentResults): ReportFigure[] {
  const colours = runPolicyColours(results);
  const currency = runCurrency(results);
  const horizon = results.config.days;
  const bySeed = results.policies.map((entry) => entry.timeSeries ?? meanAsOneSeed(entry.series));
  const withBands = results.policies.every((entry) => entry.timeSeries !== undefined) && results.config.seeds > 1;
  const bucketDays = bySeed[0]?.bucketDays ?? 30;
  const domains = PANELS.map((_, p) => panelDomain(p));
  const data: Record<string, unknown>[] = [];
  PANELS.forEach((panel, p) => {
    const axis = p === 0 ? "y" : `y${p + 1}`;
    results.policies.forEach((entry, e) => {
      const series = bySeed[e];
      const colour = colours.get(entry.policy)!;
      const x = series.startDay.map((start) => start + Math.min(series.bucketDays, horizon - start) / 2);
      const summaries = series.startDay.map((start, k) => summarizeReplicates(series.perSeed.map((values) => panel.value(values, k, Math.min(series.bucketDays, horizon - start)))));
      const common = { type: "scatter", x, xaxis: "x", yaxis: axis, legendgroup: entry.policy };
      if (withBands) {
        const band = { ...common, mode: "lines", line: { width: 0, color: colour }, showlegend: false, hoverinfo: "skip", name: `${entry.policy}: 95 % interval` };
        data.push({ ...band, y: summaries.map((summary) => rounded(summary.ci95![1])) });
        data.push({ ...band, y: summaries.map((summary) => rounded(summary.ci95![0])), fill: "tonexty", fillcolor: `${colour}${BAND_OPACITY}` });
      }
      data.push({
        ...common,
        mode: series.startDay.length > 60 ? "lines" : "lines+markers",
        name: entry.policy,
        line: { color: colour, width: 1.5 },
        marker: { color: colour, size: 4 },
        showlegend: p === 0,
        y: summaries.map((summary) => rounded(summary.mean)),
      });
    });
  });
  const yAxes = Object.fromEntries(
    PANELS.map((panel, p) => [p === 0 ? "yaxis" : `yaxis${p + 1}`, { domain: domains[p], title: { text: panel.yTitle(currency) }, zeroline: false, automargin: true }]),
  );
  const bucketWords = bucketDays === 1 ? "day" : bucketDays === 7 ? "week" : `${bucketDays}-day period`;
  const layout = {
    xaxis: { title: { text: bucketDays === 1 ? "day" : `day (middle of each ${bucketWords})` }, range: [0, horizon], zeroline: false, automargin: true, anchor: "y4" },
    ...yAxes,
    shapes: eventShapes(results.scenario.events ?? [], horizon),
    showlegend: true,
    legend: { orientation: "v", x: 1.01, xanchor: "left", y: 1, yanchor: "top", itemsizing: "constant", tracegroupgap: 2 },
    hovermode: "x",
    margin: { t: 36, r: 20, b: 40, l: 70 },
    height: 900,
  };
  const intervals = withBands
    ? `the band around it is the 95 % interval over ${results.config.seeds} seeds in that ${bucketWords}`
    : results.config.seeds > 1
      ? "no bands, as this results.json has no per-seed series (written by an older offersim: run again for intervals)"
      : "one seed, so no bands";
  return [
    {
      id: "series",
      title: `KPIs over time, per ${bucketWords}: churn, revenue, contacts and annoyance`,
      data,
      layout,
      caption: `Each line is one policy's mean over seeds per ${bucketWords} (${bucketRule(bucketDays)}) and ${intervals}; lines that part with time show a policy's effect building up${eventsSentence(results.scenario.events ?? [], horizon)}.`,
    },
  ];
}

/** The vertical extent of panel `p` (from the top), as a share of the plot's height. */
function panelDomain(p: number): [number, number] {
  const height = (1 - PANEL_GAP * (PANELS.length - 1)) / PANELS.length;
  const top = 1 - p * (height + PANEL_GAP);
  return [round4(top - height), round4(top)];
}

/** Why buckets of this size: the rule of seriesBucketDays in words. */
function bucketRule(bucketDays: number): string {
  if (bucketDays === 1) return "daily, as the shortest scheduled event lasts under 14 days";
  if (bucketDays === 7) return "weekly, as the shortest scheduled event lasts under 60 days";
  return "30-day periods, as no scheduled event is shorter than 60 days";
}

/** The 30-day means of an older results.json, as a series of one seed. */
function meanAsOneSeed(series: readonly Record<string, number>[]): TimeSeriesBySeed {
  const column = (kpi: TimeSeriesKpi) => series.map((row) => row[kpi]);
  return {
    bucketDays: 30,
    startDay: series.map((row) => row.startDay),
    perSeed: [
      {
        churnRateMonthly: column("churnRateMonthly"),
        revenue: column("revenue"),
        contactsPerSubMonth: column("contactsPerSubMonth"),
        acceptRate: column("acceptRate"),
        annoyance: column("annoyance"),
        cost: column("cost"),
        activeSubscribers: column("activeSubscribers"),
      },
    ],
  };
}

/** Six significant digits: plenty for a chart, and a page a third the size. */
function rounded(value: number): number {
  return Number(value.toPrecision(6));
}

function round4(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}
