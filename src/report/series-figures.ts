import { DAYS_PER_MONTH } from "../world/params/world-params.js";
import type { ExperimentResults } from "./build-results.js";
import { runPolicyColours } from "./policy-colours.js";
import { baseLayout, type ReportFigure } from "./report-figure.js";

interface SeriesChart {
  key: string;
  title: string;
  yTitle: string;
  value: (row: Record<string, number>, periodDays: number) => number;
}

const PERIOD_DAYS = 30;

const CHARTS: readonly SeriesChart[] = [
  { key: "churn", title: "Churn over time", yTitle: "churn, % per month", value: (row) => row.churnRateMonthly * 100 },
  {
    key: "arpu",
    title: "Revenue per active subscriber over time",
    yTitle: "revenue per active subscriber-month",
    value: (row, periodDays) => (row.activeSubscribers > 0 ? row.revenue / (row.activeSubscribers * (periodDays / DAYS_PER_MONTH)) : 0),
  },
  { key: "contacts", title: "Contacts over time", yTitle: "contacts per subscriber-month", value: (row) => row.contactsPerSubMonth },
  { key: "annoyance", title: "Annoyance over time", yTitle: "mean annoyance at the period's end", value: (row) => row.annoyance },
];

/** KPIs per 30-day period, one line per policy (series: mean over seeds). */
export function seriesFigures(results: ExperimentResults): ReportFigure[] {
  const days = results.config.days;
  const colours = runPolicyColours(results);
  return CHARTS.map((chart) => ({
    id: `series-${chart.key}`,
    title: chart.title,
    data: results.policies.map((entry) => ({
      type: "scatter",
      mode: "lines+markers",
      name: entry.policy,
      line: { color: colours.get(entry.policy) },
      marker: { color: colours.get(entry.policy) },
      x: entry.series.map((row) => row.startDay),
      y: entry.series.map((row) => chart.value(row, Math.min(PERIOD_DAYS, days - row.startDay))),
    })),
    layout: baseLayout("day (start of each 30-day period)", chart.yTitle),
    caption: `Each line is one policy's ${chart.yTitle} in each 30-day period, averaged over seeds: lines that part with time show a policy's effect building up (or a learning policy improving).`,
  }));
}
