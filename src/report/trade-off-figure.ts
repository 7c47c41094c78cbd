import type { ExperimentResults } from "./build-results.js";
import { moneyLabel, runCurrency } from "./currency.js";
import { paretoEfficient } from "./pareto-front.js";
import { runPolicyColours } from "./policy-colours.js";
import { annoyanceSizes, baseLayout, errorBars, type ReportFigure } from "./report-figure.js";

/**
 * The absolute view: churn against net value per customer, one marker per policy (its colour)
 * with its 95 % intervals on both axes and an area proportional to mean annoyance; diamonds and
 * a dashed line mark the Pareto-efficient policies (no other policy has both less churn and more
 * net value). The paired view (pairedTradeOffFigure) is the one to read differences from.
 */
export function tradeOffFigure(results: ExperimentResults): ReportFigure {
  const entries = results.policies;
  const colours = runPolicyColours(results);
  const currency = runCurrency(results);
  const money = currency === null ? "" : ` ${currency}`;
  const efficient = paretoEfficient(entries.map((entry) => [entry.kpis.churnRateMonthly.mean, -entry.kpis.netValuePerSub.mean]));
  const sizes = annoyanceSizes(entries.map((entry) => entry.kpis.annoyance.mean));
  const traces: Record<string, unknown>[] = entries.map((entry, index) => ({
    type: "scatter",
    mode: "markers",
    name: entry.policy + (efficient[index] ? " (efficient)" : ""),
    x: [entry.kpis.churnRateMonthly.mean * 100],
    y: [entry.kpis.netValuePerSub.mean],
    error_x: { ...errorBars(entry.kpis.churnRateMonthly.mean, entry.kpis.churnRateMonthly.ci95, 100), color: colours.get(entry.policy) },
    error_y: { ...errorBars(entry.kpis.netValuePerSub.mean, entry.kpis.netValuePerSub.ci95), color: colours.get(entry.policy) },
    marker: {
      color: colours.get(entry.policy),
      symbol: efficient[index] ? "diamond" : "circle",
      line: { width: 1, color: "#fff" },
      opacity: 0.85,
      ...sizes,
      size: [sizes.size[index]],
    },
    hovertemplate: `${entry.policy}<br>churn %{x:.3f} %/month<br>net value/customer %{y:,.1f}${money}<br>annoyance ${entry.kpis.annoyance.mean.toFixed(3)}<extra></extra>`,
  }));
  const front = entries.map((entry, index) => ({ entry, index })).filter(({ index }) => efficient[index]);
  front.sort((a, b) => a.entry.kpis.churnRateMonthly.mean - b.entry.kpis.churnRateMonthly.mean);
  traces.push({
    type: "scatter",
    mode: "lines",
    name: "Pareto front",
    x: front.map(({ entry }) => entry.kpis.churnRateMonthly.mean * 100),
    y: front.map(({ entry }) => entry.kpis.netValuePerSub.mean),
    line: { dash: "dash", color: "#555" },
    hoverinfo: "skip",
  });
  return {
    id: "trade-off-absolute",
    title: "Absolute levels: churn against net value per customer",
    data: traces,
    layout: baseLayout("churn, % per month (lower is better)", `${moneyLabel("net value per customer", currency)} (higher is better)`),
    caption:
      "Up and to the left is better: each marker is a policy's mean over seeds (bars: 95 % intervals of each mean, which overlap even where the paired chart shows a real difference; marker area: mean annoyance), and diamonds joined by the dashed line are the Pareto-efficient policies, those no other policy beats on both churn and net value.",
  };
}
