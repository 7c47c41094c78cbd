import type { ExperimentResults } from "./build-results.js";
import { paretoEfficient } from "./pareto-front.js";
import { baseLayout, errorBars, type ReportFigure } from "./report-figure.js";

/**
 * Churn against net revenue per customer, one marker per policy with its 95 % intervals on both
 * axes, coloured by mean annoyance; diamonds and a dashed line mark the Pareto-efficient
 * policies (no other policy has both less churn and more net revenue).
 */
export function tradeOffFigure(results: ExperimentResults): ReportFigure {
  const entries = results.policies;
  const efficient = paretoEfficient(entries.map((entry) => [entry.kpis.churnRateMonthly.mean, -entry.kpis.revenuePerSub.mean]));
  const annoyance = entries.map((entry) => entry.kpis.annoyance.mean);
  const colourRange = { cmin: Math.min(...annoyance), cmax: Math.max(Math.max(...annoyance), Math.min(...annoyance) + 1e-9) };
  const traces: Record<string, unknown>[] = entries.map((entry, index) => ({
    type: "scatter",
    mode: "markers+text",
    name: entry.policy + (efficient[index] ? " (efficient)" : ""),
    x: [entry.kpis.churnRateMonthly.mean * 100],
    y: [entry.kpis.revenuePerSub.mean],
    text: [entry.policy],
    textposition: "top center",
    error_x: errorBars(entry.kpis.churnRateMonthly.mean, entry.kpis.churnRateMonthly.ci95, 100),
    error_y: errorBars(entry.kpis.revenuePerSub.mean, entry.kpis.revenuePerSub.ci95),
    marker: {
      size: 16,
      symbol: efficient[index] ? "diamond" : "circle",
      line: { width: efficient[index] ? 2 : 0.5, color: "#222" },
      color: [annoyance[index]],
      colorscale: "YlOrRd",
      reversescale: true,
      ...colourRange,
      showscale: index === 0,
      colorbar: { title: { text: "annoyance" } },
    },
    hovertemplate: `${entry.policy}<br>churn %{x:.3f} %/month<br>net revenue/customer %{y:.2f}<br>annoyance ${annoyance[index].toFixed(3)}<extra></extra>`,
  }));
  const front = entries.map((entry, index) => ({ entry, index })).filter(({ index }) => efficient[index]);
  front.sort((a, b) => a.entry.kpis.churnRateMonthly.mean - b.entry.kpis.churnRateMonthly.mean);
  traces.push({
    type: "scatter",
    mode: "lines",
    name: "Pareto front",
    x: front.map(({ entry }) => entry.kpis.churnRateMonthly.mean * 100),
    y: front.map(({ entry }) => entry.kpis.revenuePerSub.mean),
    line: { dash: "dash", color: "#555" },
    hoverinfo: "skip",
  });
  return {
    id: "trade-off",
    data: traces,
    layout: { ...baseLayout("Churn against net revenue", "churn, % per month (lower is better)", "net revenue per customer (higher is better)"), showlegend: true },
    caption:
      "Up and to the left is better: each marker is a policy (bars: 95 % intervals over seeds, colour: mean annoyance), and diamonds joined by the dashed line are the Pareto-efficient policies, those no other policy beats on both churn and net revenue.",
  };
}
